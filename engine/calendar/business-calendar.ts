/**
 * A business calendar compiled for arithmetic: every working session of the loaded years laid
 * end to end in typed arrays, with running totals of working time and an index of working days,
 * so each question is a table look-up or a binary search over about 1,500 sessions.
 *
 * Instants are UTC milliseconds. Working time is the union of the closed sessions [start, end]:
 * a session's end (17:00) is still a working instant, so a deadline at the close of a day is one.
 * Anything outside the loaded years is a CalendarRangeError, never a guess.
 */
import { contentHash, type CanonicalValue } from '../canonical/canonical-json.js';
import type { LegalDuration } from '../duration/legal-duration.js';
import { dayMs, dayNumber, formatClockTime, formatIsoDate, minuteMs, parseClockTime, parseIsoDate, weekdayOf, type Weekday } from './civil-date.js';
import { validateCalendarData, type CalendarData, type Session } from './calendar-data.js';
import { CalendarArgumentError, CalendarRangeError } from './errors.js';
import { formatInstant, parseInstant } from './instant-text.js';
import { offsetMilliseconds } from './time-zones.js';

export interface Pause {
  from: number;
  to: number;
}

export type DayKind = 'working' | 'weekly-rest' | 'day-off' | 'swapped-working';

/** One day of the calendar, as a person reads it. */
export interface CalendarDay {
  date: string;
  weekday: Weekday;
  kind: DayKind;
  sessions: { start: string; end: string }[];
  /** Why the day is off, or why a usual rest day is worked. */
  reason?: string;
}

const workingUnitMs = { 'working-hours': 3_600_000, 'working-minutes': minuteMs } as const;

function minutesOf(sessions: readonly Session[]): [number, number][] {
  return sessions.map((session) => [parseClockTime(session.start)!, parseClockTime(session.end)!]);
}

/** Largest index whose value is ≤ target, or -1. */
function lastAtOrBefore(values: Float64Array, target: number, length = values.length): number {
  let [low, high] = [0, length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle]! <= target) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

/** Smallest index whose value is ≥ target, or the length. */
function firstAtOrAfter(values: Float64Array, target: number, length = values.length): number {
  let [low, high] = [0, length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle]! < target) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Pauses inside [from, to], sorted and merged. */
export function mergePauses(pauses: readonly Pause[], from: number, to: number): Pause[] {
  pauses.forEach((pause, index) => {
    if (!Number.isFinite(pause.from) || !Number.isFinite(pause.to) || pause.to < pause.from) {
      throw new CalendarArgumentError(`pauses[${index}]: a pause runs from an instant to a later one`);
    }
  });
  const sorted = pauses
    .map((pause) => ({ from: Math.max(pause.from, from), to: Math.min(pause.to, to) }))
    .filter((pause) => pause.from < pause.to)
    .sort((a, b) => a.from - b.from);
  const merged: Pause[] = [];
  for (const pause of sorted) {
    const last = merged[merged.length - 1];
    if (last && pause.from <= last.to) last.to = Math.max(last.to, pause.to);
    else merged.push(pause);
  }
  return merged;
}

export class BusinessCalendar {
  readonly id: string;
  readonly name: string;
  /** SHA-256 of the canonical data: a dossier pins the calendar it started with by this. */
  readonly version: string;
  readonly timeZone: string;
  readonly utcOffsetMs: number;
  readonly receiptCutoffMinutes: number | null;
  readonly firstYear: number;
  readonly lastYear: number;

  private readonly firstDay: number;
  private readonly dayCount: number;
  private readonly dayKinds: DayKind[] = [];
  private readonly dayReasons: (string | undefined)[] = [];
  /** Session starts and ends as instants, in order; sessions of day d are [daySession[d], daySession[d + 1]). */
  private readonly sessionStart: Float64Array;
  private readonly sessionEnd: Float64Array;
  /** workedBefore[i]: working milliseconds from the first session to the start of session i (one more entry for the total). */
  private readonly workedBefore: Float64Array;
  private readonly daySession: Int32Array;
  /** Day indices of the working days, in order, and for each day the count of working days before it. */
  private readonly workingDays: Int32Array;
  private readonly workingDaysBefore: Int32Array;

