/**
 * `npm run api`: one more API process (serving the designer) against the Temporal cluster and store
 * that TEMPORAL_ADDRESS and MONGODB_URI name, on PORT — how `npm run cluster` and an agency run
 * several behind a load balancer. Every process must share MOTCUA_TOKEN_SECRET (or the data directory).
 */
import { Client, Connection } from '@temporalio/client';
import { clientTracingInterceptors } from '../api/temporal/client-tracing.js';
import { temporalConnectionOptions } from '../api/temporal/temporal-connection.js';
import { connectStore } from '../store/connection.js';
import { createApiContext } from './runtime/api-context.js';
import { serveApi } from './runtime/api-server.js';
import { ConfigError, loadTemporalSettings, readEnvironment } from './runtime/config.js';
import { reportFatal } from './runtime/fatal.js';
import { ShutdownSequence } from './runtime/shutdown.js';
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
  const shutdown = new ShutdownSequence();
  if (tracing) shutdown.add(tracing.shutdown);
  const storeConnection = await connectStore(environment.externalMongodbUri, { timeoutMs: environment.timeouts.storeMs });
  shutdown.add(() => storeConnection.close());
  const connection = await Connection.connect(temporalConnectionOptions(environment.externalTemporalAddress, environment.timeouts.temporalMs));
  shutdown.add(() => connection.close());
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
  const { server, metricsServer } = await serveApi({
    api,
    temporal: connection,
    store: storeConnection,
    tracing: tracing !== undefined,
    port: environment.appPort,
    host: environment.host,
    metrics: environment.metrics,
    shutdown,
  });
  shutdown.runOnSignals((signal) => console.log(`${signal}: stopping the API…`));
  console.log(`MotCua API at ${server.url} on ${environment.externalTemporalAddress}; metrics at ${metricsServer.url}`);
}

main().catch(reportFatal);
