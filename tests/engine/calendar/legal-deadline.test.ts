import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLegalDuration } from '../../../engine/duration/legal-duration.js';
import { CalendarArgumentError, CalendarRangeError, classifyCompletion, legalDeadline, type ClockRule } from '../../../engine/calendar/index.js';
import { at, local, national } from './national-calendar.js';

interface Case {
  received: string;
  limit: string;
  due: string;
  cutoff?: string | null;
  /** Waiting for the citizen, local times `from/to`. */
  pauses?: string[];
  rule?: ClockRule;
  clockStarts?: string;
}

function deadline({ received, limit, cutoff, pauses = [], rule }: Case) {
  return legalDeadline(national, {
    receivedAt: at(received),
    limit: parseLegalDuration(limit),
    cutoff,
    rule,
    pauses: pauses.map((pause) => {
      const [from, to] = pause.split('/');
      return { from: at(from!), to: at(to!) };
    }),
  });
}

/**
 * Hand-checked with the national calendar: sessions 08:00–12:00 and 13:00–17:00, cut-off 15:00.
 * 2025: Tết off Mon 27 – Fri 31 Jan; 7 Apr; 30 Apr – 2 May (Sat 26 Apr worked); 1–2 Sep.
 * 2026: 1–2 Jan (Sat 10 Jan worked); Tết off Mon 16 – Fri 20 Feb; 27 Apr; 30 Apr – 1 May;
 *       31 Aug – 2 Sep (Sat 22 Aug worked). 2027 (generated): 1 Jan; 5, 8–11 Feb; …
 */
