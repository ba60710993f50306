import { Schema } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pingStore } from '../../store/connection.js';
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
