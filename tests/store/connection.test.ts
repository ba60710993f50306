import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Schema } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleReporter } from '../../scripts/provision/progress.js';
import { provisionStoreServer } from '../../scripts/provision/toolchain.js';
import { readEnvironment } from '../../scripts/runtime/config.js';
import { startStoreServer } from '../../scripts/runtime/embedded-servers.js';
import { findFreePort } from '../../scripts/runtime/ports.js';
import { connectStore, isStoreUnreachable, pingStore } from '../../store/connection.js';
import { connectTestStore } from '../support/store.js';

const receiptSchema = new Schema({
  dossierCode: { type: String, required: true, unique: true },
  applicant: { type: String, required: true },
  receivedAt: { type: Date, required: true },
});

describe('store connection (FerretDB, or MONGODB_URI)', () => {
  let store: Awaited<ReturnType<typeof connectTestStore>>;

  beforeAll(async () => {
    store = await connectTestStore();
  });
  afterAll(() => store.dispose());

  it('answers a ping', async () => {
    await expect(pingStore(store.connection)).resolves.toBeUndefined();
  });

  it('writes a document through a mongoose model and reads it back', async () => {
    const Receipt = store.connection.model('Receipt', receiptSchema);
    await Receipt.init();
    const receivedAt = new Date('2026-02-12T08:30:00Z');
    await Receipt.create({ dossierCode: '000.00.12.H56-260212-0001', applicant: 'Nguyễn Thị Lan', receivedAt });

    const found = await Receipt.findOne({ dossierCode: '000.00.12.H56-260212-0001' }).lean();
    expect(found).toMatchObject({ applicant: 'Nguyễn Thị Lan', receivedAt });
  });

  it('rejects a duplicate of a unique key with the duplicate-key error (E11000)', async () => {
    const Receipt = store.connection.model('Receipt', receiptSchema);
    await Receipt.init();
    await Receipt.create({ dossierCode: '000.00.12.H56-260212-0002', applicant: 'Trần Văn Minh', receivedAt: new Date() });

    await expect(
      Receipt.create({ dossierCode: '000.00.12.H56-260212-0002', applicant: 'Lê Thu Hà', receivedAt: new Date() }),
    ).rejects.toMatchObject({ code: 11000 });
    expect(await Receipt.countDocuments({ dossierCode: '000.00.12.H56-260212-0002' })).toBe(1);
  });

  // Projections, the API and the audit chain read and write by `_id` on every request.
  it('finds a document by _id through the _id index, not by scanning the collection', async () => {
    const Receipt = store.connection.model('Receipt', receiptSchema);
    await Receipt.init();
    const receipts = await Receipt.create([1, 2, 3].map((n) => ({ dossierCode: `000.00.12.H56-260212-001${n}`, applicant: `Người nộp ${n}`, receivedAt: new Date() })));
    const plan = await store.connection.db!.command({ explain: { find: Receipt.collection.collectionName, filter: { _id: receipts[2]!._id } } });
    // FerretDB reports SQLite's plan (SEARCH … USING INDEX or SCAN); MongoDB its winning stage.
    const planner = JSON.stringify(plan.queryPlanner);
    expect(planner).toMatch(/USING INDEX|IDHACK|IXSCAN/);
    expect(planner).not.toMatch(/detail=SCAN|COLLSCAN/);
  });
});

describe('store connection to a server of its own that comes and goes', () => {
  it('waits, opening, for a server that starts after the timeout; fails while it is down with an error it knows, and answers once it is back', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'motcua-store-outage-'));
    const port = await findFreePort();
    const server = await provisionStoreServer({ ...readEnvironment(), reporter: consoleReporter });
    const start = () => startStoreServer({ server, host: '127.0.0.1', port, dataDir: path.join(dataDir, 'store'), logFile: path.join(dataDir, 'store.log') });
    const timeoutMs = 500;
    const opening = connectStore(`mongodb://127.0.0.1:${port}/motcua-test`, { timeoutMs });
    await sleep(4 * timeoutMs);
    let running = await start();
    const connection = await opening;
    try {
      await running.kill();
      // The first may meet a pooled socket the dying server closed, the others find no server.
      for (let attempt = 0; attempt < 3; attempt++) {
        const failure: unknown = await pingStore(connection).then(() => undefined, (error: unknown) => error);
        expect(isStoreUnreachable(failure), String(failure)).toBe(true);
      }
      // What the driver passes on unwrapped when it wrote to such a socket.
      expect(isStoreUnreachable(Object.assign(new Error('This socket has been ended by the other party'), { code: 'EPIPE' }))).toBe(true);
      expect(isStoreUnreachable(new Error('E11000 duplicate key error'))).toBe(false);
      running = await start();
      await expect(pingStore(connection)).resolves.toBeUndefined();
    } finally {
      await connection.close();
      await running.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
