/**
 * A year's national days off generated from the Labour Code 2019, Art. 112: the starting point an
 * administrator corrects to the schedule the Prime Minister announces (which Tết days, which
 * Saturdays are swapped). Swaps are never generated: they are decisions, not rules.
 */
import { dayNumber, formatIsoDate, weekdayOf, type Weekday } from './civil-date.js';
import type { CalendarYear, DayEntry } from './calendar-data.js';
import { lunarNewYear, lunarToSolar } from './lunar/lunar-calendar.js';

interface Holiday {
  day: number;
  reason: string;
}

const tetDayNames = ['last day of the lunar year', 'mùng 1 (lunar new year)', 'mùng 2', 'mùng 3', 'mùng 4'];

/**
 * Art. 112 (1): 1 January; Tết, 5 days (generated as the last day of the lunar year and the first
 * four of the new one); Hùng Kings' day, 10/3 lunar; 30 April; 1 May; 2 September and one
 * adjacent day (the one that bridges to a weekend: 3 September when the 2nd is a Monday or a
 * Thursday, else 1 September).
 */
function statutoryHolidays(year: number): Holiday[] {
  const tet = lunarNewYear(year);
  const nationalDay = dayNumber(year, 9, 2);
  const adjacent = ['monday', 'thursday'].includes(weekdayOf(nationalDay)) ? nationalDay + 1 : nationalDay - 1;
  return [
    { day: dayNumber(year, 1, 1), reason: "Tết Dương lịch (New Year's Day)" },
    ...tetDayNames.map((name, index) => ({ day: tet - 1 + index, reason: `Tết Nguyên Đán: ${name}` })),
    { day: lunarToSolar({ year, month: 3, day: 10 }), reason: 'Giỗ Tổ Hùng Vương (10/3 lunar)' },
    { day: dayNumber(year, 4, 30), reason: 'Ngày Giải phóng miền Nam, thống nhất đất nước (30/4)' },
    { day: dayNumber(year, 5, 1), reason: 'Ngày Quốc tế Lao động (1/5)' },
    { day: Math.min(nationalDay, adjacent), reason: nationalDay < adjacent ? 'Quốc khánh (2/9)' : 'Quốc khánh: adjacent day' },
    { day: Math.max(nationalDay, adjacent), reason: nationalDay < adjacent ? 'Quốc khánh: adjacent day' : 'Quốc khánh (2/9)' },
  ];
}

/**
 * The generated days off of a year: the statutory holidays, and for each one on a weekly rest day
 * (Art. 112 (3)) a compensatory day on the next day that is neither a rest day nor already off.
 */
export function generateNationalYear(year: number, restDays: readonly Weekday[] = ['saturday', 'sunday']): CalendarYear {
  const holidays = statutoryHolidays(year).sort((a, b) => a.day - b.day);
  const off = new Set(holidays.map((holiday) => holiday.day));
  const isRest = (day: number): boolean => restDays.includes(weekdayOf(day));
  const compensatory: Holiday[] = [];
  for (const holiday of holidays) {
    if (!isRest(holiday.day)) continue;
    let day = holiday.day + 1;
    while (isRest(day) || off.has(day)) day += 1;
    off.add(day);
    compensatory.push({ day, reason: `compensatory day off: ${holiday.reason} falls on ${weekdayOf(holiday.day)} ${formatIsoDate(holiday.day)}` });
  }
  const daysOff: DayEntry[] = [...holidays, ...compensatory]
    .filter((holiday) => holiday.day >= dayNumber(year, 1, 1) && holiday.day <= dayNumber(year, 12, 31))
    .sort((a, b) => a.day - b.day)
    .map((holiday) => ({ from: formatIsoDate(holiday.day), reason: holiday.reason }));
  return {
    status: 'generated',
    sources: ['generated from the Labour Code 2019, Art. 112: correct it to the schedule the Prime Minister announces'],
    daysOff,
    workingDays: [],
  };
}
