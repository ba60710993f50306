import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { consoleReporter } from '../../scripts/provision/progress.js';
import { provisionStoreServer, provisionTemporalCli } from '../../scripts/provision/toolchain.js';
import { loadTemporalSettings, readEnvironment } from '../../scripts/runtime/config.js';
import { startStoreServer, startTemporalDevServer } from '../../scripts/runtime/embedded-servers.js';
import { findFreePort } from '../../scripts/runtime/ports.js';
import type { ServerProcess } from '../../scripts/runtime/server-process.js';

/** Where a test's own servers answer. */
export interface OwnServerAddresses {
  temporalAddress: string;
  mongodbUri: string;
}

const loopback = '127.0.0.1';

/**
 * A Temporal dev server and a store server (FerretDB) of one test file's own, on free ports with
 * a fresh data directory, which the test may kill as a crash would and start again on the same
 * port and data: the run's shared servers must never go down under other files' tests.
 */
export class OwnServers implements OwnServerAddresses {
  private constructor(
    private readonly dataDir: string,
    private readonly launch: { temporal: () => Promise<ServerProcess>; store: () => Promise<ServerProcess> },
    private running: { temporal: ServerProcess; store: ServerProcess },
    readonly temporalAddress: string,
    readonly mongodbUri: string,
  ) {}

  static async start(): Promise<OwnServers> {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'motcua-own-servers-'));
    const toolchain = { ...readEnvironment(), reporter: consoleReporter };
    const [temporalBin, storeServer, settings] = await Promise.all([provisionTemporalCli(toolchain), provisionStoreServer(toolchain), loadTemporalSettings()]);
    const ports = { temporal: await findFreePort(), temporalUi: await findFreePort(), store: await findFreePort() };
    const logFile = (name: string) => path.join(dataDir, 'logs', `${name}.log`);
    const launch = {
      temporal: () =>
        startTemporalDevServer({ bin: temporalBin, ip: loopback, port: ports.temporal, uiPort: ports.temporalUi, dbFile: path.join(dataDir, 'temporal.db'), logLevel: settings.devServer.logLevel, logFile: logFile('temporal') }),
      store: () => startStoreServer({ server: storeServer, host: loopback, port: ports.store, dataDir: path.join(dataDir, 'store'), logFile: logFile('store') }),
    };
    const [temporal, store] = await Promise.all([launch.temporal(), launch.store()]);
    return new OwnServers(dataDir, launch, { temporal, store }, `${loopback}:${ports.temporal}`, `mongodb://${loopback}:${ports.store}/motcua`);
  }

  /** SIGKILLs the store server. */
  killStore(): Promise<void> {
    return this.running.store.kill();
  }

  /** Starts the store server again on its port and data; resolves once it accepts connections. */
  async restartStore(): Promise<void> {
    this.running.store = await this.launch.store();
  }

  /** SIGKILLs the Temporal dev server. */
  killTemporal(): Promise<void> {
    return this.running.temporal.kill();
  }

  /** Starts the dev server again on its port and database; resolves once it answers requests. */
  async restartTemporal(): Promise<void> {
    this.running.temporal = await this.launch.temporal();
    // Listening comes a moment before serving: a connection of its own waits for the latter, on a
    // channel of its own too (gRPC shares channels of like options, and the test's would reconnect along).
    const connection = await Connection.connect({ address: this.temporalAddress, channelArgs: { 'grpc.use_local_subchannel_pool': 1 } });
    try {
      await connection.workflowService.getSystemInfo({});
    } finally {
      await connection.close();
    }
  }

  async stop(): Promise<void> {
    await Promise.all([this.running.temporal.stop(), this.running.store.stop()]);
    await rm(this.dataDir, { recursive: true, force: true });
  }
}
