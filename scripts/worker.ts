/**
 * `npm run worker`: one more dossier worker against the Temporal cluster and store that
 * TEMPORAL_ADDRESS and MONGODB_URI name — how an agency adds workers beside `npm start`'s.
 */
import { NativeConnection } from '@temporalio/worker';
import { createActivities } from '../activities/index.js';
import { createWorkerMetrics } from '../activities/metrics/worker-metrics.js';
import { createDossierWorker, installWorkerRuntime, stopWorker } from '../activities/worker.js';
import { workerTracing } from '../activities/worker-tracing.js';
import { connectStore } from '../store/connection.js';
import { createStore } from '../store/store.js';
import { ConfigError, loadTemporalSettings, readEnvironment } from './runtime/config.js';
import { reportFatal } from './runtime/fatal.js';
import { ShutdownSequence } from './runtime/shutdown.js';
import { serveMetrics } from './runtime/metrics-server.js';
import { assertProductionReady } from './runtime/production-checks.js';
import { startOutsideServices } from './runtime/outside-services.js';
import { EncryptionCodec } from './runtime/payload-codec.js';
import { loadPayloadKeyring } from './runtime/payload-keys.js';
import { tracingFromEnvironment } from './runtime/tracing.js';

async function main(): Promise<void> {
  assertProductionReady('worker');
  const settings = await loadTemporalSettings();
  const environment = readEnvironment();
  if (!environment.externalTemporalAddress || !environment.externalMongodbUri) {
    throw new ConfigError('npm run worker joins running servers: set TEMPORAL_ADDRESS and MONGODB_URI (npm start runs a worker of its own)');
  }
  const { metrics } = environment;
  const tracing = tracingFromEnvironment('motcua-worker');
  installWorkerRuntime('WARN', `${metrics.host}:${metrics.temporalSdkPort}`);
  const shutdown = new ShutdownSequence();
  if (tracing) shutdown.add(tracing.shutdown);
  const storeConnection = await connectStore(environment.externalMongodbUri, { timeoutMs: environment.timeouts.storeMs });
  shutdown.add(() => storeConnection.close());
  const store = createStore(storeConnection);
  await store.ensureIndexes();
  const connection = await NativeConnection.connect({ address: environment.externalTemporalAddress });
  shutdown.add(() => connection.close());
  // A worker beside npm start's: the services the environment configures, no local stand-ins.
  const outside = await startOutsideServices({ store, connection: storeConnection, dataDir: environment.dataDir, appUrl: '', devStack: false });
  shutdown.add(outside.stop);
  const workerMetrics = createWorkerMetrics();
  const worker = await createDossierWorker({
    connection,
    namespace: settings.namespace,
    taskQueue: settings.taskQueues.dossiers,
    tuning: settings.worker,
    activities: createActivities(store, outside.services),
    metrics: workerMetrics,
    dataConverter: { payloadCodecs: [new EncryptionCodec(await loadPayloadKeyring(environment.dataDir))] },
    tracing: tracing && workerTracing(tracing),
  });
  const metricsServer = await serveMetrics(workerMetrics.registry, metrics.workerPort, metrics.host, console);
  shutdown.add(() => metricsServer.close());
  const workerRun = worker.run();
  shutdown.add(() => stopWorker(worker, workerRun));
  shutdown.runOnSignals((signal) => console.log(`${signal}: stopping the worker…`));
  console.log(`MotCua worker polling ${settings.taskQueues.dossiers} on ${environment.externalTemporalAddress}; metrics at ${metricsServer.url} and http://${metrics.host}:${metrics.temporalSdkPort}/metrics (Temporal SDK)`);
  // A worker that fails by itself (not stopped by a signal) ends the process with its error.
  await workerRun;
}

main().catch(reportFatal);
