import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { claimsModel } from '../../../store/claims/claims.js';
import { readSnapshot, snapshotModel, writeSnapshot, type SnapshotStore } from '../../../store/snapshots/snapshot-model.js';
import { connectTestStore } from '../../support/store.js';

const items = (count: number, from = 0) => Array.from({ length: count }, (_, n) => ({ _id: `item-${from + n}`, dueAt: new Date(Date.UTC(2026, 0, 1 + ((from + n) % 300))), unit: `u${n % 7}` }));

describe('snapshots', () => {
  let store: SnapshotStore;
  let dispose: () => Promise<void>;
  const chunkIds = async (name: string) => (await store.snapshots.find({ _id: { $regex: `^${name}@` } }, { _id: 1 }).lean()).map((chunk) => chunk._id).sort();

  beforeAll(async () => {
    const testStore = await connectTestStore();
    dispose = testStore.dispose;
    store = { snapshots: snapshotModel(testStore.connection), snapshotClaims: claimsModel(testStore.connection, 'SnapshotClaim', 'snapshotClaims') };
  });
  afterAll(() => dispose?.());

  it('gives back the items in their order and types, over several chunks', async () => {
    const written = items(4_500);
    expect(await writeSnapshot(store, 'round-trip', 'f1', { position: 12, items: written }, 10)).toBe(true);
    const read = await readSnapshot<(typeof written)[number]>(store, 'round-trip', 'f1');
    expect(read?.position).toBe(12);
    expect(read?.items).toEqual(written);
    expect(read?.items[4_499]?.dueAt).toBeInstanceOf(Date);
    expect(await chunkIds('round-trip')).toHaveLength(3);
  });

  it('is not read in another format, nor when there is none', async () => {
    await writeSnapshot(store, 'format', 'f1', { position: 1, items: items(3) }, 10);
    expect(await readSnapshot(store, 'format', 'f2')).toBeUndefined();
    expect(await readSnapshot(store, 'never-written', 'f1')).toBeUndefined();
  });

  it('has one writer per round, and replaces an older snapshot, dropping its chunks', async () => {
    const writers = await Promise.all([1, 2, 3].map((n) => writeSnapshot(store, 'rounds', 'f1', { position: 20 + n, items: items(n) }, 10)));
    expect(writers.filter(Boolean)).toHaveLength(1);
    const first = await chunkIds('rounds');
    expect(first).toHaveLength(1);

    expect(await writeSnapshot(store, 'rounds', 'f1', { position: 35, items: items(2, 100) }, 10)).toBe(true);
    expect(await readSnapshot(store, 'rounds', 'f1')).toEqual({ position: 35, items: items(2, 100) });
    const second = await chunkIds('rounds');
    expect(second).toHaveLength(1);
    expect(second).not.toEqual(first);
  });

  it('keeps the snapshot further on when an earlier position comes late in a round of its own', async () => {
    await writeSnapshot(store, 'late', 'f1', { position: 50, items: items(1) }, 10);
    expect(await writeSnapshot(store, 'late', 'f1', { position: 42, items: items(5) }, 10)).toBe(false);
    expect((await readSnapshot(store, 'late', 'f1'))?.position).toBe(50);
  });

  it('is not read whole when a chunk is missing', async () => {
    await writeSnapshot(store, 'torn', 'f1', { position: 3, items: items(4_001) }, 10);
    const [, second] = await chunkIds('torn');
    await store.snapshots.deleteOne({ _id: second });
    expect(await readSnapshot(store, 'torn', 'f1')).toBeUndefined();
  });
  it('drops the chunks of a write that stopped before moving the pointer, at the next write', async () => {
    await writeSnapshot(store, 'cut-short', 'f1', { position: 5, items: items(10) }, 10);
    const kept = await chunkIds('cut-short');
    const insert = store.snapshots.collection.insertOne.bind(store.snapshots.collection);
    // The first chunk lands; the process is killed before the others (after the first has landed).
    let first: Promise<unknown> | undefined;
    const cut = vi.spyOn(store.snapshots.collection, 'insertOne').mockImplementation(((document: never) => {
      if (first) return first.then(() => Promise.reject(new Error('the process was killed')));
      return (first = insert(document));
    }) as never);
    await expect(writeSnapshot(store, 'cut-short', 'f1', { position: 15, items: items(6_000) }, 10)).rejects.toThrow('killed');
    cut.mockRestore();
    expect((await chunkIds('cut-short')).length).toBeGreaterThan(kept.length);
    expect((await readSnapshot(store, 'cut-short', 'f1'))?.position).toBe(5);

    expect(await writeSnapshot(store, 'cut-short', 'f1', { position: 25, items: items(3) }, 10)).toBe(true);
    const [only] = await chunkIds('cut-short');
    expect(await chunkIds('cut-short')).toEqual([only]);
    expect(only).toMatch(/^cut-short@25-/);
  });
});
