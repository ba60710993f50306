/**
 * `npm run api`: one more API process (serving the designer) against the Temporal cluster and store
 * that TEMPORAL_ADDRESS and MONGODB_URI name, on PORT — how `npm run cluster` and an agency run
 * several behind a load balancer. Every process must share MOTCUA_TOKEN_SECRET (or the data directory).
 */
import { Client, Connection } from '@temporalio/client';
import { createApp } from '../api/app.js';
import { listen } from '../api/http-server.js';
import { clientTracingInterceptors } from '../api/temporal/client-tracing.js';
import { connectStore, pingStore } from '../store/connection.js';
import { createApiContext } from './runtime/api-context.js';
import { startApiMetrics } from './runtime/api-metrics-server.js';
import { ConfigError, loadTemporalSettings, readEnvironment } from './runtime/config.js';
import { designerDist } from './runtime/designer-build.js';
import { reportFatal } from './runtime/fatal.js';
import { EncryptionCodec } from './runtime/payload-codec.js';
import { loadPayloadKeyring } from './runtime/payload-keys.js';
import { tracingFromEnvironment } from './runtime/tracing.js';

async function main(): Promise<void> {
  const settings = await loadTemporalSettings();
  const environment = readEnvironment();
  if (!environment.externalTemporalAddress || !environment.externalMongodbUri) {
    throw new ConfigError('npm run api joins running servers: set TEMPORAL_ADDRESS and MONGODB_URI (npm start runs an API of its own)');
  }
  const tracing = tracingFromEnvironment('motcua-api');
  const storeConnection = await connectStore(environment.externalMongodbUri);
  const connection = await Connection.connect({ address: environment.externalTemporalAddress });
  // The workers' keyring (MOTCUA_PAYLOAD_KEYS, or the one kept in the shared data directory).
  const payloadCodec = new EncryptionCodec(await loadPayloadKeyring(environment.dataDir));
  const api = await createApiContext({
    connection: storeConnection,
    client: new Client({ connection, namespace: settings.namespace, dataConverter: { payloadCodecs: [payloadCodec] }, interceptors: tracing && clientTracingInterceptors() }),
    taskQueue: settings.taskQueues.dossiers,
    dataDir: environment.dataDir,
    // The outside services themselves are the workers' (delivery loops included); the API only checks the gateway's callbacks.
    paymentCallbackSecret: process.env.MOTCUA_PAYMENT_SECRET,
    payloadCodec,
  });
  const app = createApp({
    api,
    probes: [
      { name: 'temporal', check: async () => void (await connection.workflowService.getSystemInfo({})) },
      { name: 'store', check: () => pingStore(storeConnection) },
    ],
    designerDir: designerDist,
    tracing: tracing !== undefined,
  });
  api.worklist.refresh().catch((error: Error) => api.logger.error({ err: error.message }, 'loading the worklist failed'));
  const server = await listen(app, environment.appPort, environment.host);
  const { metrics } = environment;
  const metricsServer = await startApiMetrics(api, metrics.apiPort, metrics.host);
  console.log(`MotCua API at ${server.url} on ${environment.externalTemporalAddress}; metrics at ${metricsServer.url}`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    api.events.close();
    await server.close();
    await api.compiler.close();
    await metricsServer.close();
    await connection.close();
    await storeConnection.close();
    await tracing?.shutdown();
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch(reportFatal);
