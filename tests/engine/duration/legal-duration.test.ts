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

  it.each(['', '5', '5D', 'WD', '-1WD', '1.5WD', 'P1DT2H', 'PT', 'p20d', '5 WD', '999999WD'])('rejects %j with a message saying how to write one', (text) => {
    expect(() => parseLegalDuration(text)).toThrow(LegalDurationError);
    expect(() => parseLegalDuration(text)).toThrow(/write working days as 5WD/);
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
