import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ConfigError, loadTemporalSettings, readEnvironment, type TemporalSettings } from '../../../scripts/runtime/config.js';
import { findFreePort } from '../../../scripts/runtime/ports.js';
import { startRuntime, type RuntimeOptions } from '../../../scripts/runtime/runtime.js';
import { connectStore } from '../../../store/connection.js';

const silent = { info: () => {} };

describe('embedded runtime', () => {
  let settings: TemporalSettings;
  let dataDir: string;

  beforeAll(async () => {
    settings = await loadTemporalSettings();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'motcua-runtime-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  async function options(): Promise<RuntimeOptions> {
    return {
      settings,
      environment: { ...readEnvironment({}), dataDir },
      reporter: silent,
      ports: { temporal: await findFreePort(), temporalUi: await findFreePort(), store: await findFreePort() },
    };
  }

  it('keeps workflows and documents across a restart on the same data directory', async () => {
    const first = await startRuntime(await options());
    const firstConnection = await Connection.connect({ address: first.temporalAddress });
    const client = new Client({ connection: firstConnection, namespace: settings.namespace });
    // Nobody polls this queue: the workflow simply stays open in Temporal's SQLite file.
    await client.workflow.start('dossierThatWaits', { taskQueue: 'nobody-polls-this', workflowId: 'kept-across-restart' });
    const firstStore = await connectStore(first.mongodbUri);
    await firstStore.collection('dossiers').insertOne({ code: 'H56-260212-0042' });
    await firstStore.close();
    await firstConnection.close();
    await first.stop();

    const second = await startRuntime(await options());
    try {
      const connection = await Connection.connect({ address: second.temporalAddress });
      const description = await new Client({ connection, namespace: settings.namespace }).workflow
        .getHandle('kept-across-restart')
        .describe();
      expect(description.status.name).toBe('RUNNING');
      await connection.close();
      const store = await connectStore(second.mongodbUri);
      expect(await store.collection('dossiers').findOne({ code: 'H56-260212-0042' })).not.toBeNull();
      await store.close();
    } finally {
      await second.stop();
    }
  });

  it('refuses to start anything when a port is taken, naming it', async () => {
    const blocker = net.createServer();
    const taken = await findFreePort();
    await new Promise<void>((resolve) => blocker.listen(taken, '127.0.0.1', resolve));
    const startOptions = await options();
    startOptions.ports.store = taken;
    try {
      await expect(startRuntime(startOptions)).rejects.toThrow(new ConfigError(`port already in use: ${taken} (FerretDB) — stop what holds it or choose another port (see README, Configuration)`));
      // The Temporal port it would have used is still free: nothing started.
      await new Promise<void>((resolve, reject) => {
        const probe = net.createServer().once('error', reject);
        probe.listen(startOptions.ports.temporal, '127.0.0.1', () => probe.close(() => resolve()));
      });
    } finally {
      blocker.close();
    }
  });

  it('starts nothing when TEMPORAL_ADDRESS and MONGODB_URI point to running servers', async () => {
    const external = await startRuntime({
      ...(await options()),
      environment: {
        ...readEnvironment({ TEMPORAL_ADDRESS: inject('temporalAddress'), MONGODB_URI: inject('mongodbUri') }),
        dataDir,
        // Would fail loudly if anything tried to provision or start a server.
        temporalBinOverride: '/nonexistent/temporal',
        ferretdbBinOverride: '/nonexistent/ferretdb',
      },
    });
    expect(external.temporalAddress).toBe(inject('temporalAddress'));
    expect(external.mongodbUri).toBe(inject('mongodbUri'));
    expect(external.temporalUiUrl).toBeUndefined();
    await external.stop();
  });
});