  /** Compiles calendar data (validated first: a CalendarDataError names every bad field). */
  constructor(input: unknown) {
    const data = validateCalendarData(input);
    this.data = data;
    this.id = data.id;
    this.name = data.name;
    this.version = contentHash(data as unknown as CanonicalValue);
    this.timeZone = data.timeZone.name;
    this.utcOffsetMs = offsetMilliseconds(data.timeZone.utcOffset);
    this.receiptCutoffMinutes = data.receiptCutoff === null ? null : parseClockTime(data.receiptCutoff)!;

    const years = Object.keys(data.years).map(Number).sort((a, b) => a - b);
    this.firstYear = years[0]!;
    this.lastYear = years[years.length - 1]!;
    this.firstDay = dayNumber(this.firstYear, 1, 1);
    this.dayCount = dayNumber(this.lastYear + 1, 1, 1) - this.firstDay;

    const plans = this.planDays(data);
    const sessionCount = plans.reduce((count, plan) => count + plan.length, 0);
    this.sessionStart = new Float64Array(sessionCount);
    this.sessionEnd = new Float64Array(sessionCount);
    this.workedBefore = new Float64Array(sessionCount + 1);
    this.daySession = new Int32Array(this.dayCount + 1);
    this.workingDaysBefore = new Int32Array(this.dayCount + 1);
    const workingDays: number[] = [];
    let session = 0;
    plans.forEach((plan, day) => {
      this.daySession[day] = session;
      this.workingDaysBefore[day] = workingDays.length;
      if (plan.length > 0) workingDays.push(day);
      const midnight = (this.firstDay + day) * dayMs - this.utcOffsetMs;
      for (const [start, end] of plan) {
        this.sessionStart[session] = midnight + start * minuteMs;
        this.sessionEnd[session] = midnight + end * minuteMs;
        this.workedBefore[session + 1] = this.workedBefore[session]! + (end - start) * minuteMs;
        session += 1;
      }
    });
    this.daySession[this.dayCount] = session;
    this.workingDaysBefore[this.dayCount] = workingDays.length;
    this.workingDays = Int32Array.from(workingDays);
  }

  /** The validated data this calendar was compiled from (store it to rebuild the same calendar). */
  readonly data: CalendarData;

  /** Sessions in minutes for each loaded day, recording each day's kind and reason on the way. */
  private planDays(data: CalendarData): [number, number][][] {
    const standard = minutesOf(data.sessions);
    const exceptions = new Map<number, { sessions: [number, number][]; reason: string; kind: DayKind }>();
    for (const year of Object.values(data.years)) {
      for (const entry of year.daysOff) this.eachDay(entry, (day) => exceptions.set(day, { sessions: [], reason: entry.reason, kind: 'day-off' }));
      for (const entry of year.workingDays) {
        const sessions = entry.sessions ? minutesOf(entry.sessions) : standard;
        this.eachDay(entry, (day) => exceptions.set(day, { sessions, reason: entry.reason, kind: 'swapped-working' }));
      }
    }
    return Array.from({ length: this.dayCount }, (_, index) => {
      const day = this.firstDay + index;
      const exception = exceptions.get(day);
      if (exception) {
        this.dayKinds.push(exception.kind);
        this.dayReasons.push(exception.reason);
        return exception.sessions;
      }
      const plan = data.week[weekdayOf(day)];
      this.dayKinds.push(plan === 'rest' ? 'weekly-rest' : 'working');
      this.dayReasons.push(plan === 'rest' ? `weekly rest day (${weekdayOf(day)})` : undefined);
      return plan === 'rest' ? [] : plan === 'standard' ? standard : minutesOf(plan);
    });
  }

  private eachDay(entry: { from: string; to?: string }, visit: (day: number) => void): void {
    const from = parseIsoDate(entry.from)!;
    const to = entry.to === undefined ? from : parseIsoDate(entry.to)!;
    for (let day = from; day <= to; day += 1) visit(day);
  }

