import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatLegalDuration,
  isWorkingDuration,
  LegalDurationError,
  parseLegalDuration,
  type LegalDurationUnit,
} from '../../../engine/duration/legal-duration.js';

describe('legal durations', () => {
  it.each([
    ['5WD', 5, 'working-days'],
    ['0WD', 0, 'working-days'],
    ['8WH', 8, 'working-hours'],
    ['30WM', 30, 'working-minutes'],
    ['P20D', 20, 'calendar-days'],
    ['P2W', 14, 'calendar-days'],
    ['PT48H', 48, 'hours'],
    ['PT30M', 30, 'minutes'],
    [' 12WD ', 12, 'working-days'],
  ])('reads %s', (text, amount, unit) => {
    expect(parseLegalDuration(text)).toEqual({ amount, unit });
  });

  it.each([
    ['PT1H30M', 90, 'minutes'],
    ['P1DT2H', 26, 'hours'],
    ['PT120S', 2, 'minutes'],
    ['PT1H3600S', 2, 'hours'],
    ['P0DT45M', 45, 'minutes'],
    ['PT10S', 10, 'seconds'],
    ['PT1M30S', 90, 'seconds'],
  ])('reads the ISO-8601 duration %s as elapsed time in the one unit that holds it', (text, amount, unit) => {
    expect(parseLegalDuration(text)).toEqual({ amount, unit });
  });

  it.each([
    ['P1M', 'months-years'],
    ['P1Y2M3D', 'months-years'],
    ['PT1.5H', 'fraction'],
    ['P0,5D', 'fraction'],
  ])('names %s as a valid duration it does not count (%s), not as malformed', (text, reason) => {
    const error = (() => {
      try {
        parseLegalDuration(text);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(LegalDurationError);
    expect((error as LegalDurationError).unsupported).toBe(reason);
    expect((error as Error).message).not.toMatch(/not a legal duration/);
  });

  it.each(['', '5', '5D', 'WD', '-1WD', '1.5WD', 'PT', 'P1DT', 'p20d', '5 WD', '999999WD'])('rejects %j with a message saying how to write one', (text) => {
    expect(() => parseLegalDuration(text)).toThrow(LegalDurationError);
    expect(() => parseLegalDuration(text)).toThrow(/write working days as 5WD/);
  });

  it('refuses an elapsed duration whose canonical text would not read back', () => {
    expect(() => parseLegalDuration('P99999DT1M')).toThrow(/longer than MotCua counts/);
    expect(parseLegalDuration('P694DT10H39M')).toEqual({ amount: 999_999, unit: 'minutes' });
  });

  it('formats canonically and round-trips', () => {
    const units: LegalDurationUnit[] = ['working-days', 'working-hours', 'working-minutes', 'calendar-days', 'hours', 'minutes'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), fc.constantFrom(...units), (amount, unit) => {
        expect(parseLegalDuration(formatLegalDuration({ amount, unit }))).toEqual({ amount, unit });
      }),
    );
  });

  it('tells working durations from elapsed ones', () => {
    expect(isWorkingDuration(parseLegalDuration('3WD'))).toBe(true);
    expect(isWorkingDuration(parseLegalDuration('P15D'))).toBe(false);
  });
});
