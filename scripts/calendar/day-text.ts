/** How the command line writes calendar days: `2026-02-16 Mon  Tết Nguyên Đán …`. */
import type { Weekday } from '../../engine/calendar/civil-date.js';
import type { CalendarDay } from '../../engine/calendar/index.js';

export function weekdayName(weekday: Weekday): string {
  return weekday[0]!.toUpperCase() + weekday.slice(1);
}

export function dayLine(day: CalendarDay): string {
  return `${day.date} ${weekdayName(day.weekday).slice(0, 3)}  ${day.reason ?? ''}`;
}
