import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalendarRangeError, type BusinessCalendar } from '../../../engine/calendar/index.js';
import type { LegalDuration } from '../../../engine/duration/legal-duration.js';
import { fuzz, fuzzTimeoutMs } from '../../support/fuzz.js';
import { randomCalendar } from './random-calendars.js';

const shortBudgetMs = 3_000;
const hour = 3_600_000;
const minute = 60_000;

/** Instants over the calendars' years, 2025–2027 in Vietnam time, with room left after them. */
const instant = fc.integer({ min: Date.UTC(2025, 0, 1, -7), max: Date.UTC(2027, 5, 30, -7) });
const workingDuration: fc.Arbitrary<LegalDuration> = fc.oneof(
  fc.integer({ min: 0, max: 60 }).map((amount) => ({ amount, unit: 'working-days' as const })),
  fc.integer({ min: 0, max: 480 }).map((amount) => ({ amount, unit: 'working-hours' as const })),
  fc.integer({ min: 0, max: 5000 }).map((amount) => ({ amount, unit: 'working-minutes' as const })),
);

/**
 * The answer, or undefined past the calendar's last year (a sparse calendar runs out of working
 * time sooner): that refusal, a CalendarRangeError, is the only error arithmetic may give.
 */
function withinRange<T>(answer: () => T): T | undefined {
  try {
    return answer();
  } catch (error) {
    expect(error).toBeInstanceOf(CalendarRangeError);
    return undefined;
  }
}

function workingMs(duration: LegalDuration): number {
  return duration.amount * (duration.unit === 'working-hours' ? hour : minute);
}

describe('fuzzing the business calendar over random calendars (days off, make-up days, own sessions)', () => {
  it('addWorking then counting the working time back gives the duration (round trip)', async () => {
    await fuzz('calendar/round-trip', shortBudgetMs, fc.property(randomCalendar, instant, workingDuration, (calendar: BusinessCalendar, any, duration) => {
      const start = withinRange(() => calendar.nextWorkingInstant(any));
      if (start === undefined) return;
      const due = withinRange(() => calendar.addWorking(start, duration));
      if (due === undefined) return;
      expect(calendar.isWorkingInstant(due)).toBe(true);
      expect(due).toBeGreaterThanOrEqual(start);
      if (duration.unit === 'working-days') expect(calendar.workingDaysBetween(start, due)).toBe(duration.amount);
      else {
        expect(calendar.workingTimeBetween(start, due)).toBe(workingMs(duration));
        const back = calendar.subtractWorkingTime(due, workingMs(duration));
        expect(calendar.workingTimeBetween(back, due)).toBe(workingMs(duration));
      }
    }));
  }, fuzzTimeoutMs(shortBudgetMs));

  it('addWorking is monotonic in the instant and in the duration', async () => {
    await fuzz('calendar/monotonicity', shortBudgetMs, fc.property(randomCalendar, instant, instant, workingDuration, (calendar: BusinessCalendar, a, b, duration) => {
      const [early, late] = a <= b ? [a, b] : [b, a];
      const longer = { ...duration, amount: duration.amount + 1 };
      const lateDue = withinRange(() => calendar.addWorking(late, duration));
      const longerDue = withinRange(() => calendar.addWorking(early, longer));
      const earlyDue = withinRange(() => calendar.addWorking(early, duration));
      if (earlyDue === undefined) return;
      if (lateDue !== undefined) expect(earlyDue).toBeLessThanOrEqual(lateDue);
      if (longerDue !== undefined) expect(earlyDue).toBeLessThan(longerDue);
      expect(calendar.workingTimeBetween(early, late)).toBeGreaterThanOrEqual(0);
      expect(calendar.workingDaysBetween(early, late)).toBeGreaterThanOrEqual(0);
    }));
  }, fuzzTimeoutMs(shortBudgetMs));
});
