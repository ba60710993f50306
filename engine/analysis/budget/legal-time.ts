import { parseLegalDuration, type LegalDuration } from '../../duration/legal-duration.js';

/**
 * Legal time without a calendar. Working days, hours and minutes all measure time inside working
 * sessions, so they add up exactly once a working day is fixed at 8 working hours (the national
 * sessions 08:00–12:00 and 13:00–17:00). Calendar days and plain hours or minutes run through
 * nights, weekends and holidays: how many working minutes they hold depends on the calendar, so
 * they are kept in components of their own and never converted.
 */
export interface LegalTime {
  workingMinutes: number;
  calendarDays: number;
  clockMinutes: number;
}

const WORKING_MINUTES_PER_DAY = 8 * 60;
const MINUTES_PER_DAY = 24 * 60;

/** Default national working sessions, used only for the receipt-day allowance below. */
const nationalSessions: Array<[start: number, end: number]> = [
  [8 * 60, 12 * 60],
  [13 * 60, 17 * 60],
];

export const ZERO_TIME: LegalTime = { workingMinutes: 0, calendarDays: 0, clockMinutes: 0 };

function legalTimeOf(duration: LegalDuration): LegalTime {
  switch (duration.unit) {
    case 'working-days':
      return { ...ZERO_TIME, workingMinutes: duration.amount * WORKING_MINUTES_PER_DAY };
    case 'working-hours':
      return { ...ZERO_TIME, workingMinutes: duration.amount * 60 };
    case 'working-minutes':
      return { ...ZERO_TIME, workingMinutes: duration.amount };
    case 'calendar-days':
      return { ...ZERO_TIME, calendarDays: duration.amount };
    case 'hours':
      return { ...ZERO_TIME, clockMinutes: duration.amount * 60 };
    case 'minutes':
      return { ...ZERO_TIME, clockMinutes: duration.amount };
    case 'seconds':
      return { ...ZERO_TIME, clockMinutes: duration.amount / 60 };
  }
}

/** The legal time of a duration text; the empty text of a missing value counts as no time. */
export function legalTimeOfText(text: string | undefined): LegalTime {
  if (!text) return ZERO_TIME;
  return legalTimeOf(parseLegalDuration(text));
}

export function addTimes(a: LegalTime, b: LegalTime): LegalTime {
  return { workingMinutes: a.workingMinutes + b.workingMinutes, calendarDays: a.calendarDays + b.calendarDays, clockMinutes: a.clockMinutes + b.clockMinutes };
}

export function scaleTime(time: LegalTime, factor: number): LegalTime {
  return { workingMinutes: time.workingMinutes * factor, calendarDays: time.calendarDays * factor, clockMinutes: time.clockMinutes * factor };
}

function isZeroTime(time: LegalTime): boolean {
  return time.workingMinutes === 0 && time.calendarDays === 0 && time.clockMinutes === 0;
}

/**
 * Which component leads when two legal times are ranked: the one the legal limit is written in
 * ("working" for WD/WH/WM, "calendar" for days and plain hours), the others breaking ties. The
 * order is total and compatible with addition, so longest paths are well defined.
 */
export type TimeFamily = 'working' | 'calendar';

export function familyOf(duration: LegalDuration | null): TimeFamily {
  return duration === null || duration.unit.startsWith('working-') ? 'working' : 'calendar';
}

export function compareTimes(a: LegalTime, b: LegalTime, family: TimeFamily): number {
  const calendarMinutes = (time: LegalTime) => time.calendarDays * MINUTES_PER_DAY + time.clockMinutes;
  const [first, second] =
    family === 'working'
      ? [a.workingMinutes - b.workingMinutes, calendarMinutes(a) - calendarMinutes(b)]
      : [calendarMinutes(a) - calendarMinutes(b), a.workingMinutes - b.workingMinutes];
  return first !== 0 ? first : second;
}

export function formatLegalTime(time: LegalTime): string {
  const parts: string[] = [];
  if (time.workingMinutes > 0 || isZeroTime(time)) {
    const days = Math.floor(time.workingMinutes / WORKING_MINUTES_PER_DAY);
    const hours = Math.floor((time.workingMinutes % WORKING_MINUTES_PER_DAY) / 60);
    const minutes = time.workingMinutes % 60;
    const working = [days > 0 && `${days}WD`, hours > 0 && `${hours}WH`, minutes > 0 && `${minutes}WM`].filter(Boolean).join(' ');
    parts.push(working || '0WD');
  }
  if (time.calendarDays > 0) parts.push(`P${time.calendarDays}D`);
  if (time.clockMinutes > 0) {
    const clock = time.clockMinutes % 60 === 0 ? `PT${time.clockMinutes / 60}H` : Number.isInteger(time.clockMinutes) ? `PT${time.clockMinutes}M` : `PT${Math.round(time.clockMinutes * 60)}S`;
    parts.push(clock);
  }
  return parts.join(' + ');
}

/**
 * The working time a limit in working days surely grants beyond its N days. The limit ends at the
 * close of the N-th working day after the effective receipt day, and a dossier received after the
 * cut-off counts from the next day, so the receipt day always leaves at least the sessions after
 * the cut-off (with the national sessions and a 15:00 cut-off: 2 working hours). Without a
 * procedure cut-off, a dossier may arrive a minute before closing: no allowance.
 */
export function receiptDayAllowance(cutOff: string | undefined): number {
  if (!cutOff) return 0;
  const [hours, minutes] = cutOff.split(':').map(Number);
  const at = hours! * 60 + minutes!;
  return nationalSessions.reduce((total, [start, end]) => total + Math.max(0, end - Math.max(start, at)), 0);
}

export type LimitVerdict = 'within' | 'exceeds' | 'indeterminate';

/**
 * Compares a path's legal time with what a limit grants, without a calendar. Within one family the
 * answer is exact. Across families only a lower bound can decide: a working minute lasts at least a
 * minute, a working day passes at least one calendar day, a calendar day at least 24 hours. When the
 * bound does not exceed the limit, the answer depends on the calendar: indeterminate.
 */
export function compareWithLimit(total: LegalTime, limit: LegalDuration, capacity: LegalTime): LimitVerdict {
  const exact = (used: number, granted: number): LimitVerdict => (used <= granted ? 'within' : 'exceeds');
  const bounded = (lowerBound: number, granted: number): LimitVerdict => (lowerBound > granted ? 'exceeds' : 'indeterminate');
  if (familyOf(limit) === 'working') {
    if (total.calendarDays === 0 && total.clockMinutes === 0) return exact(total.workingMinutes, capacity.workingMinutes);
    return bounded(total.workingMinutes, capacity.workingMinutes);
  }
  if (limit.unit === 'calendar-days') {
    const wholeDays = total.calendarDays + Math.floor(total.workingMinutes / WORKING_MINUTES_PER_DAY) + Math.floor(total.clockMinutes / MINUTES_PER_DAY);
    if (total.workingMinutes === 0 && total.clockMinutes === 0) return exact(total.calendarDays, capacity.calendarDays);
    return bounded(wholeDays, capacity.calendarDays);
  }
  const minutes = total.clockMinutes + total.workingMinutes + total.calendarDays * MINUTES_PER_DAY;
  if (total.workingMinutes === 0 && total.calendarDays === 0) return exact(total.clockMinutes, capacity.clockMinutes);
  return bounded(minutes, capacity.clockMinutes);
}
