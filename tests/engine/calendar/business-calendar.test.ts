import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLegalDuration, type LegalDuration } from '../../../engine/duration/legal-duration.js';
import { BusinessCalendar, CalendarArgumentError, CalendarRangeError, layerCalendarData } from '../../../engine/calendar/index.js';
import saturdayOffice from './fixtures/saturday-office.json' with { type: 'json' };
import { at, local, national, nationalData } from './national-calendar.js';

const hour = 3_600_000;

describe('working instants', () => {
  it.each([
    ['2026-03-03T08:00', true],
    ['2026-03-03T12:00', true], // a session's end is still working time
    ['2026-03-03T12:30', false],
    ['2026-03-03T17:00', true],
    ['2026-03-03T17:00:01', false],
    ['2026-03-07T10:00', false], // Saturday
    ['2026-02-18T10:00', false], // Tết
    ['2026-01-10T10:00', true], // working Saturday
  ])('%s is working: %s', (instant, working) => {
    expect(national.isWorkingInstant(at(instant))).toBe(working);
  });

  it('finds the next and previous working instants', () => {
    expect(local(national.nextWorkingInstant(at('2026-03-03T12:30')))).toBe('2026-03-03T13:00');
    expect(local(national.nextWorkingInstant(at('2026-02-13T17:30')))).toBe('2026-02-23T08:00');
    expect(local(national.nextWorkingInstant(at('2026-03-03T09:15')))).toBe('2026-03-03T09:15');
    expect(local(national.previousWorkingInstant(at('2026-02-23T07:00')))).toBe('2026-02-13T17:00');
    expect(local(national.previousWorkingInstant(at('2026-03-03T12:30')))).toBe('2026-03-03T12:00');
  });

  it('starts the clock by the receipt rule', () => {
    expect(local(national.startOfClock(at('2026-03-03T14:59')))).toBe('2026-03-03T14:59');
    expect(local(national.startOfClock(at('2026-03-03T15:01')))).toBe('2026-03-04T08:00');
    expect(local(national.startOfClock(at('2026-03-03T15:01'), null))).toBe('2026-03-03T15:01');
    expect(local(national.startOfClock(at('2026-03-07T10:00')))).toBe('2026-03-09T08:00');
  });
});

describe('working time', () => {
  it('measures working time between instants, minus pauses', () => {
    expect(national.workingTimeBetween(at('2026-03-02T08:00'), at('2026-03-06T17:00'))).toBe(40 * hour);
    expect(national.workingTimeBetween(at('2026-02-13T10:00'), at('2026-02-23T10:00'))).toBe(8 * hour);
    const lunchAndMorning = [
      { from: at('2026-03-02T11:00'), to: at('2026-03-02T14:00') },
      { from: at('2026-03-02T13:30'), to: at('2026-03-02T15:00') }, // overlaps the first: merged
    ];
    expect(national.workingTimeBetween(at('2026-03-02T08:00'), at('2026-03-02T17:00'), lunchAndMorning)).toBe(5 * hour);
  });

  it('adds and subtracts working milliseconds (the due-soon share of a step)', () => {
    const start = at('2026-03-02T08:00');
    const due = national.addWorking(start, parseLegalDuration('5WD'));
    const share = Math.round(national.workingTimeBetween(start, due) * 0.8);
    expect(local(national.addWorkingTime(start, share))).toBe('2026-03-06T15:24'); // 80% of 48 h
    expect(local(national.subtractWorkingTime(due, 4 * hour))).toBe('2026-03-09T13:00');
    expect(local(national.subtractWorking(at('2026-02-23T17:00'), parseLegalDuration('1WD')))).toBe('2026-02-13T17:00');
    expect(local(national.subtractWorking(at('2026-02-23T09:00'), parseLegalDuration('2WH')))).toBe('2026-02-13T16:00');
  });

  it('finds the latest apology date: one working day before a deadline after Tết', () => {
    expect(local(national.subtractWorkingDays(at('2026-02-23T17:00'), 1))).toBe('2026-02-13T17:00');
  });

  it('counts whole working days between instants', () => {
    expect(national.workingDaysBetween(at('2026-02-12T10:00'), at('2026-02-26T17:00'))).toBe(5);
    expect(national.workingDaysBetween(at('2026-02-12T10:00'), at('2026-02-26T16:59'))).toBe(4);
    expect(national.workingDaysBetween(at('2026-02-12T10:00'), at('2026-02-12T11:00'))).toBe(0);
  });

  it('rejects bad arguments and instants outside the loaded years', () => {
    expect(() => national.addWorkingDays(at('2026-03-02T08:00'), -1)).toThrow(CalendarArgumentError);
    expect(() => national.addWorkingDays(at('2026-03-02T08:00'), 1.5)).toThrow(/not a whole, non-negative number of working days/);
    expect(() => national.addWorking(at('2026-03-02T08:00'), parseLegalDuration('P2D'))).toThrow(/not calendar-days/);
    expect(() => national.workingTimeBetween(at('2026-03-03T08:00'), at('2026-03-02T08:00'))).toThrow(CalendarArgumentError);
    expect(() => national.workingTimeBetween(at('2026-03-02T08:00'), at('2026-03-03T08:00'), [{ from: 2, to: 1 }])).toThrow(/pauses\[0\]/);
    expect(() => national.isWorkingInstant(Number.NaN)).toThrow(CalendarArgumentError);
    expect(() => national.isWorkingInstant(at('2028-01-03T09:00'))).toThrow(CalendarRangeError);
    expect(() => national.isWorkingInstant(at('2024-12-31T09:00'))).toThrow(/2024-12-31T09:00:00\+07:00 is outside the years loaded in calendar vn-national \(2025–2027\)/);
    expect(() => national.subtractWorkingDays(at('2025-01-03T10:00'), 5)).toThrow(CalendarRangeError);
    expect(() => national.addCalendarDays(at('2027-12-01T10:00'), 40)).toThrow(CalendarRangeError);
    expect(() => national.day('2028-01-01')).toThrow(CalendarRangeError);
    expect(() => national.year(2024)).toThrow(/has no year 2024/);
  });
});

