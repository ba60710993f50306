import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOutsideServices } from '../../../scripts/runtime/outside-services.js';
import { createStore, type Store } from '../../../store/store.js';
import { seedDossier } from '../../activities/support/document-fixtures.js';
import { connectTestStore } from '../../support/store.js';

/** `npm start`'s dev stack: local stand-ins for mail, portal, payments and signing, and the delivery loops. */
describe('outside services of the dev stack', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let dataDir: string;
  let connection: Awaited<ReturnType<typeof connectTestStore>>['connection'];

  beforeAll(async () => {
    const testStore = await connectTestStore();
    ({ connection, dispose } = testStore);
    store = createStore(connection);
    await store.ensureIndexes();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'motcua-outside-'));
  });
  afterAll(async () => {
    await dispose();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('starts local SMTP, portal and payment simulators and a development signer; delivers the outbox; keeps the signer across restarts', async () => {
    const outside = await startOutsideServices({ store, connection, dataDir, appUrl: 'http://127.0.0.1:9', devStack: true });
    try {
      expect(outside.summary.map((line) => line.split(/\s{2,}/)[0])).toEqual(['Mail (local SMTP)', 'Portal simulator', 'Payment simulator']);
      expect(outside.paymentCallbackSecret).toMatch(/^[0-9a-f]{48}$/);
      await seedDossier(store, '000.00.12.H56-260212-0099');
      await store.notifications.create({ _id: 'n1', dossierId: '000.00.12.H56-260212-0099', kind: 'dossier-received', at: new Date(), recipients: { userIds: [], roles: [], units: [], citizen: true }, data: {} });
      outside.services.afterProjection!();
      await expect.poll(async () => (await store.devMailbox.findOne({ subject: 'Tiếp nhận hồ sơ 000.00.12.H56-260212-0099' }).lean())?.attachments, { timeout: 15_000 }).toEqual([
        expect.objectContaining({ filename: '000.00.12.H56-260212-0099-mau-01.pdf', contentType: 'application/pdf' }),
      ]);
    } finally {
      await outside.stop();
    }
    const signer = await readFile(path.join(dataDir, 'dev-stack', 'signer.p12'));
    const again = await startOutsideServices({ store, connection, dataDir, appUrl: 'http://127.0.0.1:9', devStack: true });
    await again.stop();
    expect((await readFile(path.join(dataDir, 'dev-stack', 'signer.p12'))).equals(signer)).toBe(true);
  });

  it('configures nothing local for a worker joining external servers', async () => {
    const outside = await startOutsideServices({ store, connection, dataDir, appUrl: '', devStack: false });
    await outside.stop();
    expect(outside.summary).toEqual([]);
    expect(outside.services.portal).toBeUndefined();
    expect(outside.services.documents).toBeUndefined();
  });
});
