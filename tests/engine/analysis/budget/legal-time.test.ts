import { describe, expect, it } from 'vitest';
import {
  addTimes,
  compareTimes,
  compareWithLimit,
  formatLegalTime,
  legalTimeOfText,
  receiptDayAllowance,
  ZERO_TIME,
} from '../../../../engine/analysis/budget/legal-time.js';
import { parseLegalDuration } from '../../../../engine/duration/legal-duration.js';

const time = (...texts: string[]) => texts.map(legalTimeOfText).reduce(addTimes, ZERO_TIME);
const verdict = (limit: string, ...path: string[]) => compareWithLimit(time(...path), parseLegalDuration(limit), time(limit));

describe('legal time without a calendar', () => {
  it('adds working days, hours and minutes at 8 working hours a day', () => {
    expect(time('1WD', '4WH', '30WM')).toEqual({ workingMinutes: 750, calendarDays: 0, clockMinutes: 0 });
    expect(formatLegalTime(time('2WD', '8WH'))).toBe('3WD');
    expect(formatLegalTime(time('1WD', '4WH', '30WM'))).toBe('1WD 4WH 30WM');
  });

  it('keeps calendar days and plain hours apart from working time', () => {
    expect(time('7WD', 'P12D', 'PT48H')).toEqual({ workingMinutes: 3360, calendarDays: 12, clockMinutes: 2880 });
    expect(formatLegalTime(time('7WD', 'P12D', 'PT90M'))).toBe('7WD + P12D + PT90M');
    expect(formatLegalTime(ZERO_TIME)).toBe('0WD');
  });

  it('ranks by the family the limit is written in', () => {
    const a = time('5WD');
    const b = time('1WD', 'P7D');
    expect(compareTimes(a, b, 'working')).toBeGreaterThan(0);
    expect(compareTimes(a, b, 'calendar')).toBeLessThan(0);
  });

  it.each([
    [undefined, 0],
    ['15:00', 120],
    ['11:00', 300],
    ['12:30', 240],
    ['17:30', 0],
  ])('grants the working sessions after a cut-off of %s: %i minutes', (cutOff, minutes) => {
    expect(receiptDayAllowance(cutOff)).toBe(minutes);
  });

  it.each([
    ['3WD', ['1WD', '2WD'], 'within'],
    ['3WD', ['2WD', '8WH', '1WM'], 'exceeds'],
    ['3WD', ['4WD', 'P1D'], 'exceeds'],
    ['3WD', ['2WD', 'P1D'], 'indeterminate'],
    ['P20D', ['P12D', 'P8D'], 'within'],
    ['P20D', ['P12D', '10WD'], 'exceeds'],
    ['P20D', ['P12D', '3WD'], 'indeterminate'],
    ['PT48H', ['PT24H', 'PT24H'], 'within'],
    ['PT48H', ['PT40H', '3WD'], 'exceeds'],
    ['PT48H', ['1WD'], 'indeterminate'],
  ] as const)('a limit of %s against %j: %s', (limit, path, expected) => {
    expect(verdict(limit, ...path)).toBe(expected);
  });
});
