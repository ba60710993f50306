import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { runCommand } from '../provision/commands.js';
import { step, type Reporter } from '../provision/progress.js';
import type { TemporalServerBuild } from '../provision/temporal-server.js';
import { ServerProcess } from '../runtime/server-process.js';
import type { Postgres } from './postgres.js';

/** The four services of a Temporal server, each run as a process of its own. */
export const temporalServices = ['history', 'matching', 'frontend', 'worker'] as const;
export type TemporalService = (typeof temporalServices)[number];

export interface ServicePorts {
  grpc: number;
  membership: number;
}

export interface TemporalClusterPorts {
  frontend: ServicePorts & { http: number };
  history: ServicePorts;
  matching: ServicePorts;
  worker: ServicePorts;
}

export interface TemporalClusterOptions {
  build: TemporalServerBuild;
  postgres: Postgres;
  ports: TemporalClusterPorts;
  historyShards: number;
  /** Where the config file goes and the services' logs. */
  directory: string;
  logDirectory: string;
  reporter: Reporter;
}

const host = '127.0.0.1';
const databases = { persistence: 'temporal', visibility: 'temporal_visibility' } as const;

function datastore(postgres: Postgres, databaseName: string, maxConns: number) {
  return {
    sql: {
      pluginName: 'postgres12',
      databaseName,
      connectAddr: `${host}:${postgres.port}`,
      connectProtocol: 'tcp',
      user: postgres.user,
      password: '',
      maxConns,
      maxIdleConns: maxConns,
      maxConnLifetime: '1h',
    },
  };
}

/**
 * The server's static configuration: PostgreSQL for persistence and (SQL advanced) visibility,
 * `historyShards` shards, and each service's ports. The shard count is fixed once the persistence
 * schema holds data: changing it means a new cluster (README, deploy guide).
 */
export function temporalConfig(options: Pick<TemporalClusterOptions, 'postgres' | 'ports' | 'historyShards'>, dynamicConfigFile: string) {
  const { postgres, ports } = options;
  const rpc = (service: ServicePorts & { http?: number }) => ({
    rpc: { grpcPort: service.grpc, membershipPort: service.membership, bindOnIP: host, ...(service.http ? { httpPort: service.http } : {}) },
  });
  return {
    log: { stdout: true, level: 'warn', format: 'json' },
    persistence: {
      defaultStore: 'postgres-default',
      visibilityStore: 'postgres-visibility',
      numHistoryShards: options.historyShards,
      datastores: {
        'postgres-default': datastore(postgres, databases.persistence, 20),
        'postgres-visibility': datastore(postgres, databases.visibility, 10),
      },
    },
    global: { membership: { maxJoinDuration: '30s', broadcastAddress: host } },
    services: { frontend: rpc(ports.frontend), history: rpc(ports.history), matching: rpc(ports.matching), worker: rpc(ports.worker) },
    clusterMetadata: {
      enableGlobalNamespace: false,
      failoverVersionIncrement: 10,
      masterClusterName: 'active',
      currentClusterName: 'active',
      clusterInformation: {
        active: { enabled: true, initialFailoverVersion: 1, rpcName: 'frontend', rpcAddress: `${host}:${ports.frontend.grpc}`, httpAddress: `${host}:${ports.frontend.http}` },
      },
    },
    dcRedirectionPolicy: { policy: 'noop' },
    archival: { history: { state: 'disabled' }, visibility: { state: 'disabled' } },
    namespaceDefaults: { archival: { history: { state: 'disabled' }, visibility: { state: 'disabled' } } },
    publicClient: { hostPort: `${host}:${ports.frontend.grpc}` },
    dynamicConfigClient: { filepath: dynamicConfigFile, pollInterval: '10s' },
  };
}

/** Settings the server changes at run time; the same eager activities as the dev stack. */
const dynamicConfig = {
  'system.enableActivityEagerExecution': [{ value: true }],
};

/** Creates the two databases on first start, then brings both schemas to the release's version (a no-op when current). */
async function ensureSchemas(options: TemporalClusterOptions): Promise<void> {
  const { build, postgres } = options;
  for (const [database, schema] of [
    [databases.persistence, 'temporal'],
    [databases.visibility, 'visibility'],
  ] as const) {
    const tool = (args: string[]) =>
      runCommand(build.sqlTool, ['--plugin', 'postgres12', '--ep', host, '--port', String(postgres.port), '--user', postgres.user, '--db', database, ...args]);
    const existed = await databaseExists(postgres, database);
    if (!existed) {
      await postgres.ensureDatabase(database);
      await tool(['setup-schema', '-v', '0.0']);
    }
    await tool(['update-schema', '-d', path.join(build.schemaDirectory, schema, 'versioned')]);
  }
}

async function databaseExists(postgres: Postgres, database: string): Promise<boolean> {
  const out = await runCommand(path.join(postgres.bin, 'psql'), ['-h', host, '-p', String(postgres.port), '-U', postgres.user, '-d', 'postgres', '-tAc', `select 1 from pg_database where datname = '${database}'`]);
  return out.trim() === '1';
}

export interface TemporalCluster {
  address: string;
  processes: Map<TemporalService, ServerProcess>;
  /** Starts one service again (after a fault drill killed it). */
  restart(service: TemporalService): Promise<ServerProcess>;
  stop(): Promise<void>;
}

/** Schemas, config file, then history, matching, frontend and worker as four processes (stopped in reverse). */
export async function startTemporalCluster(options: TemporalClusterOptions): Promise<TemporalCluster> {
  await step(options.reporter, 'Creating or upgrading Temporal’s PostgreSQL schemas (temporal-sql-tool)', () => ensureSchemas(options));
  const configDirectory = path.join(options.directory, 'config');
  await mkdir(configDirectory, { recursive: true });
  const dynamicConfigFile = path.join(configDirectory, 'dynamicconfig.yaml');
  await writeFile(dynamicConfigFile, stringify(dynamicConfig));
  await writeFile(path.join(configDirectory, 'cluster.yaml'), stringify(temporalConfig(options, dynamicConfigFile)));

  const processes = new Map<TemporalService, ServerProcess>();
  const start = async (service: TemporalService) => {
    const server = await ServerProcess.start({
      name: `Temporal ${service}`,
      command: options.build.server,
      args: ['--root', options.directory, '--config', 'config', '--env', 'cluster', '--allow-no-auth', 'start', '--service', service],
      logFile: path.join(options.logDirectory, `temporal-${service}.log`),
      // The worker service serves no gRPC; it is up once it joins the membership ring.
      readyWhenListening: { host, port: service === 'worker' ? options.ports.worker.membership : options.ports[service].grpc },
      readyTimeoutMs: 120_000,
    });
    processes.set(service, server);
    return server;
  };
  const stop = async () => {
    for (const service of [...temporalServices].reverse()) await processes.get(service)?.stop();
  };
  try {
    for (const service of temporalServices) await step(options.reporter, `Starting Temporal ${service}`, () => start(service));
  } catch (error) {
    await stop();
    throw error;
  }
  return { address: `${host}:${options.ports.frontend.grpc}`, processes, restart: start, stop };
}
