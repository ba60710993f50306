import path from 'node:path';
import { Connection } from '@temporalio/client';
import type { RuntimeEnvironment, TemporalSettings } from './config.js';
import { startStoreServer, startTemporalDevServer, type StoreServerOptions, type TemporalDevServerOptions } from './embedded-servers.js';
import { assertPortsFree } from './ports.js';
import type { ServerProcess } from './server-process.js';
import { supervise } from './supervisor.js';
import { prepareTemporal } from './temporal-setup.js';
import { provisionStoreServer, provisionTemporalCli } from '../provision/toolchain.js';
import type { Reporter } from '../provision/progress.js';

export interface RuntimeOptions {
  settings: TemporalSettings;
  environment: RuntimeEnvironment;
  reporter: Reporter;
  /** Ports for the embedded servers (tests pass free ones). */
  ports: { temporal: number; temporalUi: number; store: number };
  /** Ports the caller will listen on afterwards, checked with the others so nothing starts half-way. */
  callerPorts?: Array<{ port: number; host: string; purpose: string }>;
  /** The codec endpoint the embedded Web UI decodes payloads through (MotCua's API). */
  uiCodecEndpoint?: string;
  /** Restart an embedded server that dies (npm start), logging each death here; servers given by
   * TEMPORAL_ADDRESS / MONGODB_URI are not MotCua's and are never supervised. */
  supervise?: { log: (line: string) => void };
}

/** Where MotCua's dependencies answer, whether it started them or they run elsewhere. */
export interface Runtime {
  temporalAddress: string;
  /** Set when the embedded dev server serves Temporal's Web UI. */
  temporalUiUrl?: string;
  mongodbUri: string;
  /** Restarts nothing from now on, whatever dies (the first thing an entry point does when it stops). */
  endSupervision(): void;
  /** Stops whatever this runtime started (nothing, for external servers), supervision first. */
  stop(): Promise<void>;
}

const loopback = '127.0.0.1';

/**
 * Starts the embedded Temporal dev server and store unless TEMPORAL_ADDRESS / MONGODB_URI point
 * elsewhere, then registers the namespace and search attributes. Every port is checked before
 * anything starts, and a failure stops what did start.
 */
export async function startRuntime(options: RuntimeOptions): Promise<Runtime> {
  const { settings, environment, reporter, ports } = options;
  const embedTemporal = environment.externalTemporalAddress === undefined;
  const embedStore = environment.externalMongodbUri === undefined;
  const logDir = path.join(environment.dataDir, 'logs');

  const temporalBin = embedTemporal ? await provisionTemporalCli({ ...environment, reporter }) : undefined;
  const storeServer = embedStore ? await provisionStoreServer({ ...environment, reporter }) : undefined;

  await assertPortsFree([
    ...(embedTemporal
      ? [
          { port: ports.temporal, host: settings.devServer.ip, purpose: 'Temporal dev server' },
          { port: ports.temporalUi, host: settings.devServer.ip, purpose: 'Temporal Web UI' },
        ]
      : []),
    ...(embedStore ? [{ port: ports.store, host: loopback, purpose: 'FerretDB' }] : []),
    ...(options.callerPorts ?? []),
  ]);

  // Each embedded server as a way to start it, kept to start it again on the same port and data.
  const launches: Array<() => Promise<ServerProcess>> = [];
  if (temporalBin) {
    const devServer: TemporalDevServerOptions = {
      bin: temporalBin,
      ip: settings.devServer.ip,
      port: ports.temporal,
      uiPort: ports.temporalUi,
      dbFile: path.join(environment.dataDir, settings.devServer.dbFile),
      logLevel: settings.devServer.logLevel,
      logFile: path.join(logDir, 'temporal.log'),
      uiCodecEndpoint: options.uiCodecEndpoint,
    };
    launches.push(() => startTemporalDevServer(devServer));
  }
  if (storeServer) {
    const store: StoreServerOptions = {
      server: storeServer,
      host: loopback,
      port: ports.store,
      dataDir: path.join(environment.dataDir, 'store'),
      logFile: path.join(logDir, 'store.log'),
    };
    launches.push(() => startStoreServer(store));
  }
  const started = await Promise.allSettled(launches.map((start) => start()));
  const servers = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failure = started.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure) {
    await Promise.all(servers.map((server) => server.stop()));
    throw failure.reason;
  }
  const { supervise: supervision } = options;
  const supervisors = supervision ? servers.map((server, at) => supervise(server, { name: server.spec.name, restart: launches[at]!, log: supervision.log })) : [];
  const endSupervision = () => supervisors.forEach((supervisor) => supervisor.release());
  const stop = async () => {
    await Promise.all(supervision ? supervisors.map((supervisor) => supervisor.stop()) : servers.map((server) => server.stop()));
  };

  const temporalAddress = environment.externalTemporalAddress ?? `${settings.devServer.ip}:${ports.temporal}`;
  try {
    const connection = await Connection.connect({ address: temporalAddress });
    try {
      await prepareTemporal(connection, settings);
    } finally {
      await connection.close();
    }
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    temporalAddress,
    temporalUiUrl: embedTemporal ? `http://${settings.devServer.ip}:${ports.temporalUi}` : undefined,
    mongodbUri: environment.externalMongodbUri ?? `mongodb://${loopback}:${ports.store}/motcua`,
    endSupervision,
    stop,
  };
}