const cases: Record<string, Case> = {
  // DOMAIN.md's worked examples
  'Thu before Tết 2026, 10:00 + 5WD': { received: '2026-02-12T10:00', limit: '5WD', due: '2026-02-26T17:00' },
  'Thu before Tết 2026, 15:30 (after the cut-off) + 5WD': { received: '2026-02-12T15:30', limit: '5WD', due: '2026-02-27T17:00', clockStarts: '2026-02-13T08:00' },
  'Thu before Tết 2026, 14:00 + 8WH': { received: '2026-02-12T14:00', limit: '8WH', due: '2026-02-13T14:00' },
  // Tết 2025
  'last working day before Tết 2025 + 1WD': { received: '2025-01-24T09:00', limit: '1WD', due: '2025-02-03T17:00' },
  'Thu before Tết 2025 after the cut-off + 3WD': { received: '2025-01-23T16:00', limit: '3WD', due: '2025-02-05T17:00', clockStarts: '2025-01-24T08:00' },
  'received on mùng 1 Tết 2025 + 2WD': { received: '2025-01-29T10:00', limit: '2WD', due: '2025-02-05T17:00', clockStarts: '2025-02-03T08:00' },
  'working hours run across Tết 2025': { received: '2025-01-24T10:00', limit: '8WH', due: '2025-02-03T10:00' },
  'same day (0WD) before the cut-off': { received: '2025-01-24T10:00', limit: '0WD', due: '2025-01-24T17:00' },
  'same day (0WD) after the cut-off is the next working day, after Tết': { received: '2025-01-24T15:30', limit: '0WD', due: '2025-02-03T17:00' },
  // Tết 2026
  'Fri before Tết 2026 + 1WD': { received: '2026-02-13T11:00', limit: '1WD', due: '2026-02-23T17:00' },
  'received on the Saturday starting the Tết break + 3WD': { received: '2026-02-14T09:00', limit: '3WD', due: '2026-02-26T17:00' },
  'received on a Tết holiday + 8WH': { received: '2026-02-18T10:00', limit: '8WH', due: '2026-02-23T17:00', clockStarts: '2026-02-23T08:00' },
  // 30/4 – 1/5
  '2025: before 30/4 + 1WD skips the swapped Friday and the weekend': { received: '2025-04-29T10:00', limit: '1WD', due: '2025-05-05T17:00' },
  '2025: the swapped Saturday 26 Apr is a working day': { received: '2025-04-25T14:00', limit: '1WD', due: '2025-04-26T17:00' },
  '2025: received on the working Saturday + 2WD': { received: '2025-04-26T10:00', limit: '2WD', due: '2025-04-29T17:00' },
  '2025: the cut-off applies on a working Saturday': { received: '2025-04-26T15:30', limit: '1WD', due: '2025-04-29T17:00', clockStarts: '2025-04-28T08:00' },
  '2026: after the cut-off on 29 Apr, the clock waits for 4 May': { received: '2026-04-29T16:00', limit: '1WD', due: '2026-05-05T17:00', clockStarts: '2026-05-04T08:00' },
  '2026: Hùng Kings’ compensatory Monday is skipped': { received: '2026-04-24T09:00', limit: '2WD', due: '2026-04-29T17:00' },
  // 2/9
  '2025: Fri before National Day + 1WD': { received: '2025-08-29T10:00', limit: '1WD', due: '2025-09-03T17:00' },
  '2026: Fri before the National Day break + 1WD': { received: '2026-08-28T10:00', limit: '1WD', due: '2026-09-03T17:00' },
  '2026: the swapped Saturday 22 Aug is a working day': { received: '2026-08-21T10:00', limit: '1WD', due: '2026-08-22T17:00' },
  '2026: after the cut-off before the break + 8WH': { received: '2026-08-28T16:00', limit: '8WH', due: '2026-09-03T17:00' },
  // New Year
  'New Year 2026: 31 Dec + 1WD skips 1–2 Jan': { received: '2025-12-31T10:00', limit: '1WD', due: '2026-01-05T17:00' },
  'New Year 2026: 5WD ends on the working Saturday 10 Jan': { received: '2025-12-31T15:30', limit: '5WD', due: '2026-01-10T17:00' },
  'New Year 2027 (generated year): 31 Dec + 1WD': { received: '2026-12-31T10:00', limit: '1WD', due: '2027-01-04T17:00' },
  'New Year 2026: after the cut-off + 4WH': { received: '2025-12-31T16:00', limit: '4WH', due: '2026-01-05T12:00' },
  // Weekends
  'Fri + 2WD': { received: '2026-03-06T14:00', limit: '2WD', due: '2026-03-10T17:00' },
  'received on a Saturday + 1WD': { received: '2026-03-07T10:00', limit: '1WD', due: '2026-03-10T17:00', clockStarts: '2026-03-09T08:00' },
  'received on Sunday night + 4WH': { received: '2026-03-08T23:00', limit: '4WH', due: '2026-03-09T12:00' },
  'Fri after the cut-off + 30WM': { received: '2026-03-06T16:30', limit: '30WM', due: '2026-03-09T08:30' },
  // The cut-off
  'received at 15:00 sharp is before the cut-off': { received: '2026-03-05T15:00', limit: '1WD', due: '2026-03-06T17:00' },
  'received at 15:00:01 is after it': { received: '2026-03-05T15:00:01', limit: '1WD', due: '2026-03-09T17:00' },
  'a procedure’s own cut-off (16:00)': { received: '2026-03-05T15:30', limit: '1WD', cutoff: '16:00', due: '2026-03-06T17:00' },
  'no cut-off: working hours run from the instant': { received: '2026-03-05T16:00', limit: '8WH', cutoff: null, due: '2026-03-06T16:00' },
  // At night, at lunch
  'received at night + 1WD': { received: '2026-03-03T21:00', limit: '1WD', due: '2026-03-05T17:00', clockStarts: '2026-03-04T08:00' },
  'received before opening + 8WH': { received: '2026-03-03T06:30', limit: '8WH', due: '2026-03-03T17:00' },
  'received at lunch + 2WH': { received: '2026-03-03T12:30', limit: '2WH', due: '2026-03-03T15:00' },
  // Calendar days and plain hours
  'P20D ending on a working day': { received: '2026-03-05T10:00', limit: 'P20D', due: '2026-03-25T17:00' },
  'P10D ending in Tết moves to the next working day': { received: '2026-02-06T10:00', limit: 'P10D', due: '2026-02-23T17:00' },
  'PT48H runs through the weekend': { received: '2026-03-05T10:00', limit: 'PT48H', due: '2026-03-07T10:00' },
  // Supplementation pauses
  'a 2-working-day pause moves 5WD by 2 working days': { received: '2026-03-02T09:00', limit: '5WD', pauses: ['2026-03-03T09:00/2026-03-05T09:00'], due: '2026-03-11T17:00' },
  'a pause spanning Tết 2026 excludes only its working time (3 days)': {
    received: '2026-02-10T09:00',
    limit: '5WD',
    pauses: ['2026-02-12T10:00/2026-02-24T10:00'],
    due: '2026-02-27T17:00',
  },
  'a pause after the deadline changes nothing': { received: '2026-03-02T09:00', limit: '1WD', pauses: ['2026-03-03T18:00/2026-03-04T10:00'], due: '2026-03-03T17:00' },
  'a pause over lunch excludes no working time': { received: '2026-03-02T08:00', limit: '8WH', pauses: ['2026-03-02T12:00/2026-03-02T13:00'], due: '2026-03-02T17:00' },
  'a one-hour pause moves 8WH by one working hour': { received: '2026-03-02T08:00', limit: '8WH', pauses: ['2026-03-02T10:00/2026-03-02T11:00'], due: '2026-03-03T09:00' },
  'two pauses add up': {
    received: '2026-03-02T08:00',
    limit: '1WD',
    pauses: ['2026-03-02T09:00/2026-03-02T10:00', '2026-03-03T16:00/2026-03-04T09:00'],
    due: '2026-03-04T11:00',
  },
  'a pause excludes elapsed time from plain hours': { received: '2026-03-05T10:00', limit: 'PT48H', pauses: ['2026-03-06T10:00/2026-03-06T16:00'], due: '2026-03-07T16:00' },
  'a pause moves calendar days by whole days': { received: '2026-03-05T10:00', limit: 'P20D', pauses: ['2026-03-06T10:00/2026-03-07T12:00'], due: '2026-03-27T17:00' },
  // The restart rule
  'restart: the clock starts from zero when the supplement completes the dossier': {
    received: '2026-03-02T09:00',
    limit: '5WD',
    rule: 'restart',
    pauses: ['2026-03-03T09:00/2026-03-05T16:00'],
    clockStarts: '2026-03-06T08:00',
    due: '2026-03-13T17:00',
  },
  'restart: a supplement completed during Tết restarts after it': {
    received: '2026-02-09T09:00',
    limit: '3WD',
    rule: 'restart',
    pauses: ['2026-02-10T10:00/2026-02-18T11:00'],
    clockStarts: '2026-02-23T08:00',
    due: '2026-02-26T17:00',
  },
  'restart: with no supplementation the clock runs from receipt': { received: '2026-03-02T09:00', limit: '5WD', rule: 'restart', due: '2026-03-09T17:00' },
};

