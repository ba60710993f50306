import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../engine/audit/audit-chain.js';
import { appendAudit, storedAuditContent, type AuditRequest } from '../../../api/audit/audit-log.js';
import { createApiStore, type ApiStore } from '../../../api/api-store.js';
import { connectStore } from '../../../store/connection.js';
import { connectTestStore } from '../../support/store.js';

const request = (stream: string, n: number): AuditRequest => ({
  stream,
  actor: { kind: 'person', id: 'lan', role: 'officer', unit: 'phong-kinh-te' },
  action: 'task-claim-requested',
  target: { kind: 'task', id: `T-${n}` },
  details: { n: String(n) },
});

describe('appendAudit', () => {
  let store: ApiStore;
  let dispose: () => Promise<void>;
  let uri: string;

  beforeAll(async () => {
    const testStore = await connectTestStore();
    dispose = testStore.dispose;
    uri = testStore.uri;
    store = createApiStore(testStore.connection);
    await store.ensureIndexes();
  });
  afterAll(() => dispose?.());

  async function chainOf(stream: string) {
    const entries = await store.auditEvents.find({ stream }).sort({ sequence: 1 }).lean();
    return { sequences: entries.map((entry) => entry.sequence), check: verifyAuditChain(entries.map(storedAuditContent)) };
  }

  it('chains concurrent appends into one unbroken stream, and moves its head to the last entry', async () => {
    await Promise.all(Array.from({ length: 11 }, (_, n) => appendAudit(store, request('dossier:A/api', n))));
    // The head is a hint concurrent writers may leave behind (FerretDB's $max is not atomic); the next append finds the end.
    await appendAudit(store, request('dossier:A/api', 11));
    expect(await chainOf('dossier:A/api')).toEqual({ sequences: Array.from({ length: 12 }, (_, n) => n + 1), check: { intact: true } });
    expect(await store.counters.findById('audit-head:dossier:A/api').lean()).toMatchObject({ value: 12 });
  });

  /** Runs `appends` as an API process of its own would: on a connection of its own, knowing no stream's end. */
  async function inAnotherProcess<T>(appends: (store: ApiStore) => Promise<T>): Promise<T> {
    const connection = await connectStore(uri);
    try {
      return await appends(createApiStore(connection));
    } finally {
      await connection.close();
    }
  }

  it('appends after the true last entry when the head lags behind or is missing', async () => {
    for (let n = 0; n < 3; n++) await appendAudit(store, request('dossier:B/api', n));
    // A writer that stopped after its insert left the head one behind.
    await store.counters.updateOne({ _id: 'audit-head:dossier:B/api' }, { $set: { value: 2 } });
    expect(await inAnotherProcess((fresh) => appendAudit(fresh, request('dossier:B/api', 3)))).toMatchObject({ _id: 'dossier:B/api#00000004', sequence: 4 });
    // A stream written before heads existed has none.
    await store.counters.deleteOne({ _id: 'audit-head:dossier:B/api' });
    expect(await inAnotherProcess((fresh) => appendAudit(fresh, request('dossier:B/api', 4)))).toMatchObject({ sequence: 5 });
    expect(await chainOf('dossier:B/api')).toEqual({ sequences: [1, 2, 3, 4, 5], check: { intact: true } });
    expect(await store.counters.findById('audit-head:dossier:B/api').lean()).toMatchObject({ value: 5 });
  });

  it('keeps one chain when two API processes append to a stream each remembers the end of', async () => {
    await inAnotherProcess(async (otherProcess) => {
      await appendAudit(store, request('dossier:C/api', 0));
      await appendAudit(otherProcess, request('dossier:C/api', 1));
      // Each now remembers an end the other has since moved past.
      await appendAudit(store, request('dossier:C/api', 2));
      await Promise.all([appendAudit(otherProcess, request('dossier:C/api', 3)), appendAudit(store, request('dossier:C/api', 4))]);
    });
    expect(await chainOf('dossier:C/api')).toEqual({ sequences: [1, 2, 3, 4, 5], check: { intact: true } });
  });

  it('keeps streams apart', async () => {
    await appendAudit(store, request('procedure:x', 0));
    expect(await chainOf('procedure:x')).toEqual({ sequences: [1], check: { intact: true } });
    expect(await chainOf('dossier:A/api')).toMatchObject({ sequences: Array.from({ length: 12 }, (_, n) => n + 1) });
  });
});
