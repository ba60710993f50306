import { describe, expect, it } from 'vitest';
import { formatIsoDate } from '../../../../engine/calendar/civil-date.js';
import { CalendarArgumentError, CalendarRangeError } from '../../../../engine/calendar/errors.js';
import { lunarNewYear, lunarToSolar } from '../../../../engine/calendar/lunar/lunar-calendar.js';

/** Tết Nguyên Đán (1/1) and Giỗ Tổ Hùng Vương (10/3) in Vietnam, 2000–2035. */
const knownDates: Record<number, [tet: string, hungKings: string]> = {
  2000: ['2000-02-05', '2000-04-14'],
  2001: ['2001-01-24', '2001-04-03'],
  2002: ['2002-02-12', '2002-04-22'],
  2003: ['2003-02-01', '2003-04-11'],
  2004: ['2004-01-22', '2004-04-28'],
  2005: ['2005-02-09', '2005-04-18'],
  2006: ['2006-01-29', '2006-04-07'],
  2007: ['2007-02-17', '2007-04-26'],
  2008: ['2008-02-07', '2008-04-15'],
  2009: ['2009-01-26', '2009-04-04'],
  2010: ['2010-02-14', '2010-04-23'],
  2011: ['2011-02-03', '2011-04-12'],
  2012: ['2012-01-23', '2012-03-31'],
  2013: ['2013-02-10', '2013-04-19'],
  2014: ['2014-01-31', '2014-04-09'],
  2015: ['2015-02-19', '2015-04-28'],
  2016: ['2016-02-08', '2016-04-16'],
  2017: ['2017-01-28', '2017-04-06'],
  2018: ['2018-02-16', '2018-04-25'],
  2019: ['2019-02-05', '2019-04-14'],
  2020: ['2020-01-25', '2020-04-02'],
  2021: ['2021-02-12', '2021-04-21'],
  2022: ['2022-02-01', '2022-04-10'],
  2023: ['2023-01-22', '2023-04-29'],
  2024: ['2024-02-10', '2024-04-18'],
  2025: ['2025-01-29', '2025-04-07'],
  2026: ['2026-02-17', '2026-04-26'],
  2027: ['2027-02-06', '2027-04-16'],
  2028: ['2028-01-26', '2028-04-04'],
  2029: ['2029-02-13', '2029-04-23'],
  2030: ['2030-02-02', '2030-04-12'],
  2031: ['2031-01-23', '2031-04-01'],
  2032: ['2032-02-11', '2032-04-19'],
  2033: ['2033-01-31', '2033-04-09'],
  2034: ['2034-02-19', '2034-04-28'],
  2035: ['2035-02-08', '2035-04-17'],
};

describe('Vietnamese lunar calendar (UTC+7)', () => {
  it.each(Object.entries(knownDates))('%s: Tết and Hùng Kings day', (year, [tet, hungKings]) => {
    expect(formatIsoDate(lunarNewYear(Number(year)))).toBe(tet);
    expect(formatIsoDate(lunarToSolar({ year: Number(year), month: 3, day: 10 }))).toBe(hungKings);
  });

  // The same rules at China's UTC+8 give China's dates: the meridian alone makes the difference.
  it.each([
    ['Tết 1985: a whole month apart', { year: 1985, month: 1, day: 1 }, '1985-01-21', '1985-02-20'],
    ['Tết 2007', { year: 2007, month: 1, day: 1 }, '2007-02-17', '2007-02-18'],
    ['Tết 2030', { year: 2030, month: 1, day: 1 }, '2030-02-02', '2030-02-03'],
    ['Hùng Kings day 2009', { year: 2009, month: 3, day: 10 }, '2009-04-04', '2009-04-05'],
  ])('differs from the Chinese calendar: %s', (_, date, vietnam, china) => {
    expect(formatIsoDate(lunarToSolar(date))).toBe(vietnam);
    expect(formatIsoDate(lunarToSolar(date, 8))).toBe(china);
  });

  it('agrees with the Chinese calendar on Tết in every other year 2000–2035', () => {
    const differing = Object.keys(knownDates)
      .map(Number)
      .filter((year) => lunarNewYear(year) !== lunarNewYear(year, 8));
    expect(differing).toEqual([2007, 2030]);
  });

  it('handles leap months: 2023 had a leap second month, 2025 a leap sixth month', () => {
    expect(formatIsoDate(lunarToSolar({ year: 2023, month: 2, day: 1, leap: true }))).toBe('2023-03-22');
    expect(formatIsoDate(lunarToSolar({ year: 2023, month: 3, day: 1 }))).toBe('2023-04-20');
    expect(formatIsoDate(lunarToSolar({ year: 2025, month: 6, day: 1, leap: true }))).toBe('2025-07-25');
    expect(() => lunarToSolar({ year: 2026, month: 2, day: 1, leap: true })).toThrow(/has no leap month/);
    expect(() => lunarToSolar({ year: 2025, month: 5, day: 1, leap: true })).toThrow(/no leap month 5/);
  });

  it('knows the last day of the lunar year: 29 Chạp Ất Tỵ is 16 February 2026', () => {
    expect(formatIsoDate(lunarToSolar({ year: 2025, month: 12, day: 29 }))).toBe('2026-02-16');
    expect(() => lunarToSolar({ year: 2025, month: 12, day: 30 })).toThrow(/has 29 days/);
  });

  it('rejects impossible dates and unsupported years with a clear error', () => {
    expect(() => lunarToSolar({ year: 2026, month: 13, day: 1 })).toThrow(CalendarArgumentError);
    expect(() => lunarToSolar({ year: 2026, month: 1, day: 0 })).toThrow(CalendarArgumentError);
    expect(() => lunarNewYear(1899)).toThrow(CalendarRangeError);
    expect(() => lunarNewYear(2101)).toThrow(/outside 1900–2100/);
  });
});
