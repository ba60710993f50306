/**
 * Legal deadlines of dossiers and steps: the receipt rule, the counting rule for every kind of
 * limit, the citizen's supplementation time (excluded, or restarting the clock), and the
 * service-quality classification of a finished dossier.
 */
import type { LegalDuration } from '../duration/legal-duration.js';
import { dayMs, parseClockTime } from './civil-date.js';
import { mergePauses, type BusinessCalendar, type Pause } from './business-calendar.js';
import { CalendarArgumentError } from './errors.js';

/**
 * What supplementation does to the legal clock: `pause` excludes the waiting time (the
 * service-quality index always counts this way); `restart` starts the clock again from zero once
 * the dossier is complete (the decree's rule for incomplete dossiers).
 */
export type ClockRule = 'pause' | 'restart';

export interface DeadlineRequest {
  /** When the dossier (or the step's work) was received. */
  receivedAt: number;
  limit: LegalDuration;
  /** Receipt cut-off `HH:MM`; null for none; the calendar's own when left out. */
  cutoff?: string | null;
  /** Waiting time for the citizen, from the request to the complete supplement. */
  pauses?: readonly Pause[];
  rule?: ClockRule;
}

export interface LegalDeadline {
  /** When the legal clock started (or restarted). */
  clockStartsAt: number;
  dueAt: number;
}

const elapsedUnitMs = { hours: 3_600_000, minutes: 60_000, seconds: 1_000 } as const;

function cutoffMinutes(calendar: BusinessCalendar, cutoff: string | null | undefined): number | null {
  if (cutoff === undefined) return calendar.receiptCutoffMinutes;
  if (cutoff === null) return null;
  const minutes = parseClockTime(cutoff);
  if (minutes === undefined) throw new CalendarArgumentError(`cut-off "${cutoff}" is not a time of day HH:MM`);
  return minutes;
}

/** The deadline of a limit counted from a started clock, with no pause. */
function countLimit(calendar: BusinessCalendar, start: number, limit: LegalDuration): number {
  switch (limit.unit) {
    case 'working-days':
    case 'working-hours':
    case 'working-minutes':
      return calendar.addWorking(start, limit);
    case 'calendar-days':
      return calendar.addCalendarDays(start, limit.amount);
    case 'hours':
    case 'minutes':
    case 'seconds':
      return start + limit.amount * elapsedUnitMs[limit.unit];
  }
}

/**
 * Moves a deadline past the pauses that begin before it: working limits by the working time
 * paused, elapsed limits by the time paused, calendar-day limits by the paused time in whole days
 * (rounded up), each pause counted only when it starts before the deadline as moved so far.
 */
function excludePauses(calendar: BusinessCalendar, start: number, limit: LegalDuration, due: number, pauses: Pause[]): number {
  if (pauses.length === 0) return due;
  if (limit.unit === 'calendar-days') {
    for (;;) {
      const paused = pauses.filter((pause) => pause.from < due).reduce((sum, pause) => sum + pause.to - pause.from, 0);
      const moved = calendar.addCalendarDays(start, limit.amount + Math.ceil(paused / dayMs));
      if (moved === due) return due;
      due = moved;
    }
  }
  if (limit.unit in elapsedUnitMs) {
    for (const pause of pauses) if (pause.from < due) due += pause.to - pause.from;
    return due;
  }
  const budget = calendar.workingTimeBetween(start, due);
  let extra = 0;
  for (const pause of pauses) {
    if (calendar.workingTimeBetween(start, pause.from) >= budget + extra) break;
    extra += calendar.workingTimeBetween(pause.from, pause.to);
  }
  return extra === 0 ? due : calendar.addWorkingTime(start, budget + extra);
}

/** The legal deadline of something received at `receivedAt` with a limit, under the calendar. */
export function legalDeadline(calendar: BusinessCalendar, request: DeadlineRequest): LegalDeadline {
  const { receivedAt, limit, pauses = [], rule = 'pause' } = request;
  const cutoff = cutoffMinutes(calendar, request.cutoff);
  pauses.forEach((pause, index) => {
    if (pause.from < receivedAt) throw new CalendarArgumentError(`pauses[${index}] starts before the dossier was received`);
  });
  const merged = mergePauses(pauses, receivedAt, Infinity);
  if (rule === 'restart' && merged.length > 0) {
    // The clock starts from zero when the dossier is complete, as if received then.
    const completedAt = merged[merged.length - 1]!.to;
    const clockStartsAt = calendar.startOfClock(completedAt, cutoff);
    return { clockStartsAt, dueAt: countLimit(calendar, clockStartsAt, limit) };
  }
  const clockStartsAt = calendar.startOfClock(receivedAt, cutoff);
  const due = countLimit(calendar, clockStartsAt, limit);
  return { clockStartsAt, dueAt: excludePauses(calendar, clockStartsAt, limit, due, mergePauses(merged, clockStartsAt, Infinity)) };
}

export type CompletionOutcome = 'early' | 'on-time' | 'late';

export interface CompletionRequest {
  receivedAt: number;
  limit: LegalDuration;
  finishedAt: number;
  /** Time spent waiting for supplements: always deducted for the index, whatever the legal clock rule. */
  supplementations?: readonly Pause[];
  cutoff?: string | null;
}

export interface Completion {
  outcome: CompletionOutcome;
  /** Service-quality index points: early 2, on time 1, late 0. */
  score: 2 | 1 | 0;
  /** The appointment the dossier is judged against, supplementation time deducted. */
  dueAt: number;
}

/**
 * Classifies a finished dossier per the service-quality index: on time when processing ended no
 * later than the appointment, early when it ended on an earlier day, late otherwise.
 */
export function classifyCompletion(calendar: BusinessCalendar, request: CompletionRequest): Completion {
  const { dueAt } = legalDeadline(calendar, {
    receivedAt: request.receivedAt,
    limit: request.limit,
    cutoff: request.cutoff,
    pauses: request.supplementations,
    rule: 'pause',
  });
  if (!Number.isFinite(request.finishedAt)) throw new CalendarArgumentError(`finishedAt ${request.finishedAt} is not an instant`);
  if (request.finishedAt < request.receivedAt) {
    throw new CalendarArgumentError(`finished at ${calendar.formatInstant(request.finishedAt)}, before it was received`);
  }
  if (request.finishedAt > dueAt) return { outcome: 'late', score: 0, dueAt };
  const localDay = (instant: number): number => Math.floor((instant + calendar.utcOffsetMs) / dayMs);
  return localDay(request.finishedAt) < localDay(dueAt) ? { outcome: 'early', score: 2, dueAt } : { outcome: 'on-time', score: 1, dueAt };
}
