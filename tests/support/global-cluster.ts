import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freeClusterPorts, startClusterTopology, type MetricsEndpoint } from '../../scripts/cluster/topology.js';
import { consoleReporter } from '../../scripts/provision/progress.js';
import { provisionTestServer } from '../../scripts/provision/toolchain.js';
import { loadTemporalSettings, readEnvironment } from '../../scripts/runtime/config.js';
import { ensureDesignerBuilt } from '../../scripts/runtime/designer-build.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** HAProxy in front of the cluster's API processes. */
    clusterUrl: string;
    /** Each API process of the cluster, reached directly. */
    clusterApiUrls: string[];
    /** Every worker and API process's own /metrics. */
    clusterMetricsUrls: MetricsEndpoint[];
  }
}

/**
 * The `cluster` project's servers: `npm run cluster`'s topology (PostgreSQL, the Temporal server's
 * four services, FerretDB on PostgreSQL, two workers, two APIs behind HAProxy) on free ports with a
 * fresh data directory. The system tests it runs find its Temporal and store as they find the dev
 * stack's; the coherence tests use its API processes.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'motcua-cluster-test-'));
  // PostgreSQL runs as its own account when the tests run as root: it must reach its data directory.
  await chmod(dataDir, 0o755);
  const settings = await loadTemporalSettings();
  const environment = readEnvironment();
  await ensureDesignerBuilt(consoleReporter);
  const topology = await startClusterTopology({
    settings,
    dataDir,
    cacheDir: environment.cacheDir,
    ports: await freeClusterPorts(),
    workers: 2,
    historyShards: 16,
    reporter: consoleReporter,
  });
  const testServerPath = await provisionTestServer({ ...environment, reporter: consoleReporter });
  const mongodbUri = new URL(topology.mongodbUri);
  mongodbUri.pathname = `/motcua-test-${path.basename(dataDir).slice('motcua-cluster-test-'.length)}`;

  project.provide('temporalAddress', topology.temporalAddress);
  project.provide('temporalNamespace', settings.namespace);
  project.provide('mongodbUri', mongodbUri.toString());
  project.provide('testServerPath', testServerPath);
  project.provide('clusterUrl', topology.url);
  project.provide('clusterApiUrls', topology.apiUrls);
  project.provide('clusterMetricsUrls', topology.metricsUrls);

  return async () => {
    await topology.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
