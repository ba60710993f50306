import type { BusinessCalendar } from '../calendar/business-calendar.js';
import { civilDate, dayMs, dayNumber, formatIsoDate } from '../calendar/civil-date.js';

/** The periods an agency reports on: a month, a quarter, six months, a year. */
export const reportPeriodKinds = ['month', 'quarter', 'half-year', 'year'] as const;
export type ReportPeriodKind = (typeof reportPeriodKinds)[number];

/** One reporting period: `number` is the month (1–12), quarter (1–4) or half (1–2); 1 for a year. */
export interface ReportPeriod {
  kind: ReportPeriodKind;
  year: number;
  number: number;
}

const monthsIn: Record<ReportPeriodKind, number> = { month: 1, quarter: 3, 'half-year': 6, year: 12 };
const keyPatterns: Array<[RegExp, ReportPeriodKind]> = [
  [/^(\d{4})-(\d{2})$/, 'month'],
  [/^(\d{4})-Q(\d)$/, 'quarter'],
  [/^(\d{4})-H(\d)$/, 'half-year'],
  [/^(\d{4})$/, 'year'],
];
const romanQuarters = ['I', 'II', 'III', 'IV'];

/** `2026-11`, `2026-Q4`, `2026-H2`, `2026`: how a period is named in report ids and URLs. */
export function periodKey({ kind, year, number }: ReportPeriod): string {
  if (kind === 'month') return `${year}-${String(number).padStart(2, '0')}`;
  if (kind === 'quarter') return `${year}-Q${number}`;
  if (kind === 'half-year') return `${year}-H${number}`;
  return String(year);
}

/** The period a key names, or null when it names none (`2026-13`, `2026-Q5`, `26`). */
export function parsePeriodKey(key: string): ReportPeriod | null {
  for (const [pattern, kind] of keyPatterns) {
    const match = pattern.exec(key);
    if (!match) continue;
    const year = Number(match[1]);
    const number = match[2] === undefined ? 1 : Number(match[2]);
    const count = 12 / monthsIn[kind];
    return year >= 1970 && number >= 1 && number <= count ? { kind, year, number } : null;
  }
  return null;
}

/** The period's instants, from inclusive to exclusive, in local time at `utcOffsetMs`. */
export function periodBounds({ kind, year, number }: ReportPeriod, utcOffsetMs: number): { from: number; to: number } {
  const firstMonth = (number - 1) * monthsIn[kind];
  const start = (month: number) => dayNumber(year + Math.floor(month / 12), (month % 12) + 1, 1) * dayMs - utcOffsetMs;
  return { from: start(firstMonth), to: start(firstMonth + monthsIn[kind]) };
}

/** The period's title as the report prints it: "Tháng 11 năm 2026", "Quý IV năm 2026", "6 tháng cuối năm 2026", "Năm 2026". */
export function periodTitle({ kind, year, number }: ReportPeriod): string {
  if (kind === 'month') return `Tháng ${number} năm ${year}`;
  if (kind === 'quarter') return `Quý ${romanQuarters[number - 1]} năm ${year}`;
  if (kind === 'half-year') return `6 tháng ${number === 1 ? 'đầu' : 'cuối'} năm ${year}`;
  return `Năm ${year}`;
}

/** The month before the one `instant` falls in, in local time at `utcOffsetMs`. */
export function previousMonth(instant: number, utcOffsetMs: number): ReportPeriod {
  const { year, month } = civilDate(Math.floor((instant + utcOffsetMs) / dayMs));
  return month === 1 ? { kind: 'month', year: year - 1, number: 12 } : { kind: 'month', year, number: month - 1 };
}

const isWorking = (calendar: BusinessCalendar, day: number) => ['working', 'swapped-working'].includes(calendar.day(formatIsoDate(day)).kind);

/** Whether `instant` falls on the first working day of its month in the calendar (after Tết that can be the 10th). */
export function isFirstWorkingDayOfMonth(calendar: BusinessCalendar, instant: number): boolean {
  const today = Math.floor((instant + calendar.utcOffsetMs) / dayMs);
  const { year, month } = civilDate(today);
  for (let day = dayNumber(year, month, 1); day < today; day += 1) if (isWorking(calendar, day)) return false;
  return isWorking(calendar, today);
}
