/**
 * `npm start`: provisions what is missing, starts Temporal and the store (unless TEMPORAL_ADDRESS /
 * MONGODB_URI point elsewhere), then the worker and the API serving the designer, at one URL.
 */
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { codecEndpointPath } from '../api/temporal/codec-routes.js';
import { clientTracingInterceptors } from '../api/temporal/client-tracing.js';
import { temporalConnectionOptions } from '../api/temporal/temporal-connection.js';
import { createActivities } from '../activities/index.js';
import { createWorkerMetrics } from '../activities/metrics/worker-metrics.js';
import { createDossierWorker, installWorkerRuntime, stopWorker } from '../activities/worker.js';
import { workerTracing } from '../activities/worker-tracing.js';
import { connectStore } from '../store/connection.js';
import { createStore } from '../store/store.js';
import { consoleReporter } from './provision/progress.js';
import { loadTemporalSettings, readEnvironment } from './runtime/config.js';
import { ensureDesignerBuilt } from './runtime/designer-build.js';
import { startRuntime } from './runtime/runtime.js';
import { createApiContext } from './runtime/api-context.js';
import { startOutsideServices } from './runtime/outside-services.js';
import { serveApi } from './runtime/api-server.js';
import { serveMetrics } from './runtime/metrics-server.js';
import { EncryptionCodec } from './runtime/payload-codec.js';
import { loadPayloadKeyring } from './runtime/payload-keys.js';
import { reportFatal } from './runtime/fatal.js';
import { ShutdownSequence } from './runtime/shutdown.js';
import { assertProductionReady } from './runtime/production-checks.js';
import { tracingFromEnvironment } from './runtime/tracing.js';

async function main(): Promise<void> {
  assertProductionReady('start');
  const settings = await loadTemporalSettings();
  const environment = readEnvironment();
  const reporter = consoleReporter;

  const { metrics } = environment;
  const payloadCodec = new EncryptionCodec(await loadPayloadKeyring(environment.dataDir));
  const dataConverter = { payloadCodecs: [payloadCodec] };
  await ensureDesignerBuilt(reporter);
  const appUrl = `http://${['0.0.0.0', '::'].includes(environment.host) ? '127.0.0.1' : environment.host}:${environment.appPort}`;
  const runtime = await startRuntime({
    settings,
    environment,
    reporter,
    ports: { temporal: settings.devServer.port, temporalUi: settings.devServer.uiPort, store: environment.storePort },
    callerPorts: [
      { port: environment.appPort, host: environment.host, purpose: 'MotCua API and designer' },
      { port: metrics.apiPort, host: metrics.host, purpose: 'the API’s metrics (MOTCUA_METRICS_PORT)' },
      { port: metrics.workerPort, host: metrics.host, purpose: 'the worker’s metrics (MOTCUA_WORKER_METRICS_PORT)' },
      { port: metrics.temporalSdkPort, host: metrics.host, purpose: 'the Temporal SDK’s metrics (MOTCUA_TEMPORAL_METRICS_PORT)' },
    ],
    uiCodecEndpoint: `${appUrl}${codecEndpointPath}`,
    supervise: { log: (line) => console.error(`motcua: ${line}`) },
  });
  // After the port check: Core binds the SDK's metrics port as it installs.
  installWorkerRuntime('WARN', `${metrics.host}:${metrics.temporalSdkPort}`);

  const shutdown = new ShutdownSequence();
  shutdown.add(runtime.stop);
  // API and worker share this process, so one provider and one trace from request to activity.
  const tracing = tracingFromEnvironment('motcua');
  if (tracing) shutdown.add(tracing.shutdown);
  try {
    const storeConnection = await connectStore(runtime.mongodbUri, { timeoutMs: environment.timeouts.storeMs });
    shutdown.add(() => storeConnection.close());
    const store = createStore(storeConnection);
    await store.ensureIndexes();
    const clientConnection = await Connection.connect(temporalConnectionOptions(runtime.temporalAddress, environment.timeouts.temporalMs));
    shutdown.add(() => clientConnection.close());
    const workerConnection = await NativeConnection.connect({ address: runtime.temporalAddress });
    shutdown.add(() => workerConnection.close());
    const outside = await startOutsideServices({ store, connection: storeConnection, dataDir: environment.dataDir, appUrl, devStack: true });
    shutdown.add(outside.stop);

    const workerMetrics = createWorkerMetrics();
    const worker = await createDossierWorker({
      connection: workerConnection,
      namespace: settings.namespace,
      taskQueue: settings.taskQueues.dossiers,
      tuning: settings.worker,
      activities: createActivities(store, outside.services),
      metrics: workerMetrics,
      dataConverter,
      tracing: tracing && workerTracing(tracing),
    });
    const workerMetricsServer = await serveMetrics(workerMetrics.registry, metrics.workerPort, metrics.host, console);
    shutdown.add(() => workerMetricsServer.close());
    const workerRun = worker.run();
    shutdown.add(() => stopWorker(worker, workerRun));

    const api = await createApiContext({
      connection: storeConnection,
      client: new Client({ connection: clientConnection, namespace: settings.namespace, dataConverter, interceptors: tracing && clientTracingInterceptors() }),
      taskQueue: settings.taskQueues.dossiers,
      dataDir: environment.dataDir,
      paymentCallbackSecret: outside.paymentCallbackSecret,
      payloadCodec,
      temporalUiUrl: runtime.temporalUiUrl,
    });
    const { server, metricsServer: apiMetricsServer } = await serveApi({
      api,
      temporal: clientConnection,
      store: storeConnection,
      tracing: tracing !== undefined,
      port: environment.appPort,
      host: environment.host,
      metrics,
      shutdown,
    });
    // The first step when stopping: a server that dies from then on (stopped with its whole process group, say) stays down.
    shutdown.add(async () => runtime.endSupervision());

    console.log(`
MotCua is running.
  Designer and API   ${server.url}
  API reference      ${server.url}/api/docs
  Health             ${server.url}/healthz
  Metrics            ${apiMetricsServer.url} (API), ${workerMetricsServer.url} (worker), http://${metrics.host}:${metrics.temporalSdkPort}/metrics (Temporal SDK)
  Temporal           ${runtime.temporalAddress} (namespace ${settings.namespace})${runtime.temporalUiUrl ? `\n  Temporal Web UI    ${runtime.temporalUiUrl}` : ''}
  Store              ${runtime.mongodbUri}
${outside.summary.map((line) => `  ${line}`).join('\n')}
  Data               ${environment.dataDir}
Press Ctrl-C to stop.`);
  } catch (error) {
    await shutdown.run();
    throw error;
  }
  shutdown.runOnSignals((signal) => console.log(`\n${signal}: stopping MotCua…`));
}

main().catch(reportFatal);
