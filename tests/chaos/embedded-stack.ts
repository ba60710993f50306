/**
 * The chaos run's own embedded stack on loopback and free ports: a Temporal dev server and FerretDB
 * (tests/support/own-servers.ts, killable and restartable on the same data), the worker and the API
 * as the separate processes `npm run worker` / `npm run api` are (so either can be SIGKILLed), and
 * the outside world the worker talks to: a mail sink and the portal simulator, both able to fail.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { developmentSigningIdentity } from '../../activities/documents/signing-identity.js';
import { startPortalSimulator, type PortalSimulator } from '../../scripts/dev-stack/portal-simulator.js';
import { loadTemporalSettings } from '../../scripts/runtime/config.js';
import { findFreePort } from '../../scripts/runtime/ports.js';
import { prepareTemporal } from '../../scripts/runtime/temporal-setup.js';
import { connectStore } from '../../store/connection.js';
import { createStore, type Store } from '../../store/store.js';
import { OwnServers } from '../support/own-servers.js';
import { testDataConverter, testPayloadKeysVariable } from '../support/payload-codec.js';
import { launchScript, waitForOutput, type StartRun } from '../support/start-stack.js';
import { startMailSink, type MailSink } from './mail-sink.js';

/** One of MotCua's processes the run can kill and start again, on the same ports and environment. */
export class ChaosProcess {
  private run: StartRun;
  /** Every PID it ran as, first one first. */
  readonly pids: number[] = [];

  private constructor(
    private readonly script: string,
    private readonly readyLine: string,
    private readonly environment: NodeJS.ProcessEnv,
    first: StartRun,
  ) {
    this.run = first;
  }

  static async start(script: string, readyLine: string, environment: NodeJS.ProcessEnv): Promise<ChaosProcess> {
    const process = new ChaosProcess(script, readyLine, environment, launchScript(script, environment));
    await process.ready();
    return process;
  }

  private async ready(): Promise<void> {
    await waitForOutput(this.run, this.readyLine, 180_000);
    this.pids.push(this.run.child.pid!);
  }

  /** SIGKILL, as a crash or the OOM killer would; resolves once the process is gone. */
  async kill(): Promise<void> {
    if (this.run.child.exitCode !== null || this.run.child.signalCode !== null) return;
    this.run.child.kill('SIGKILL');
    await this.run.exited;
  }

  async restart(): Promise<void> {
    this.run = launchScript(this.script, this.environment);
    await this.ready();
  }

  /** What it printed on stderr since it last started. */
  errors(): string {
    return this.run.errors();
  }

  async stop(): Promise<void> {
    if (this.run.child.exitCode !== null || this.run.child.signalCode !== null) return;
    this.run.child.kill('SIGTERM');
    await this.run.exited;
  }
}

export interface ChaosStack {
  apiPort: number;
  servers: OwnServers;
  worker: ChaosProcess;
  api: ChaosProcess;
  mail: MailSink;
  portal: PortalSimulator;
  /** The checker's own view of the store and the workflows (never the drivers'). */
  store: Store;
  client: Client;
  stop(): Promise<void>;
}

export async function startEmbeddedStack(): Promise<ChaosStack> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'motcua-chaos-'));
  const servers = await OwnServers.start();
  const settings = await loadTemporalSettings();
  const connection = await Connection.connect({ address: servers.temporalAddress });
  await prepareTemporal(connection, settings);
  const storeConnection = await connectStore(servers.mongodbUri);
  const [mail, portal] = await Promise.all([startMailSink(), startPortalSimulator()]);
  const signer = developmentSigningIdentity('MotCua chaos signer');
  const signerFile = path.join(scratch, 'signer.p12');
  await writeFile(signerFile, Buffer.from(signer.p12));
  const apiPort = await findFreePort();
  const shared: NodeJS.ProcessEnv = {
    TEMPORAL_ADDRESS: servers.temporalAddress,
    MONGODB_URI: servers.mongodbUri,
    MOTCUA_PAYLOAD_KEYS: testPayloadKeysVariable,
    MOTCUA_TOKEN_SECRET: 'chaos-token-secret-chaos-token-secret',
    MOTCUA_DATA_DIR: path.join(scratch, 'data'),
    MOTCUA_LOG_LEVEL: 'warn',
  };
  const worker = await ChaosProcess.start('scripts/worker.ts', 'MotCua worker polling', {
    ...shared,
    MOTCUA_SMTP_HOST: '127.0.0.1',
    MOTCUA_SMTP_PORT: String(mail.port),
    MOTCUA_PORTAL_URL: portal.url,
    MOTCUA_SIGNING_P12: signerFile,
    MOTCUA_SIGNING_PASSPHRASE: signer.passphrase,
    MOTCUA_WORKER_METRICS_PORT: String(await findFreePort()),
    MOTCUA_TEMPORAL_METRICS_PORT: String(await findFreePort()),
  });
  const api = await ChaosProcess.start('scripts/api.ts', 'MotCua API at', { ...shared, PORT: String(apiPort), MOTCUA_METRICS_PORT: String(await findFreePort()) });
  return {
    apiPort,
    servers,
    worker,
    api,
    mail,
    portal,
    store: createStore(storeConnection),
    client: new Client({ connection, namespace: settings.namespace, dataConverter: testDataConverter }),
    async stop() {
      await Promise.all([api.stop(), worker.stop()]);
      await Promise.all([mail.close(), portal.close()]);
      await storeConnection.close();
      await connection.close();
      await servers.stop();
      await rm(scratch, { recursive: true, force: true });
    },
  };
}
