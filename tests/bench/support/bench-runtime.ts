/**
 * The servers a benchmark runs on: MotCua's runtime (Temporal dev server and FerretDB, or
 * TEMPORAL_ADDRESS / MONGODB_URI) on free ports, with a data directory removed at the end.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { consoleReporter } from '../../../scripts/provision/progress.js';
import { loadTemporalSettings, readEnvironment, type TemporalSettings } from '../../../scripts/runtime/config.js';
import { findFreePort } from '../../../scripts/runtime/ports.js';
import { startRuntime, type Runtime } from '../../../scripts/runtime/runtime.js';

export async function startBenchRuntime(name: string): Promise<{ runtime: Runtime; settings: TemporalSettings; stop(): Promise<void> }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `motcua-bench-${name}-`));
  const settings = await loadTemporalSettings();
  const runtime = await startRuntime({
    settings,
    environment: { ...readEnvironment(), dataDir },
    reporter: consoleReporter,
    ports: { temporal: await findFreePort(), temporalUi: await findFreePort(), store: await findFreePort() },
  });
  return {
    runtime,
    settings,
    async stop() {
      await runtime.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The runtime's store URI with another database name, so a measurement starts on an empty store. */
export function storeUriFor(runtime: Pick<Runtime, 'mongodbUri'>, database: string): string {
  return runtime.mongodbUri.replace(/\/[^/?]*(\?|$)/, `/${database}$1`);
}
