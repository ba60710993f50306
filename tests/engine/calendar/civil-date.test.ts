import { describe, expect, it } from 'vitest';
import { civilDate, dayNumber, formatIsoDate, parseClockTime, parseIsoDate, weekdayOf } from '../../../engine/calendar/civil-date.js';

describe('civil dates', () => {
  it('numbers days from 1970-01-01 and back', () => {
    expect(dayNumber(1970, 1, 1)).toBe(0);
    expect(civilDate(dayNumber(2028, 2, 29))).toEqual({ year: 2028, month: 2, day: 29 });
    expect(formatIsoDate(dayNumber(2026, 2, 17))).toBe('2026-02-17');
    expect(weekdayOf(dayNumber(2026, 2, 17))).toBe('tuesday');
  });

  it('reads only real dates and times of day', () => {
    expect(parseIsoDate('2026-02-29')).toBeUndefined();
    expect(parseIsoDate('2026-2-1')).toBeUndefined();
    expect(parseIsoDate('2028-02-29')).toBe(dayNumber(2028, 2, 29));
    expect(parseClockTime('15:00')).toBe(900);
    expect(parseClockTime('24:00')).toBeUndefined();
    expect(parseClockTime('9:00')).toBeUndefined();
  });
});
