import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardedWrite } from '../../../store/projection/guarded-write.js';
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

  it('creates, then applies newer writes and refuses older ones', async () => {
    const id = 'H56-260212-0001/appraise/1';
    expect(await guardedWrite(store.tasks, id, 1, task('open'))).toBe('applied');
    expect(await guardedWrite(store.tasks, id, 3, task('completed'))).toBe('applied');
    // A retry of step 2 arriving late must not reopen the completed task.
    expect(await guardedWrite(store.tasks, id, 2, task('claimed'))).toBe('stale');
    // The same write again (an activity retried after success) changes nothing.
    expect(await guardedWrite(store.tasks, id, 3, task('completed'))).toBe('stale');

    const stored = await store.tasks.findById(id).lean();
    expect(stored).toMatchObject({ status: 'completed', sequence: 3 });
    expect(await store.tasks.countDocuments({ dossierId: 'H56-260212-0001' })).toBe(1);
  });

  it('sets insert-only fields once', async () => {
    const id = 'H56-260212-0001/sign/1';
    const { createdAt, ...rest } = task('open');
    await guardedWrite(store.tasks, id, 1, rest, { createdAt });
    await guardedWrite(store.tasks, id, 2, { ...rest, status: 'claimed' }, { createdAt: new Date('2030-01-01T00:00:00Z') });
    expect((await store.tasks.findById(id).lean())?.createdAt).toEqual(createdAt);
  });
});
