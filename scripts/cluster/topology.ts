import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { stringify } from 'yaml';
import { connectStore } from '../../store/connection.js';
import { createStore } from '../../store/store.js';
import { step, type Reporter } from '../provision/progress.js';
import { provisionTemporalServer, provisionTemporalUi } from '../provision/temporal-server.js';
import { provisionStoreServer } from '../provision/toolchain.js';
import { projectRoot, type TemporalSettings } from '../runtime/config.js';
import { findFreePort } from '../runtime/ports.js';
import { ServerProcess } from '../runtime/server-process.js';
import { prepareTemporal } from '../runtime/temporal-setup.js';
import { startLoadBalancer } from './load-balancer.js';
import { startPostgres } from './postgres.js';
import { startClusterStandIns } from './stand-ins.js';
import { startTemporalCluster, type TemporalCluster, type TemporalClusterPorts } from './temporal-services.js';

export interface ClusterPorts {
  /** The one origin: HAProxy in front of the API processes. */
  proxy: number;
  postgres: number;
  temporal: TemporalClusterPorts;
  temporalUi: number;
  store: number;
  apis: number[];
  /** Each API process's Prometheus port (MOTCUA_METRICS_PORT), one per process, as several share the machine. */
  apiMetrics: number[];
  /** Each worker process's Prometheus ports (its own metrics and the Temporal SDK's): one per process, as several share the machine. */
  workerMetrics: Array<{ worker: number; temporalSdk: number }>;
}

export interface ClusterOptions {
  settings: TemporalSettings;
  /** Everything the topology keeps: PostgreSQL's data directory, configs, logs. */
  dataDir: string;
  cacheDir: string;
  ports: ClusterPorts;
  workers: number;
  historyShards: number;
  reporter: Reporter;
  /** Extra environment for the worker and API processes. */
  processEnvironment?: Record<string, string>;
  /** Aborted (Ctrl-C) while starting: what started is stopped after the current step. */
  signal?: AbortSignal;
}

export type MotcuaProcessKind = 'worker' | 'api';

/** One /metrics of the topology: the API's or worker's MotCua registry, or the Temporal SDK's in a worker. */
export interface MetricsEndpoint {
  process: string;
  registry: 'api' | 'worker' | 'temporal-sdk';
  url: string;
}

/** A worker or API process of the topology, which a fault drill may kill and start again. */
export interface MotcuaProcess {
  kind: MotcuaProcessKind;
  name: string;
  process: ServerProcess;
  restart(): Promise<void>;
}

export interface ClusterTopology {
  url: string;
  temporalAddress: string;
  temporalUiUrl: string;
  mongodbUri: string;
  temporal: TemporalCluster;
  workers: MotcuaProcess[];
  apis: MotcuaProcess[];
  /** The API processes' own URLs, behind the proxy (tests reach each one directly). */
  apiUrls: string[];
  /** Every worker and API process's /metrics (Prometheus scrapes each): whose, and which registry. */
  metricsUrls: MetricsEndpoint[];
  /** The servers under Temporal and the store (benchmarks read their CPU time). */
  servers: { postgres: ServerProcess; store: ServerProcess; proxy: ServerProcess };
  stop(): Promise<void>;
}

const host = '127.0.0.1';

/** Ports the topology takes, in a fixed layout from `first` (npm run cluster) so data and config agree across restarts. */
export function clusterPortsFrom(first: number, proxy: number, apiCount = 2, workerCount = 2): ClusterPorts {
  const afterApis = first + 12 + apiCount;
  return {
    proxy,
    postgres: first,
    temporal: {
      frontend: { grpc: first + 1, membership: first + 2, http: first + 3 },
      history: { grpc: first + 4, membership: first + 5 },
      matching: { grpc: first + 6, membership: first + 7 },
      worker: { grpc: first + 8, membership: first + 9 },
    },
    temporalUi: first + 10,
    store: first + 11,
    apis: Array.from({ length: apiCount }, (_, at) => first + 12 + at),
    workerMetrics: Array.from({ length: workerCount }, (_, at) => ({ worker: afterApis + 2 * at, temporalSdk: afterApis + 2 * at + 1 })),
    apiMetrics: Array.from({ length: apiCount }, (_, at) => afterApis + 2 * workerCount + at),
  };
}

