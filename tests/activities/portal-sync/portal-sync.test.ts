import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { httpPortalClient } from '../../../activities/portal-sync/portal-client.js';
import { defaultPortalMappingVersion, portalMapping } from '../../../activities/portal-sync/portal-mapping.js';
import { createPortalSync, type PortalSync } from '../../../activities/portal-sync/portal-sync.js';
import type { ProjectionWrite } from '../../../activities/projection/projection-write.js';
import type { DossierStatus } from '../../../engine/dossier/dossier-status.js';
import { startPortalSimulator, type PortalSimulator } from '../../../scripts/dev-stack/portal-simulator.js';
import { createStore, type Store } from '../../../store/store.js';
import { connectTestStore } from '../../support/store.js';

const receivedAt = Date.parse('2026-02-12T03:00:00Z');

function write(dossierId: string, sequence: number, status: DossierStatus, dueAt = Date.parse('2026-02-24T10:00:00Z')): ProjectionWrite {
  return {
    dossierId,
    procedureCode: 'p',
    agencyId: 'ubnd-xa',
    sequence,
    dossier: { procedureCode: 'p', procedureVersion: 1, planHash: 'h', calendarHash: 'c', agencyId: 'ubnd-xa', status, receivedAt, dueAt, overdue: false, currentSteps: [], supplementationCount: 0 },
    tasks: [],
    audit: [],
    notifications: [],
  };
}

describe('portal status sync: order per dossier, idempotency, retries', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let portal: PortalSimulator;
  let sync: PortalSync;

  beforeAll(async () => {
    const testStore = await connectTestStore();
    dispose = testStore.dispose;
    store = createStore(testStore.connection);
    await store.ensureIndexes();
  });
  beforeEach(async () => {
    await portal?.close();
    portal = await startPortalSimulator();
    sync = createPortalSync({ store, client: httpPortalClient({ endpoint: portal.url, timeoutMs: 1_000 }), mapping: portalMapping(defaultPortalMappingVersion), retry: { baseMs: 1, maxMs: 5 } });
  });
  afterAll(async () => {
    await portal.close();
    await dispose();
  });

  async function syncAll(): Promise<void> {
    for (let pass = 0; pass < 200; pass += 1) {
      if ((await store.portalStatuses.countDocuments({ state: 'pending' })) === 0) return;
      await sync.syncPending();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error('never synced');
  }

  const told = (dossierId: string) => portal.accepted.filter((call) => call.body.MaHoSo === dossierId).map((call) => [call.body.SoThuTuCapNhat, call.body.TrangThaiHoSo]);

  it('sends a dossier’s states oldest first even when the writes were queued out of order, skipping what did not change', async () => {
    await sync.enqueue(write('A', 3, 'processing'));
    await sync.enqueue(write('A', 1, 'received'));
    await sync.enqueue(write('A', 2, 'processing'));
    // A retried projection write queues nothing twice.
    await sync.enqueue(write('A', 2, 'processing'));
    await sync.enqueue(write('A', 4, 'supplement-requested'));
    await syncAll();
    expect(told('A')).toEqual([
      [1, 1],
      [2, 4],
      [4, 5],
    ]);
    expect(await store.portalStatuses.countDocuments({ dossierId: 'A', state: 'skipped' })).toBe(1);
  });

  it('a late write never overwrites a newer state the portal already holds', async () => {
    await sync.enqueue(write('B', 1, 'received'));
    await sync.enqueue(write('B', 5, 'returned'));
    await syncAll();
    // The projection of sequence 3 arrives after 5 was told: it is skipped, never sent.
    await sync.enqueue(write('B', 3, 'processing'));
    await syncAll();
    expect(told('B')).toEqual([
      [1, 1],
      [5, 10],
    ]);
    expect(portal.attempts.filter((call) => call.body.MaHoSo === 'B' && call.body.SoThuTuCapNhat === 3)).toEqual([]);
  });

  it('retries a failing portal with backoff, then delivers once; two dispatchers never send the same state twice', async () => {
    portal.failFirstAttempts(2);
    const other = createPortalSync({ store, client: httpPortalClient({ endpoint: portal.url, timeoutMs: 1_000 }), mapping: portalMapping(defaultPortalMappingVersion), retry: { baseMs: 1, maxMs: 5 } });
    for (const [sequence, status] of [[1, 'received'], [2, 'processing'], [3, 'returned']] as const) await sync.enqueue(write('C', sequence, status));
    for (let pass = 0; pass < 200 && (await store.portalStatuses.countDocuments({ dossierId: 'C', state: 'pending' })) > 0; pass += 1) {
      await Promise.all([sync.syncPending(), other.syncPending()]);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(told('C')).toEqual([
      [1, 1],
      [2, 4],
      [3, 10],
    ]);
    const attempts = await store.portalStatuses.find({ dossierId: 'C' }).sort({ sequence: 1 }).lean();
    expect(attempts.map((entry) => [entry.state, entry.attempts])).toEqual([
      ['sent', 2],
      ['sent', 2],
      ['sent', 2],
    ]);
    expect(attempts.every((entry) => entry.lastError?.includes('503'))).toBe(true);
  });

  it('refuses an unknown mapping version by name', () => {
    expect(() => portalMapping('tt99')).toThrow('portal mapping "tt99" is unknown; known: tt04-2025.1');
  });
});
