import type { BusinessCalendar } from '@engine/calendar/business-calendar.js';
import { CalendarRangeError } from '@engine/calendar/errors.js';

/** Where a task stands against its deadline. */
export type SlaState = 'on-track' | 'due-soon' | 'overdue' | 'no-deadline';

export interface Sla {
  state: SlaState;
  /** Working time left before the deadline (on track or due soon), in the dossier's calendar. */
  workingMsLeft?: number;
  /** Working time past the deadline (overdue). */
  workingMsLate?: number;
  /** Whole working days past the deadline's day (overdue): "overdue by N working days". */
  workingDaysLate?: number;
}

export interface Deadlines {
  dueAt: string | null;
  dueSoonAt: string | null;
  overdue: boolean;
}

/**
 * A task's SLA at `now`, counted in working time on the dossier's pinned calendar (so a weekend or
 * Tết does not eat into the time left). Without a calendar, or outside its years, the state comes
 * from the deadlines alone and the amounts are left out.
 */
export function slaOf(task: Deadlines, now: number, calendar?: BusinessCalendar): Sla {
  if (!task.dueAt) return { state: 'no-deadline' };
  const dueAt = Date.parse(task.dueAt);
  const overdue = task.overdue || now >= dueAt;
  const state: SlaState = overdue ? 'overdue' : task.dueSoonAt !== null && now >= Date.parse(task.dueSoonAt) ? 'due-soon' : 'on-track';
  if (!calendar) return { state };
  try {
    if (state !== 'overdue') return { state, workingMsLeft: calendar.workingTimeBetween(now, dueAt) };
    const late = now > dueAt;
    return { state, workingMsLate: late ? calendar.workingTimeBetween(dueAt, now) : 0, workingDaysLate: late ? calendar.workingDaysBetween(dueAt, now) : 0 };
  } catch (error) {
    if (error instanceof CalendarRangeError) return { state };
    throw error;
  }
}

const minuteMs = 60_000;
const hourMs = 3_600_000;

/** Working milliseconds as legal durations, largest unit first: `1WD 3WH`, `2WH 15WM`, `40WM`. */
export function workingDurationParts(workingMs: number, workingDayMs: number): string[] {
  const days = Math.floor(workingMs / workingDayMs);
  const hours = Math.floor((workingMs - days * workingDayMs) / hourMs);
  const minutes = Math.floor((workingMs - days * workingDayMs - hours * hourMs) / minuteMs);
  if (days > 0) return hours > 0 ? [`${days}WD`, `${hours}WH`] : [`${days}WD`];
  if (hours > 0) return minutes > 0 ? [`${hours}WH`, `${minutes}WM`] : [`${hours}WH`];
  return [`${minutes}WM`];
}

/** The length of a standard working day of the calendar (its sessions). */
export function workingDayMsOf(calendar: BusinessCalendar): number {
  const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  return calendar.data.sessions.reduce((total, session) => total + (minutes(session.end) - minutes(session.start)) * minuteMs, 0);
}
