import { BusinessCalendar, classifyCompletion, legalDeadline, type CalendarData, type Completion, type Pause } from '../../engine/calendar/index.js';
import { parseLegalDuration, type LegalDuration } from '../../engine/duration/legal-duration.js';
import type { ProcedureSettings } from '../../engine/plan/procedure-plan.js';
import type { LegalClockView } from '../contract.js';

export interface LegalClockSnapshot {
  calendar: CalendarData;
  pauses: Pause[];
  /** Start of the supplementation wait under way, if any. */
  pausedSince?: number;
  supplementations: number;
  /** The one new appointment an apology letter may set. */
  extendedDueAt?: number;
}

/** Why an appointment cannot be extended; the update validator shows it to the officer. */
export class ExtensionRefused extends Error {
  override name = 'ExtensionRefused';
}

/**
 * The dossier's legal clock: when it started, when the dossier is due, the supplementation pauses
 * (or restarts) the procedure's rule applies, the one allowed new appointment, and the calendar
 * pinned at receipt (replaced only by a calendarChanged signal).
 */
export class LegalClock {
  private calendarInstance: BusinessCalendar;
  private readonly limit: LegalDuration;
  private state: LegalClockSnapshot;
  private computed: { clockStartsAt: number; dueAt: number };

  constructor(
    private readonly settings: ProcedureSettings,
    private readonly receivedAt: number,
    snapshot: LegalClockSnapshot,
  ) {
    this.state = snapshot;
    this.calendarInstance = new BusinessCalendar(snapshot.calendar);
    this.limit = parseLegalDuration(settings.legalLimit);
    this.computed = this.compute();
  }

  get calendar(): BusinessCalendar {
    return this.calendarInstance;
  }

  get dueAt(): number {
    return this.state.extendedDueAt ?? this.computed.dueAt;
  }

  get paused(): boolean {
    return this.state.pausedSince !== undefined;
  }

  get supplementations(): number {
    return this.state.supplementations;
  }

  snapshot(): LegalClockSnapshot {
    return JSON.parse(JSON.stringify(this.state)) as LegalClockSnapshot;
  }

  /** The instant a step started now with `deadline` is due: steps have no receipt cut-off. */
  stepDueAt(startedAt: number, deadline: string): number {
    return legalDeadline(this.calendarInstance, { receivedAt: startedAt, limit: parseLegalDuration(deadline), cutoff: null }).dueAt;
  }

  /** The citizen is asked to supplement: the clock stops until they do. */
  pause(at: number): void {
    if (this.state.pausedSince !== undefined) return;
    this.state.pausedSince = at;
    this.state.supplementations += 1;
  }

  /** The supplement arrived: the clock runs again, or restarts from zero, as the procedure says. */
  resume(at: number): void {
    if (this.state.pausedSince === undefined) return;
    this.state.pauses.push({ from: this.state.pausedSince, to: Math.max(at, this.state.pausedSince) });
    delete this.state.pausedSince;
    this.computed = this.compute();
  }

  /** The one new appointment (apology letter). */
  extend(newDueAt: number): void {
    const refusal = this.extensionRefusal(newDueAt);
    if (refusal) throw new ExtensionRefused(refusal);
    this.state.extendedDueAt = newDueAt;
  }

  extensionRefusal(newDueAt: number): string | undefined {
    if (this.state.extendedDueAt !== undefined) return 'the appointment was already extended once; the law allows one new appointment';
    if (!Number.isFinite(newDueAt) || newDueAt <= this.dueAt) return 'the new appointment must be later than the current one';
    return undefined;
  }

  /** An administrator corrected the calendar: deadlines still ahead are computed on the new one. */
  changeCalendar(calendar: CalendarData, now: number): boolean {
    const next = new BusinessCalendar(calendar);
    if (next.version === this.calendarInstance.version) return false;
    this.calendarInstance = next;
    this.state.calendar = next.data;
    if (this.computed.dueAt > now) this.computed = this.compute();
    return true;
  }

  /** Early / on time / late, waiting for the citizen deducted (service-quality index). */
  classify(finishedAt: number): Completion {
    return classifyCompletion(this.calendarInstance, {
      receivedAt: this.receivedAt,
      limit: this.limit,
      finishedAt,
      supplementations: this.state.pauses,
      cutoff: this.settings.cutOff,
    });
  }

  view(now: number): LegalClockView {
    const pauses = this.state.pausedSince === undefined ? this.state.pauses : [...this.state.pauses, { from: this.state.pausedSince, to: now }];
    const until = Math.min(now, this.dueAt);
    const start = this.computed.clockStartsAt;
    return {
      clockStartsAt: start,
      dueAt: this.dueAt,
      originalDueAt: this.state.extendedDueAt === undefined ? undefined : this.computed.dueAt,
      usedMs: until > start ? this.calendarInstance.workingTimeBetween(start, until, pauses.filter((pause) => pause.from >= start)) : 0,
      remainingMs: now < this.dueAt ? this.calendarInstance.workingTimeBetween(Math.max(now, start), this.dueAt) : 0,
      paused: this.paused,
      supplementations: this.state.supplementations,
      calendarVersion: this.calendarInstance.version,
    };
  }

  private compute(): { clockStartsAt: number; dueAt: number } {
    return legalDeadline(this.calendarInstance, {
      receivedAt: this.receivedAt,
      limit: this.limit,
      cutoff: this.settings.cutOff,
      pauses: this.state.pauses,
      rule: this.settings.supplementationClock,
    });
  }
}
