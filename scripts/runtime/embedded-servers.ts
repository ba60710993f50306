import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { StoreServer } from '../provision/toolchain.js';
import { ServerProcess } from './server-process.js';

export interface TemporalDevServerOptions {
  bin: string;
  ip: string;
  port: number;
  uiPort: number;
  dbFile: string;
  logLevel: string;
  logFile: string;
  /** MotCua's codec endpoint, where the Web UI decodes payloads (`--ui-codec-endpoint`). */
  uiCodecEndpoint?: string;
}

/** `temporal server start-dev` with a persistent SQLite file and the Web UI. */
export async function startTemporalDevServer(options: TemporalDevServerOptions): Promise<ServerProcess> {
  await mkdir(path.dirname(options.dbFile), { recursive: true });
  return ServerProcess.start({
    name: 'Temporal dev server',
    command: options.bin,
    args: [
      'server', 'start-dev',
      '--ip', options.ip,
      '--port', String(options.port),
      '--ui-port', String(options.uiPort),
      '--db-filename', options.dbFile,
      '--log-level', options.logLevel,
      '--log-format', 'json',
      // The server hands a workflow task's new activity straight back to the worker that completed
      // it, saving an activity poll per projection write (on by default only from server 1.32).
      '--dynamic-config-value', 'system.enableActivityEagerExecution=true',
      // Write-ahead log, synced at checkpoints rather than at every commit: a crashed process loses
      // nothing, a power cut at most the last commits, never the file's integrity. The default
      // (rollback journal, fsync per commit) cost a completion about 25 ms.
      '--sqlite-pragma', 'journal_mode=WAL',
      '--sqlite-pragma', 'synchronous=NORMAL',
      ...(options.uiCodecEndpoint ? ['--ui-codec-endpoint', options.uiCodecEndpoint] : []),
    ],
    logFile: options.logFile,
    readyWhenListening: { host: options.ip, port: options.port },
  });
}

export interface StoreServerOptions {
  server: StoreServer;
  host: string;
  port: number;
  dataDir: string;
  logFile: string;
}

/** FerretDB on its embedded SQLite backend (telemetry off: there is no network), or a local mongod. */
export async function startStoreServer(options: StoreServerOptions): Promise<ServerProcess> {
  await mkdir(options.dataDir, { recursive: true });
  const args =
    options.server.kind === 'ferretdb'
      ? [
          '--handler=sqlite',
          // FerretDB already uses a write-ahead log; synced like the dev server's (above).
          `--sqlite-url=file:${options.dataDir}/?_pragma=synchronous(normal)`,
          `--listen-addr=${options.host}:${options.port}`,
          `--state-dir=${options.dataDir}`,
          '--telemetry=disable',
          '--debug-addr=-',
          '--log-level=warn',
        ]
      : ['--dbpath', options.dataDir, '--port', String(options.port), '--bind_ip', options.host];
  return ServerProcess.start({
    name: options.server.kind === 'ferretdb' ? 'FerretDB' : 'mongod',
    command: options.server.path,
    args,
    logFile: options.logFile,
    readyWhenListening: { host: options.host, port: options.port },
  });
}