/** Free ports for every part (tests: a fresh data directory each time). */
export async function freeClusterPorts(apiCount = 2, workerCount = 2): Promise<ClusterPorts> {
  const next = () => findFreePort(host);
  const service = async () => ({ grpc: await next(), membership: await next() });
  return {
    proxy: await next(),
    postgres: await next(),
    temporal: { frontend: { ...(await service()), http: await next() }, history: await service(), matching: await service(), worker: await service() },
    temporalUi: await next(),
    store: await next(),
    apis: await Promise.all(Array.from({ length: apiCount }, next)),
    workerMetrics: await Promise.all(Array.from({ length: workerCount }, async () => ({ worker: await next(), temporalSdk: await next() }))),
    apiMetrics: await Promise.all(Array.from({ length: apiCount }, next)),
  };
}

async function keptSecret(file: string): Promise<string> {
  const existing = await readFile(file, 'utf8').catch(() => undefined);
  if (existing) return existing.trim();
  const secret = randomBytes(48).toString('base64url');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * The production rehearsal on one machine, started in dependency order and stopped in reverse:
 * PostgreSQL; Temporal's four services on it (and its Web UI); FerretDB on it; the outside
 * services' stand-ins; the worker processes; the API processes; HAProxy in front of them.
 * A failure part-way stops what did start.
 */
export async function startClusterTopology(options: ClusterOptions): Promise<ClusterTopology> {
  const { reporter, ports, dataDir } = options;
  const logDirectory = path.join(dataDir, 'logs');
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const stopOne of stops.reverse()) await stopOne().catch((error: Error) => reporter.info(`while stopping: ${error.message}`));
    stops.length = 0;
  };
  const started = (stopOne: () => Promise<void>) => {
    stops.push(stopOne);
    if (options.signal?.aborted) throw new Error('stopped while starting');
  };
  try {
    const build = await provisionTemporalServer(options.cacheDir, reporter);
    const uiServer = await provisionTemporalUi(options.cacheDir, reporter);
    const storeServer = await provisionStoreServer({ cacheDir: options.cacheDir, reporter });
    if (storeServer.kind !== 'ferretdb') throw new Error('the cluster runs the store on FerretDB (MOTCUA_FERRETDB_BIN or Go to build it)');

    const postgres = await step(reporter, `Starting PostgreSQL on port ${ports.postgres}`, () =>
      startPostgres({ dataDir: path.join(dataDir, 'postgres'), port: ports.postgres, user: 'motcua', logFile: path.join(logDirectory, 'postgres.log'), reporter }),
    );
    started(() => postgres.server.stop());

    const temporal = await startTemporalCluster({ build, postgres, ports: ports.temporal, historyShards: options.historyShards, directory: path.join(dataDir, 'temporal'), logDirectory, reporter });
    started(() => temporal.stop());
    await step(reporter, `Registering namespace ${options.settings.namespace} and its search attributes`, async () => {
      const connection = await Connection.connect({ address: temporal.address });
      try {
        await prepareTemporal(connection, options.settings);
      } finally {
        await connection.close();
      }
    });

    const uiDirectory = path.join(dataDir, 'temporal-ui', 'config');
    await mkdir(uiDirectory, { recursive: true });
    await writeFile(
      path.join(uiDirectory, 'cluster.yaml'),
      stringify({ temporalGrpcAddress: temporal.address, host, port: ports.temporalUi, enableUi: true, defaultNamespace: options.settings.namespace, cors: { allowOrigins: [], cookieInsecure: true } }),
    );
    const ui = await ServerProcess.start({
      name: 'Temporal Web UI',
      command: uiServer,
      args: ['--root', path.dirname(uiDirectory), '--config', 'config', '--env', 'cluster', 'start'],
      logFile: path.join(logDirectory, 'temporal-ui.log'),
      readyWhenListening: { host, port: ports.temporalUi },
    });
    started(() => ui.stop());

    await postgres.ensureDatabase('ferretdb');
    await mkdir(path.join(dataDir, 'ferretdb'), { recursive: true });
    const store = await step(reporter, `Starting FerretDB on PostgreSQL, port ${ports.store}`, () =>
      ServerProcess.start({
        name: 'FerretDB',
        command: storeServer.path,
        args: [
          '--handler=postgresql',
          `--postgresql-url=postgres://${postgres.user}@${host}:${postgres.port}/ferretdb`,
          `--listen-addr=${host}:${ports.store}`,
          `--state-dir=${path.join(dataDir, 'ferretdb')}`,
          '--telemetry=disable',
          '--debug-addr=-',
          '--log-level=warn',
        ],
        logFile: path.join(logDirectory, 'ferretdb.log'),
        readyWhenListening: { host, port: ports.store },
      }),
    );
    started(() => store.stop());
    const mongodbUri = `mongodb://${host}:${ports.store}/motcua`;

    const url = `http://${host}:${ports.proxy}`;
    const storeConnection = await connectStore(mongodbUri);
    started(() => storeConnection.close());
    const standIns = await startClusterStandIns({ store: createStore(storeConnection), dataDir: path.join(dataDir, 'app'), appUrl: url });
    started(() => standIns.stop());

    const environment = {
      ...process.env,
      ...standIns.environment,
      TEMPORAL_ADDRESS: temporal.address,
      MONGODB_URI: mongodbUri,
      MOTCUA_DATA_DIR: path.join(dataDir, 'app'),
      // Every API process signs and checks the same sessions.
      MOTCUA_TOKEN_SECRET: process.env.MOTCUA_TOKEN_SECRET || (await keptSecret(path.join(dataDir, 'app', 'token-secret'))),
      ...options.processEnvironment,
    };
    const motcuaProcess = async (kind: MotcuaProcessKind, index: number, port?: number): Promise<MotcuaProcess> => {
      const name = `${kind} ${index + 1}`;
      const spec = {
        name: `MotCua ${name}`,
        command: process.execPath,
        // Node itself, not the tsx wrapper: a fault drill's kill reaches the process that works.
        args: ['--import', 'tsx', path.join(projectRoot, 'scripts', `${kind}.ts`)],
        env:
          port === undefined
            ? { ...environment, MOTCUA_WORKER_METRICS_PORT: String(ports.workerMetrics[index]!.worker), MOTCUA_TEMPORAL_METRICS_PORT: String(ports.workerMetrics[index]!.temporalSdk) }
            : { ...environment, PORT: String(port), HOST: host, MOTCUA_METRICS_PORT: String(ports.apiMetrics[index]!) },
        logFile: path.join(logDirectory, `${kind}-${index + 1}.log`),
        ...(port === undefined ? { readyWhenPrinting: /MotCua worker polling/ } : { readyWhenListening: { host, port } }),
        readyTimeoutMs: 120_000,
      };
      const handle: MotcuaProcess = {
        kind,
        name,
        process: await ServerProcess.start(spec),
        async restart() {
          await handle.process.stop();
          handle.process = await ServerProcess.start(spec);
        },
      };
      return handle;
    };
    const workers: MotcuaProcess[] = [];
    if (ports.apiMetrics.length < ports.apis.length) throw new Error(`a metrics port for each of the ${ports.apis.length} APIs expected, ${ports.apiMetrics.length} given`);
    if (ports.workerMetrics.length < options.workers) throw new Error(`metrics ports for ${options.workers} workers expected, ${ports.workerMetrics.length} given`);
    for (let index = 0; index < options.workers; index++) {
      const worker = await step(reporter, `Starting MotCua worker ${index + 1}`, () => motcuaProcess('worker', index));
      workers.push(worker);
      started(() => worker.process.stop(15_000));
    }
    // One after the other: the first seeds the demo organisation, the next finds it.
    const apis: MotcuaProcess[] = [];
    for (const [index, port] of ports.apis.entries()) {
      const api = await step(reporter, `Starting MotCua API ${index + 1} on port ${port}`, () => motcuaProcess('api', index, port));
      apis.push(api);
      started(() => api.process.stop());
    }
    const proxy = await step(reporter, `Starting HAProxy on port ${ports.proxy}`, () =>
      startLoadBalancer({ port: ports.proxy, apiPorts: ports.apis, directory: path.join(dataDir, 'haproxy'), logFile: path.join(logDirectory, 'haproxy.log'), reporter }),
    );
    started(() => proxy.stop());

    return {
      url,
      temporalAddress: temporal.address,
      temporalUiUrl: `http://${host}:${ports.temporalUi}`,
      mongodbUri,
      temporal,
      workers,
      apis,
      apiUrls: ports.apis.map((port) => `http://${host}:${port}`),
      metricsUrls: [
        ...workers.flatMap((worker, at): MetricsEndpoint[] => [
          { process: worker.name, registry: 'worker', url: `http://${host}:${ports.workerMetrics[at]!.worker}/metrics` },
          { process: worker.name, registry: 'temporal-sdk', url: `http://${host}:${ports.workerMetrics[at]!.temporalSdk}/metrics` },
        ]),
        ...apis.map((api, at): MetricsEndpoint => ({ process: api.name, registry: 'api', url: `http://${host}:${ports.apiMetrics[at]!}/metrics` })),
      ],
      servers: { postgres: postgres.server, store, proxy },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
