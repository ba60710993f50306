/**
 * Civil (proleptic Gregorian) dates as day numbers: whole days since 1970-01-01. Day numbers carry
 * no time zone; the business calendar maps them to instants with its fixed UTC offset.
 */

export const dayMs = 86_400_000;
export const minuteMs = 60_000;

export const weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof weekdays)[number];

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

export function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / dayMs;
}

export function civilDate(day: number): CivilDate {
  const date = new Date(day * dayMs);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function weekdayOf(day: number): Weekday {
  return weekdays[new Date(day * dayMs).getUTCDay()]!;
}

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of a `YYYY-MM-DD` text, or undefined when it is not a real date (2026-02-30). */
export function parseIsoDate(text: string): number | undefined {
  const match = isoDatePattern.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const number = dayNumber(year, month, day);
  const back = civilDate(number);
  return back.year === year && back.month === month && back.day === day ? number : undefined;
}

export function formatIsoDate(day: number): string {
  return new Date(day * dayMs).toISOString().slice(0, 10);
}

const clockPattern = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes since midnight of an `HH:MM` text (00:00–23:59), or undefined. */
export function parseClockTime(text: string): number | undefined {
  const match = clockPattern.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

export function formatClockTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
