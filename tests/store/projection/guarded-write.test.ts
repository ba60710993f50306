import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeServer } from '../../../store/connection.js';
import { guardedWrite, guardedWriteStrategies } from '../../../store/projection/guarded-write.js';
import { createStore, type Store } from '../../../store/store.js';
import { connectTestStore } from '../../support/store.js';

describe('guarded projection writes', () => {
  let testStore: Awaited<ReturnType<typeof connectTestStore>>;
  let store: Store;

  beforeAll(async () => {
    testStore = await connectTestStore();
    store = createStore(testStore.connection);
    await store.ensureIndexes();
  });
  afterAll(() => testStore.dispose());

  const task = (status: 'open' | 'claimed' | 'completed') => ({
    dossierId: 'H56-260212-0001',
    procedureCode: 'HKD',
    agencyId: 'H56',
    elementId: 'appraise',
    name: 'Thẩm định hồ sơ',
    kind: 'step' as const,
    status,
    form: [],
    outcomes: [],
    createdAt: new Date('2026-02-12T03:00:00Z'),
    overdue: false,
    escalationLevel: 0,
  });

  it('writes through the read-then-write strategy on FerretDB, whose filters beyond _id scan the collection', async () => {
    expect(storeServer(testStore.connection)).toBe('ferretdb');
    const id = 'H56-260212-0001/receive/1';
    expect(await guardedWrite(store.tasks, id, 2, task('claimed'))).toBe('applied');
    expect(await guardedWrite(store.tasks, id, 1, task('open'))).toBe('stale');
    expect((await store.tasks.findById(id).lean())?.status).toBe('claimed');
  });

  describe.each(Object.entries(guardedWriteStrategies))('%s', (name, write) => {
    it('creates, then applies newer writes and refuses older ones', async () => {
      const id = `H56-260212-0001/appraise-${name}/1`;
      expect(await write(store.tasks, id, 1, task('open'))).toBe('applied');
      expect(await write(store.tasks, id, 3, task('completed'))).toBe('applied');
      // A retry of step 2 arriving late must not reopen the completed task.
      expect(await write(store.tasks, id, 2, task('claimed'))).toBe('stale');
      // The same write again (an activity retried after success) changes nothing.
      expect(await write(store.tasks, id, 3, task('completed'))).toBe('stale');

      const stored = await store.tasks.findById(id).lean();
      expect(stored).toMatchObject({ status: 'completed', sequence: 3 });
      expect(await store.tasks.countDocuments({ _id: id })).toBe(1);
    });

    it('sets insert-only fields once', async () => {
      const id = `H56-260212-0001/sign-${name}/1`;
      const { createdAt, ...rest } = task('open');
      await write(store.tasks, id, 1, rest, { createdAt });
      await write(store.tasks, id, 2, { ...rest, status: 'claimed' }, { createdAt: new Date('2030-01-01T00:00:00Z') });
      expect((await store.tasks.findById(id).lean())?.createdAt).toEqual(createdAt);
    });
  });

  // FerretDB runs a conditional update as a query and a write, so this holds there only for the
  // strategy guardedWrite picks for it (on MongoDB the conditional upsert is atomic).
  it.each([
    ['older first', [1, 2]],
    ['newer first', [2, 1]],
  ])('lets the newest of concurrent first writes win, leaving one document (%s)', async (order, sequences) => {
    const id = `H56-260212-0001/approve-${order}/1`;
    const statuses = { 1: 'open', 2: 'claimed' } as const;
    await Promise.all(sequences.map((sequence) => guardedWrite(store.tasks, id, sequence, task(statuses[sequence as 1 | 2]))));
    expect(await store.tasks.countDocuments({ _id: id })).toBe(1);
    expect(await store.tasks.findById(id).lean()).toMatchObject({ status: 'claimed', sequence: 2 });
  });
});
