import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Model } from 'mongoose';
import { counterModel, nextCounterValue, releaseCounterValue, type CounterDocument } from '../../../store/counters/counter-model.js';
import { connectTestStore } from '../../support/store.js';

describe('counters', () => {
  let counters: Model<CounterDocument>;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    const testStore = await connectTestStore();
    dispose = testStore.dispose;
    counters = counterModel(testStore.connection);
    await counters.init();
  });
  afterAll(() => dispose?.());

  it('hands each of many concurrent callers a value of its own, with no gap', async () => {
    const values = await Promise.all(Array.from({ length: 50 }, () => nextCounterValue(counters, 'dossier-code:ubnd-xa:260302')));
    expect(values.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, n) => n + 1));
    expect(await nextCounterValue(counters, 'dossier-code:ubnd-xa:260302')).toBe(51);
  });

  it('goes on from a counter kept as a bare value, as before claims existed', async () => {
    await counters.create({ _id: 'dossier-code:ubnd-xa:260303', value: 7 });
    expect(await nextCounterValue(counters, 'dossier-code:ubnd-xa:260303')).toBe(8);
  });

  it('hands released values out again, each to one caller only, before new ones', async () => {
    const id = 'dossier-code:ubnd-xa:260304';
    for (let value = 1; value <= 6; value++) await nextCounterValue(counters, id);
    await releaseCounterValue(counters, id, 2);
    await releaseCounterValue(counters, id, 5);
    const values = await Promise.all(Array.from({ length: 10 }, () => nextCounterValue(counters, id)));
    expect(values.sort((a, b) => a - b)).toEqual([2, 5, 7, 8, 9, 10, 11, 12, 13, 14]);
    await releaseCounterValue(counters, id, 14);
    expect(await nextCounterValue(counters, id)).toBe(14);
    expect(await nextCounterValue(counters, id)).toBe(15);
  });
});