describe('legal deadlines, hand-checked', () => {
  it.each(Object.entries(cases))('%s', (_, example) => {
    const result = deadline(example);
    expect(local(result.dueAt)).toBe(example.due);
    if (example.clockStarts) expect(local(result.clockStartsAt)).toBe(example.clockStarts);
  });

  it('has at least 30 cases', () => {
    expect(Object.keys(cases).length).toBeGreaterThanOrEqual(30);
  });
});

describe('legal deadline errors', () => {
  it('rejects a pause before receipt, a pause that ends before it starts, and a bad cut-off', () => {
    expect(() => deadline({ received: '2026-03-02T09:00', limit: '5WD', due: '', pauses: ['2026-03-01T09:00/2026-03-03T09:00'] })).toThrow(
      /pauses\[0\] starts before the dossier was received/,
    );
    expect(() => deadline({ received: '2026-03-02T09:00', limit: '5WD', due: '', pauses: ['2026-03-04T09:00/2026-03-03T09:00'] })).toThrow(CalendarArgumentError);
    expect(() => deadline({ received: '2026-03-02T09:00', limit: '5WD', due: '', cutoff: '3pm' })).toThrow(/cut-off "3pm" is not a time of day/);
  });

  it('refuses to guess beyond the loaded years', () => {
    expect(() => deadline({ received: '2024-12-31T10:00', limit: '1WD', due: '' })).toThrow(CalendarRangeError);
    expect(() => deadline({ received: '2027-12-20T10:00', limit: '20WD', due: '' })).toThrow(/falls outside the years loaded in calendar vn-national \(2025–2027\)/);
    expect(() => deadline({ received: '2027-12-31T20:00', limit: '0WD', due: '' })).toThrow(CalendarRangeError);
  });
});

