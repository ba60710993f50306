import { describe, expect, it } from 'vitest';
import { BusinessCalendar, generateNationalYear } from '../../../engine/calendar/index.js';
import { nationalData } from './national-calendar.js';

const datesOf = (year: number): string[] => generateNationalYear(year).daysOff.map((entry) => entry.from);

describe('national holidays generated from Labour Code Art. 112', () => {
  it('gives 2026 exactly the announced statutory days (swaps are decisions it leaves out)', () => {
    expect(datesOf(2026)).toEqual([
      '2026-01-01',
      '2026-02-16', // 29 Chạp, the last day of Ất Tỵ
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-04-26', // Hùng Kings day, a Sunday …
      '2026-04-27', // … moves to Monday
      '2026-04-30',
      '2026-05-01',
      '2026-09-01',
      '2026-09-02',
    ]);
  });

  it('moves holidays on weekly rest days to the next free working day', () => {
    const year = generateNationalYear(2027);
    // Tết 2027 starts on Saturday 6 Feb: two Tết days on the weekend give Wednesday and Thursday.
    expect(year.daysOff.filter((entry) => entry.from.startsWith('2027-02')).map((entry) => entry.from)).toEqual([
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
      '2027-02-11',
    ]);
    expect(year.daysOff.find((entry) => entry.from === '2027-05-03')?.reason).toMatch(/compensatory day off: Ngày Quốc tế Lao động .* falls on saturday 2027-05-01/);
    expect(year.status).toBe('generated');
    expect(year.workingDays).toEqual([]);
  });

  it('picks the National Day’s adjacent day that bridges to a weekend', () => {
    expect(datesOf(2024).filter((date) => date.includes('-09-'))).toEqual(['2024-09-02', '2024-09-03']); // Monday
    expect(datesOf(2025).filter((date) => date.includes('-09-'))).toEqual(['2025-09-01', '2025-09-02']); // Tuesday
    expect(datesOf(2027).filter((date) => date.includes('-09-'))).toEqual(['2027-09-02', '2027-09-03']); // Thursday
  });

  it('counts weekly rest days from the calendar it is given (an office resting on Sunday only)', () => {
    expect(datesOf(2026)).toEqual(generateNationalYear(2026, ['sunday']).daysOff.map((entry) => entry.from));
    expect(generateNationalYear(2027, ['sunday']).daysOff.map((entry) => entry.from)).toContain('2027-02-10');
    expect(generateNationalYear(2027, ['sunday']).daysOff.map((entry) => entry.from)).not.toContain('2027-02-11');
  });

  it('produces data a calendar accepts, for any year the lunar calendar supports', () => {
    for (const year of [2028, 2030, 2035, 2050]) {
      const data = { ...nationalData(), years: { [year]: generateNationalYear(year) } };
      expect(new BusinessCalendar(data).year(year).filter((day) => day.kind === 'day-off').length).toBeGreaterThanOrEqual(11);
    }
  });

  it('is the shipped 2027 data, unedited so far', () => {
    expect(nationalData().years['2027']).toEqual(generateNationalYear(2027));
  });
});
