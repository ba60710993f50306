import { describe, expect, it } from 'vitest';
import { faultSchedule } from './faults.js';
import { SeededRandom } from './random.js';

describe('the chaos fault schedule', () => {
  it('is the same for the same seed, fires every fault once between 15 % and 75 % of the submissions, the store down as long as asked', () => {
    const kinds = ['worker-kill', 'api-kill', 'store-stop', 'temporal-restart'] as const;
    const schedule = faultSchedule([...kinds], new SeededRandom(3), 12_000);
    expect(faultSchedule([...kinds], new SeededRandom(3), 12_000)).toEqual(schedule);
    expect(faultSchedule([...kinds], new SeededRandom(4), 12_000)).not.toEqual(schedule);
    expect(schedule.map((fault) => fault.kind).sort()).toEqual([...kinds].sort());
    expect(schedule.every((fault) => fault.atShare >= 0.15 && fault.atShare <= 0.75)).toBe(true);
    expect(schedule.map((fault) => fault.atShare)).toEqual([...schedule.map((fault) => fault.atShare)].sort((a, b) => a - b));
    expect(schedule.find((fault) => fault.kind === 'store-stop')!.downMs).toBe(12_000);
  });
});
