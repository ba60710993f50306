/**
 * `npm run cluster`: the production rehearsal on one machine. Provisions what is missing, then
 * starts PostgreSQL, the Temporal server's four services on it (16 history shards) with the Web UI,
 * FerretDB on PostgreSQL, two workers and two API processes behind HAProxy, all with data under
 * .data/cluster/ (kept across restarts). Ctrl-C stops everything it started, in reverse order.
 */
import path from 'node:path';
import { z } from 'zod';
import { consoleReporter } from './provision/progress.js';
import { clusterPortsFrom, startClusterTopology } from './cluster/topology.js';
import { ConfigError, loadTemporalSettings, readEnvironment } from './runtime/config.js';
import { ensureDesignerBuilt } from './runtime/designer-build.js';
import { reportFatal } from './runtime/fatal.js';

const clusterEnvironment = z.object({
  MOTCUA_CLUSTER_PORTS_FROM: z.coerce.number().int().min(1024).max(65_000).default(17_400),
  MOTCUA_CLUSTER_WORKERS: z.coerce.number().int().min(1).max(16).default(2),
  MOTCUA_CLUSTER_APIS: z.coerce.number().int().min(1).max(16).default(2),
});

async function main(): Promise<void> {
  const settings = await loadTemporalSettings();
  const environment = readEnvironment();
  const parsed = clusterEnvironment.safeParse(process.env);
  if (!parsed.success) throw new ConfigError(`environment: ${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`);
  const reporter = consoleReporter;
  await ensureDesignerBuilt(reporter);
  const starting = new AbortController();
  const abortStart = () => {
    console.log('\nstopping what has started…');
    starting.abort();
  };
  process.once('SIGINT', abortStart);
  process.once('SIGTERM', abortStart);
  const topology = await startClusterTopology({
    settings,
    dataDir: path.join(environment.dataDir, 'cluster'),
    cacheDir: environment.cacheDir,
    ports: clusterPortsFrom(parsed.data.MOTCUA_CLUSTER_PORTS_FROM, environment.appPort, parsed.data.MOTCUA_CLUSTER_APIS, parsed.data.MOTCUA_CLUSTER_WORKERS),
    workers: parsed.data.MOTCUA_CLUSTER_WORKERS,
    historyShards: 16,
    reporter,
    signal: starting.signal,
  });
  process.off('SIGINT', abortStart);
  process.off('SIGTERM', abortStart);
  console.log(`
MotCua cluster is running.
  Designer and API   ${topology.url} (HAProxy → ${topology.apiUrls.join(', ')})
  Temporal           ${topology.temporalAddress} (frontend, history, matching, worker: four processes on PostgreSQL, namespace ${settings.namespace})
  Temporal Web UI    ${topology.temporalUiUrl}
  Store              ${topology.mongodbUri} (FerretDB on PostgreSQL)
  Workers            ${topology.workers.length}
  Data and logs      ${path.join(environment.dataDir, 'cluster')}
Press Ctrl-C to stop.`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the cluster…`);
    void topology.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch(reportFatal);
