import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { consoleReporter } from '../../scripts/provision/progress.js';
import { provisionTestServer } from '../../scripts/provision/toolchain.js';
import { loadTemporalSettings, readEnvironment } from '../../scripts/runtime/config.js';
import { findFreePort } from '../../scripts/runtime/ports.js';
import { startRuntime } from '../../scripts/runtime/runtime.js';

declare module 'vitest' {
  export interface ProvidedContext {
    temporalAddress: string;
    temporalNamespace: string;
    mongodbUri: string;
    testServerPath: string;
  }
}

/**
 * Starts the servers the system tests share — the Temporal dev server and FerretDB, on free ports
 * with a fresh data directory — or uses TEMPORAL_ADDRESS / MONGODB_URI when they are set.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'motcua-test-'));
  const settings = await loadTemporalSettings();
  const environment = { ...readEnvironment(), dataDir };
  const runtime = await startRuntime({
    settings,
    environment,
    reporter: consoleReporter,
    ports: { temporal: await findFreePort(), temporalUi: await findFreePort(), store: await findFreePort() },
  });
  const testServerPath = await provisionTestServer({ ...environment, reporter: consoleReporter });

  // A database of its own per run, so a shared external MongoDB keeps runs apart.
  const mongodbUri = new URL(runtime.mongodbUri);
  mongodbUri.pathname = `/motcua-test-${path.basename(dataDir).slice('motcua-test-'.length)}`;

  project.provide('temporalAddress', runtime.temporalAddress);
  project.provide('temporalNamespace', settings.namespace);
  project.provide('mongodbUri', mongodbUri.toString());
  project.provide('testServerPath', testServerPath);

  return async () => {
    await runtime.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