describe('service-quality classification', () => {
  const received = at('2026-03-02T09:00'); // 5WD → due Mon 9 Mar 17:00
  const classify = (finished: string, supplementations: { from: number; to: number }[] = []) =>
    classifyCompletion(national, { receivedAt: received, limit: parseLegalDuration('5WD'), finishedAt: at(finished), supplementations });

  it.each([
    ['a day before the appointment', '2026-03-06T16:00', 'early', 2],
    ['on the appointment day', '2026-03-09T16:59', 'on-time', 1],
    ['at the appointment', '2026-03-09T17:00', 'on-time', 1],
    ['after it', '2026-03-10T08:30', 'late', 0],
  ])('finished %s', (_, finished, outcome, score) => {
    expect(classify(finished)).toEqual({ outcome, score, dueAt: at('2026-03-09T17:00') });
  });

  it('deducts supplementation time', () => {
    const supplement = [{ from: at('2026-03-03T09:00'), to: at('2026-03-05T09:00') }];
    expect(classify('2026-03-11T10:00').outcome).toBe('late');
    expect(classify('2026-03-11T10:00', supplement)).toEqual({ outcome: 'on-time', score: 1, dueAt: at('2026-03-11T17:00') });
  });

  it('rejects a finish before receipt', () => {
    expect(() => classify('2026-03-01T10:00')).toThrow(/before it was received/);
  });
});

describe('pauses, as properties', () => {
  const first = at('2025-01-02T00:00');
  const last = at('2027-06-30T00:00');
  const instant = fc.integer({ min: first, max: last });
  const limit = fc.oneof(
    fc.integer({ min: 0, max: 60 }).map((amount) => `${amount}WD`),
    fc.integer({ min: 1, max: 200 }).map((amount) => `${amount}WH`),
    fc.integer({ min: 1, max: 90 }).map((amount) => `P${amount}D`),
    fc.integer({ min: 1, max: 400 }).map((amount) => `PT${amount}H`),
  );
  const pause = fc.tuple(fc.integer({ min: 0, max: 40 * 86_400_000 }), fc.integer({ min: 0, max: 10 * 86_400_000 }));

  it('never shorten a deadline, and working deadlines stay on working instants', () => {
    fc.assert(
      fc.property(instant, limit, fc.array(pause, { maxLength: 3 }), (receivedAt, text, offsets) => {
        const duration = parseLegalDuration(text);
        const pauses = offsets.map(([start, length]) => ({ from: receivedAt + start, to: receivedAt + start + length }));
        const plain = legalDeadline(national, { receivedAt, limit: duration });
        const paused = legalDeadline(national, { receivedAt, limit: duration, pauses });
        expect(paused.dueAt).toBeGreaterThanOrEqual(plain.dueAt);
        if (duration.unit.startsWith('working-')) expect(national.isWorkingInstant(paused.dueAt)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('timers to the second', () => {
  it('run PT1M30S from the instant, and a pause moves them by its length', () => {
    const receivedAt = at('2026-03-05T10:00');
    expect(legalDeadline(national, { receivedAt, limit: parseLegalDuration('PT1M30S') }).dueAt).toBe(receivedAt + 90_000);
    const pauses = [{ from: receivedAt + 10_000, to: receivedAt + 25_000 }];
    expect(legalDeadline(national, { receivedAt, limit: parseLegalDuration('PT90S'), pauses }).dueAt).toBe(receivedAt + 105_000);
  });
});
