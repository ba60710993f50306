import { describe, expect, it } from 'vitest';
import { isFirstWorkingDayOfMonth, parsePeriodKey, periodBounds, periodKey, periodTitle, previousMonth, type ReportPeriod } from '../../../engine/reports/report-period.js';
import { loadCalendar } from '../../../scripts/calendar/calendar-files.js';

const vietnam = 7 * 3_600_000;

describe('report periods', () => {
  it.each<[string, ReportPeriod, string, string, string]>([
    ['2026-11', { kind: 'month', year: 2026, number: 11 }, 'Tháng 11 năm 2026', '2026-10-31T17:00:00.000Z', '2026-11-30T17:00:00.000Z'],
    ['2026-12', { kind: 'month', year: 2026, number: 12 }, 'Tháng 12 năm 2026', '2026-11-30T17:00:00.000Z', '2026-12-31T17:00:00.000Z'],
    ['2026-Q4', { kind: 'quarter', year: 2026, number: 4 }, 'Quý IV năm 2026', '2026-09-30T17:00:00.000Z', '2026-12-31T17:00:00.000Z'],
    ['2026-H1', { kind: 'half-year', year: 2026, number: 1 }, '6 tháng đầu năm 2026', '2025-12-31T17:00:00.000Z', '2026-06-30T17:00:00.000Z'],
    ['2026', { kind: 'year', year: 2026, number: 1 }, 'Năm 2026', '2025-12-31T17:00:00.000Z', '2026-12-31T17:00:00.000Z'],
  ])('%s is %s, in Vietnam time', (key, period, title, from, to) => {
    expect(parsePeriodKey(key)).toEqual(period);
    expect(periodKey(period)).toBe(key);
    expect(periodTitle(period)).toBe(title);
    const bounds = periodBounds(period, vietnam);
    expect([new Date(bounds.from).toISOString(), new Date(bounds.to).toISOString()]).toEqual([from, to]);
  });

  it.each(['2026-13', '2026-00', '2026-Q5', '2026-H3', '26', '2026-1', 'tháng 11', '1969'])('refuses %s', (key) => {
    expect(parsePeriodKey(key)).toBeNull();
  });

  it('names the month before an instant in local time', () => {
    expect(previousMonth(Date.parse('2026-12-01T00:30:00+07:00'), vietnam)).toEqual({ kind: 'month', year: 2026, number: 11 });
    expect(previousMonth(Date.parse('2026-11-30T23:30:00+07:00'), vietnam)).toEqual({ kind: 'month', year: 2026, number: 10 });
    expect(previousMonth(Date.parse('2027-01-04T08:00:00+07:00'), vietnam)).toEqual({ kind: 'month', year: 2026, number: 12 });
  });
});

describe('isFirstWorkingDayOfMonth', () => {
  const at = (local: string) => Date.parse(`${local}T01:00:00+07:00`);

  it.each([
    // 1 August 2026 is a Saturday; 1 May 2026 (Labour Day, a Friday) is a day off.
    ['2026-08-01', false],
    ['2026-08-02', false],
    ['2026-08-03', true],
    ['2026-08-04', false],
    ['2026-05-01', false],
    ['2026-05-04', true],
    ['2026-06-01', true],
  ])('%s: %s on the national calendar', async (date, expected) => {
    const calendar = await loadCalendar('vn-national');
    expect(isFirstWorkingDayOfMonth(calendar, at(date))).toBe(expected);
  });
});