describe('reading the calendar', () => {
  it('describes each day with its reason', () => {
    expect(national.day('2026-02-17')).toEqual({
      date: '2026-02-17',
      weekday: 'tuesday',
      kind: 'day-off',
      sessions: [],
      reason: 'Tết Nguyên Đán Bính Ngọ (29 tháng Chạp – mùng 4 tháng Giêng)',
    });
    expect(national.day('2026-02-14')).toMatchObject({ kind: 'weekly-rest', reason: 'weekly rest day (saturday)' });
    expect(national.day('2026-01-10')).toMatchObject({ kind: 'swapped-working', reason: expect.stringContaining('Friday 2 January') });
    expect(national.day('2026-03-03')).toEqual({
      date: '2026-03-03',
      weekday: 'tuesday',
      kind: 'working',
      sessions: [
        { start: '08:00', end: '12:00' },
        { start: '13:00', end: '17:00' },
      ],
    });
  });

  it('has 250 working days in 2026: 261 weekdays, 13 of them off, 2 Saturdays worked', () => {
    expect(national.year(2026).filter((day) => day.sessions.length > 0)).toHaveLength(250);
  });
});

describe('a Saturday-morning office', () => {
  const office = new BusinessCalendar(layerCalendarData(nationalData(), saturdayOffice));

  it('receives on Saturday mornings with its own cut-off', () => {
    expect(local(office.addWorkingDays(at('2026-03-06T16:30'), 1))).toBe('2026-03-07T11:30');
    expect(local(office.startOfClock(at('2026-03-06T15:30')))).toBe('2026-03-06T15:30');
    expect(local(office.startOfClock(at('2026-03-06T16:30')))).toBe('2026-03-07T07:30');
    expect(local(office.addWorking(at('2026-03-07T10:30'), parseLegalDuration('2WH')))).toBe('2026-03-09T09:00');
  });

  it('stays closed on the Tết Saturdays it lists, and opens on the Tết day it lists', () => {
    expect(local(office.nextWorkingInstant(at('2026-02-13T17:30')))).toBe('2026-02-20T08:00');
    expect(local(office.addWorkingDays(at('2026-02-20T09:00'), 1))).toBe('2026-02-23T17:00');
  });
});

describe('arithmetic, as properties', () => {
  const instant = fc.integer({ min: at('2025-01-01T00:00'), max: at('2027-06-30T00:00') });
  const workingDuration: fc.Arbitrary<LegalDuration> = fc.oneof(
    fc.integer({ min: 0, max: 60 }).map((amount) => ({ amount, unit: 'working-days' as const })),
    fc.integer({ min: 0, max: 480 }).map((amount) => ({ amount, unit: 'working-hours' as const })),
    fc.integer({ min: 0, max: 5000 }).map((amount) => ({ amount, unit: 'working-minutes' as const })),
  );
  const runs = { numRuns: 1000 };

  it('addWorking is monotonic in the instant and in the duration', () => {
    fc.assert(
      fc.property(instant, instant, workingDuration, (a, b, duration) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(national.addWorking(early, duration)).toBeLessThanOrEqual(national.addWorking(late, duration));
        const longer = { ...duration, amount: duration.amount + 1 };
        expect(national.addWorking(early, duration)).toBeLessThan(national.addWorking(early, longer));
      }),
      runs,
    );
  });

  it('addWorking always lands on a working instant, never before the start', () => {
    fc.assert(
      fc.property(instant, workingDuration, (a, duration) => {
        const due = national.addWorking(a, duration);
        expect(national.isWorkingInstant(due)).toBe(true);
        expect(due).toBeGreaterThanOrEqual(a);
      }),
      runs,
    );
  });

  it('workingTimeBetween(a, addWorking(a, d)) = d from a working instant', () => {
    fc.assert(
      fc.property(instant, workingDuration, (any, duration) => {
        const a = national.nextWorkingInstant(any);
        const due = national.addWorking(a, duration);
        if (duration.unit === 'working-days') {
          expect(national.workingDaysBetween(a, due)).toBe(duration.amount);
        } else {
          const unit = duration.unit === 'working-hours' ? hour : 60_000;
          expect(national.workingTimeBetween(a, due)).toBe(duration.amount * unit);
        }
      }),
      runs,
    );
  });

  it('subtracting working time undoes adding it', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 300 * hour }), (a, workingMs) => {
        const later = national.addWorkingTime(a, workingMs);
        const back = national.subtractWorkingTime(later, workingMs);
        expect(national.workingTimeBetween(back, later)).toBe(workingMs);
        expect(national.isWorkingInstant(back)).toBe(true);
      }),
      runs,
    );
  });
});