  // ── Days and instants ──────────────────────────────────────────────────────────────────────

  private get rangeText(): string {
    return this.firstYear === this.lastYear ? `${this.firstYear}` : `${this.firstYear}–${this.lastYear}`;
  }

  /** `2026-02-12T15:30:00+07:00`: an instant in this calendar's offset. */
  formatInstant(instant: number): string {
    return formatInstant(instant, this.utcOffsetMs);
  }

  /** An instant from ISO-8601 text; text without an offset is local time in this calendar. */
  parseInstant(text: string): number {
    return parseInstant(text, this.utcOffsetMs);
  }

  /** Index (from the first loaded day) of the local day an instant falls on; throws outside the loaded years. */
  private dayIndex(instant: number, role = 'instant'): number {
    if (!Number.isFinite(instant)) throw new CalendarArgumentError(`${role} ${instant} is not an instant (UTC milliseconds)`);
    const index = Math.floor((instant + this.utcOffsetMs) / dayMs) - this.firstDay;
    if (index < 0 || index >= this.dayCount) {
      throw new CalendarRangeError(`${role} ${this.formatInstant(instant)} is outside the years loaded in calendar ${this.id} (${this.rangeText})`);
    }
    return index;
  }

  private outOfRange(what: string): CalendarRangeError {
    return new CalendarRangeError(`${what} falls outside the years loaded in calendar ${this.id} (${this.rangeText})`);
  }

  /** The close (end of the last session) of a working day, by index. */
  private closeOf(dayIndex: number): number {
    return this.sessionEnd[this.daySession[dayIndex + 1]! - 1]!;
  }

  private openingOf(dayIndex: number): number {
    return this.sessionStart[this.daySession[dayIndex]!]!;
  }

  /** The index of working day number `ordinal`; `what` describes the question, for the error only. */
  private workingDayAt(ordinal: number, what: () => string): number {
    if (ordinal < 0 || ordinal >= this.workingDays.length) throw this.outOfRange(what());
    return this.workingDays[ordinal]!;
  }

  /** Working milliseconds from the first loaded session to an instant. */
  private worked(instant: number): number {
    const session = lastAtOrBefore(this.sessionStart, instant);
    if (session < 0) return 0;
    return this.workedBefore[session]! + Math.min(instant, this.sessionEnd[session]!) - this.sessionStart[session]!;
  }

  isWorkingInstant(instant: number): boolean {
    const day = this.dayIndex(instant);
    for (let session = this.daySession[day]!; session < this.daySession[day + 1]!; session += 1) {
      if (this.sessionStart[session]! <= instant && instant <= this.sessionEnd[session]!) return true;
    }
    return false;
  }

  /** The instant itself when working, else the start of the next session. */
  nextWorkingInstant(instant: number): number {
    this.dayIndex(instant);
    const session = firstAtOrAfter(this.sessionEnd, instant);
    if (session === this.sessionEnd.length) throw this.outOfRange(`the working time after ${this.formatInstant(instant)}`);
    return Math.max(instant, this.sessionStart[session]!);
  }

  /** The instant itself when working, else the end of the session before it. */
  previousWorkingInstant(instant: number): number {
    this.dayIndex(instant);
    const session = lastAtOrBefore(this.sessionStart, instant);
    if (session < 0) throw this.outOfRange(`the working time before ${this.formatInstant(instant)}`);
    return Math.min(instant, this.sessionEnd[session]!);
  }

  /**
   * When the legal clock starts for something received at `receivedAt`: received after the
   * cut-off on a working day, at the opening of the next working day; received outside working
   * hours, at the next working instant; otherwise at once. `cutoffMinutes` (minutes after local
   * midnight, null for none) defaults to the calendar's receipt cut-off.
   */
  startOfClock(receivedAt: number, cutoffMinutes: number | null = this.receiptCutoffMinutes): number {
    const day = this.dayIndex(receivedAt, 'received at');
    const minuteOfDay = (receivedAt + this.utcOffsetMs - (this.firstDay + day) * dayMs) / minuteMs;
    if (cutoffMinutes !== null && this.daySession[day + 1]! > this.daySession[day]! && minuteOfDay > cutoffMinutes) {
      return this.openingOf(this.workingDayAt(this.workingDaysBefore[day]! + 1, () => `the working day after ${formatIsoDate(this.firstDay + day)}`));
    }
    return this.nextWorkingInstant(receivedAt);
  }

  // ── Working time ───────────────────────────────────────────────────────────────────────────

  /** Working milliseconds in [a, b] outside the pauses (a ≤ b). */
  workingTimeBetween(a: number, b: number, pauses: readonly Pause[] = []): number {
    this.dayIndex(a, 'from');
    this.dayIndex(b, 'to');
    if (b < a) throw new CalendarArgumentError(`workingTimeBetween: ${this.formatInstant(b)} is before ${this.formatInstant(a)}`);
    const total = this.worked(b) - this.worked(a);
    if (pauses.length === 0) return total;
    return mergePauses(pauses, a, b).reduce((left, pause) => left - (this.worked(pause.to) - this.worked(pause.from)), total);
  }

  /** The earliest working instant at which `workingMs` of working time has run since `instant`. */
  addWorkingTime(instant: number, workingMs: number): number {
    this.checkAmount(workingMs, 'working milliseconds');
    if (workingMs === 0) return this.nextWorkingInstant(instant);
    this.dayIndex(instant);
    const target = this.worked(instant) + workingMs;
    const session = firstAtOrAfter(this.workedBefore, target) - 1;
    if (session >= this.sessionStart.length) throw this.outOfRange(`${workingMs / 3_600_000} working hours after ${this.formatInstant(instant)}`);
    return this.sessionStart[session]! + target - this.workedBefore[session]!;
  }

  /** The latest working instant `workingMs` of working time before `instant`. */
  subtractWorkingTime(instant: number, workingMs: number): number {
    this.checkAmount(workingMs, 'working milliseconds');
    if (workingMs === 0) return this.previousWorkingInstant(instant);
    this.dayIndex(instant);
    const target = this.worked(instant) - workingMs;
    if (target < 0) throw this.outOfRange(`${workingMs / 3_600_000} working hours before ${this.formatInstant(instant)}`);
    const session = lastAtOrBefore(this.workedBefore, target, this.sessionStart.length);
    return this.sessionStart[session]! + target - this.workedBefore[session]!;
  }

  // ── Working days ───────────────────────────────────────────────────────────────────────────

  /** Index of the working day the clock runs on for an instant: its own day, or the next working day. */
  private effectiveDay(instant: number): number {
    return this.dayIndex(this.nextWorkingInstant(instant));
  }

  /** The close of the N-th working day after the working day of `instant` (N = 0: the close of that day). */
  addWorkingDays(instant: number, days: number): number {
    this.checkAmount(days, 'working days');
    const ordinal = this.workingDaysBefore[this.effectiveDay(instant)]! + days;
    return this.closeOf(this.workingDayAt(ordinal, () => `${days} working days after ${this.formatInstant(instant)}`));
  }

  /** The close of the N-th working day before the last working day at or before `instant`. */
  subtractWorkingDays(instant: number, days: number): number {
    this.checkAmount(days, 'working days');
    const ordinal = this.workingDaysBefore[this.dayIndex(this.previousWorkingInstant(instant))]! - days;
    return this.closeOf(this.workingDayAt(ordinal, () => `${days} working days before ${this.formatInstant(instant)}`));
  }

  /** Whole working days after the working day of `a` that have closed by `b`. */
  workingDaysBetween(a: number, b: number): number {
    if (b < a) throw new CalendarArgumentError(`workingDaysBetween: ${this.formatInstant(b)} is before ${this.formatInstant(a)}`);
    const start = this.effectiveDay(a);
    this.dayIndex(b, 'to');
    if (b < this.openingOf(start)) return 0;
    const last = this.dayIndex(this.previousWorkingInstant(b));
    const closed = this.workingDaysBefore[last]! + (this.closeOf(last) <= b ? 1 : 0);
    return Math.max(0, closed - this.workingDaysBefore[start]! - 1);
  }

  /**
   * Calendar days (Civil Code Art. 147–148): the day of `instant` is not counted, the N-th day
   * after it is the last, and a last day that is not a working day moves to the next working day;
   * the limit ends at that day's close.
   */
  addCalendarDays(instant: number, days: number): number {
    this.checkAmount(days, 'calendar days');
    const last = this.dayIndex(instant) + days;
    if (last >= this.dayCount) throw this.outOfRange(`${days} days after ${this.formatInstant(instant)}`);
    return this.closeOf(this.workingDayAt(this.workingDaysBefore[last]!, () => `the working day on or after day ${days} from ${this.formatInstant(instant)}`));
  }

  /** A working duration (5WD, 8WH, 30WM) added by the counting rule. */
  addWorking(instant: number, duration: LegalDuration): number {
    if (duration.unit === 'working-days') return this.addWorkingDays(instant, duration.amount);
    if (duration.unit === 'working-hours' || duration.unit === 'working-minutes') {
      return this.addWorkingTime(instant, duration.amount * workingUnitMs[duration.unit]);
    }
    throw new CalendarArgumentError(`addWorking takes working days, hours or minutes, not ${duration.unit}`);
  }

  /** A working duration taken away: working days land on the close of a day, hours and minutes run back through sessions. */
  subtractWorking(instant: number, duration: LegalDuration): number {
    if (duration.unit === 'working-days') return this.subtractWorkingDays(instant, duration.amount);
    if (duration.unit === 'working-hours' || duration.unit === 'working-minutes') {
      return this.subtractWorkingTime(instant, duration.amount * workingUnitMs[duration.unit]);
    }
    throw new CalendarArgumentError(`subtractWorking takes working days, hours or minutes, not ${duration.unit}`);
  }

  private checkAmount(amount: number, what: string): void {
    if (!Number.isInteger(amount) || amount < 0) throw new CalendarArgumentError(`${amount} is not a whole, non-negative number of ${what}`);
  }

  // ── Reading the calendar ───────────────────────────────────────────────────────────────────

  /** One day by its `YYYY-MM-DD` date. */
  day(date: string): CalendarDay {
    const number = parseIsoDate(date);
    if (number === undefined) throw new CalendarArgumentError(`"${date}" is not a date YYYY-MM-DD`);
    const index = number - this.firstDay;
    if (index < 0 || index >= this.dayCount) throw new CalendarRangeError(`${date} is outside the years loaded in calendar ${this.id} (${this.rangeText})`);
    return this.describeDay(index);
  }

  /** Every day of a loaded year, in order. */
  year(year: number): CalendarDay[] {
    if (year < this.firstYear || year > this.lastYear) throw new CalendarRangeError(`calendar ${this.id} has no year ${year} (loaded: ${this.rangeText})`);
    const first = dayNumber(year, 1, 1) - this.firstDay;
    const count = dayNumber(year + 1, 1, 1) - dayNumber(year, 1, 1);
    return Array.from({ length: count }, (_, offset) => this.describeDay(first + offset));
  }

  private describeDay(index: number): CalendarDay {
    const day = this.firstDay + index;
    const midnight = day * dayMs - this.utcOffsetMs;
    const sessions: CalendarDay['sessions'] = [];
    for (let session = this.daySession[index]!; session < this.daySession[index + 1]!; session += 1) {
      sessions.push({
        start: formatClockTime((this.sessionStart[session]! - midnight) / minuteMs),
        end: formatClockTime((this.sessionEnd[session]! - midnight) / minuteMs),
      });
    }
    const reason = this.dayReasons[index];
    return { date: formatIsoDate(day), weekday: weekdayOf(day), kind: this.dayKinds[index]!, sessions, ...(reason ? { reason } : {}) };
  }
}
