/**
 * Calendar data: what an administrator edits (JSON per year, plus per-agency overrides), checked
 * here with errors that name the field. The engine only ever sees parsed objects; reading the
 * files is the caller's job.
 */
import { z } from 'zod';
import { dayNumber, formatIsoDate, parseClockTime, parseIsoDate, weekdayOf, weekdays, type Weekday } from './civil-date.js';
import { CalendarDataError, type CalendarIssue } from './errors.js';
import { fixedOffsetTimeZones } from './time-zones.js';

const clockTime = z.string().refine((text) => parseClockTime(text) !== undefined, 'expected a time of day HH:MM (00:00–23:59)');
const isoDate = z.string().refine((text) => parseIsoDate(text) !== undefined, 'expected a date YYYY-MM-DD');
const reason = z.string().trim().min(1, 'say why');

const sessionSchema = z.strictObject({ start: clockTime, end: clockTime });
const sessionsSchema = z.array(sessionSchema);

/** A weekday is a standard working day, a weekly rest day, or has sessions of its own (a Saturday morning). */
const weekdayPlanSchema = z.union([z.literal('standard'), z.literal('rest'), sessionsSchema], {
  error: 'expected "standard", "rest" or a list of sessions',
});

/** One day, or the days `from`–`to` inclusive. */
const dayEntrySchema = z.strictObject({ from: isoDate, to: isoDate.optional(), reason });
/** A working day on a usual rest day (a swapped Saturday); standard sessions unless it gives its own. */
const workingDayEntrySchema = dayEntrySchema.extend({ sessions: sessionsSchema.optional() });

const yearSchema = z.strictObject({
  status: z.enum(['announced', 'generated']),
  sources: z.array(z.string().min(1)).optional(),
  daysOff: z.array(dayEntrySchema),
  workingDays: z.array(workingDayEntrySchema),
});

const yearKey = z.string().regex(/^\d{4}$/);
const yearKeyError = { error: (issue: { code?: string }) => (issue.code === 'invalid_key' ? 'expected a year such as 2026' : undefined) };
const calendarId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'expected lower-case letters, digits and dashes');
const timeZoneSchema = z.strictObject({
  name: z.string(),
  utcOffset: z.string().regex(/^[+-]\d{2}:\d{2}$/, 'expected an offset such as +07:00'),
});

export const calendarDataSchema = z.strictObject({
  id: calendarId,
  name: z.string().min(1),
  timeZone: timeZoneSchema,
  sessions: sessionsSchema.min(1, 'a standard working day needs at least one session'),
  week: z.strictObject(Object.fromEntries(weekdays.map((day) => [day, weekdayPlanSchema])) as Record<Weekday, typeof weekdayPlanSchema>),
  receiptCutoff: clockTime.nullable(),
  years: z.record(yearKey, yearSchema, yearKeyError),
});

/** An agency's calendar: the national one it extends, with only what differs. */
export const calendarOverrideSchema = z.strictObject({
  id: calendarId,
  extends: calendarId,
  name: z.string().min(1),
  sessions: calendarDataSchema.shape.sessions.optional(),
  week: calendarDataSchema.shape.week.partial().optional(),
  receiptCutoff: calendarDataSchema.shape.receiptCutoff.optional(),
  years: z.record(yearKey, yearSchema.partial().omit({ status: true }), yearKeyError).optional(),
});

export type Session = z.infer<typeof sessionSchema>;
export type DayEntry = z.infer<typeof dayEntrySchema>;
export type WorkingDayEntry = z.infer<typeof workingDayEntrySchema>;
export type CalendarYear = z.infer<typeof yearSchema>;
export type CalendarData = z.infer<typeof calendarDataSchema>;
export type CalendarOverride = z.infer<typeof calendarOverrideSchema>;

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '') || '(top level)';
}

function idOf(input: unknown): string {
  const id = (input as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : '(no id)';
}

function parseWith<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new CalendarDataError(
      idOf(input),
      result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
    );
  }
  return result.data;
}

function checkSessions(sessions: readonly Session[], path: string, issues: CalendarIssue[]): void {
  sessions.forEach((session, index) => {
    const [start, end] = [parseClockTime(session.start)!, parseClockTime(session.end)!];
    if (end <= start) issues.push({ path: `${path}[${index}]`, message: `session ${session.start}–${session.end} ends before it starts` });
    const previous = sessions[index - 1];
    if (previous && start < parseClockTime(previous.end)!) {
      issues.push({
        path: `${path}[${index}]`,
        message: `session ${session.start}–${session.end} overlaps ${previous.start}–${previous.end} (sessions must be in order and apart)`,
      });
    }
  });
}

/** The days an entry covers, checked against its year. */
function entryDays(entry: DayEntry, year: number, path: string, issues: CalendarIssue[]): number[] {
  const from = parseIsoDate(entry.from)!;
  const to = entry.to === undefined ? from : parseIsoDate(entry.to)!;
  const [first, last] = [dayNumber(year, 1, 1), dayNumber(year, 12, 31)];
  if (from < first || from > last) issues.push({ path: `${path}.from`, message: `${entry.from} is outside its year ${year}` });
  if (to < first || to > last) issues.push({ path: `${path}.to`, message: `${entry.to} is outside its year ${year}` });
  if (to < from) issues.push({ path: `${path}.to`, message: `${entry.to} is before ${entry.from}` });
  const days: number[] = [];
  for (let day = Math.max(from, first); day <= Math.min(to, last); day += 1) days.push(day);
  return days;
}

function checkYearEntries(
  year: number,
  data: Pick<CalendarYear, 'daysOff' | 'workingDays'>,
  week: Partial<CalendarData['week']> | undefined,
  path: string,
  issues: CalendarIssue[],
): void {
  const seen = new Map<number, string>();
  const note = (day: number, where: string): void => {
    const earlier = seen.get(day);
    if (earlier) issues.push({ path: where, message: `${where.endsWith('to') ? 'a day it covers' : 'this day'} is already listed at ${earlier}` });
    else seen.set(day, where);
  };
  data.daysOff.forEach((entry, index) => {
    const where = `${path}.daysOff[${index}]`;
    for (const day of entryDays(entry, year, where, issues)) note(day, where);
  });
  data.workingDays.forEach((entry, index) => {
    const where = `${path}.workingDays[${index}]`;
    if (entry.sessions) {
      if (entry.sessions.length === 0) issues.push({ path: `${where}.sessions`, message: 'a working day needs at least one session' });
      checkSessions(entry.sessions, `${where}.sessions`, issues);
    }
    for (const day of entryDays(entry, year, where, issues)) {
      note(day, where);
      if (week?.[weekdayOf(day)] === 'standard' && !entry.sessions) {
        issues.push({ path: where, message: `${formatIsoDate(day)} is a ${weekdayOf(day)}, already a standard working day` });
      }
    }
  });
}

function checkTimeZone(timeZone: CalendarData['timeZone'], issues: CalendarIssue[]): void {
  const offset = fixedOffsetTimeZones[timeZone.name];
  if (offset === undefined) {
    issues.push({
      path: 'timeZone.name',
      message: `unknown time zone "${timeZone.name}"; calendars use a fixed-offset zone: ${Object.keys(fixedOffsetTimeZones).join(', ')}`,
    });
  } else if (offset !== timeZone.utcOffset) {
    issues.push({ path: 'timeZone.utcOffset', message: `${timeZone.name} is ${offset}, not ${timeZone.utcOffset}` });
  }
}

function checkWeek(week: Partial<CalendarData['week']>, issues: CalendarIssue[]): void {
  for (const day of weekdays) {
    const plan = week[day];
    if (Array.isArray(plan)) {
      if (plan.length === 0) issues.push({ path: `week.${day}`, message: 'write "rest" for a day without sessions' });
      checkSessions(plan, `week.${day}`, issues);
    }
  }
}

function throwIfAny(id: string, issues: CalendarIssue[]): void {
  if (issues.length > 0) throw new CalendarDataError(id, issues);
}

/** Checks calendar data and returns it typed; a CalendarDataError lists every problem by field. */
export function validateCalendarData(input: unknown): CalendarData {
  const data = parseWith(calendarDataSchema, input);
  const issues: CalendarIssue[] = [];
  checkTimeZone(data.timeZone, issues);
  checkSessions(data.sessions, 'sessions', issues);
  checkWeek(data.week, issues);
  if (!weekdays.some((day) => data.week[day] !== 'rest')) issues.push({ path: 'week', message: 'every day is a rest day' });

  const years = Object.keys(data.years).map(Number).sort((a, b) => a - b);
  if (years.length === 0) issues.push({ path: 'years', message: 'load at least one year' });
  for (let index = 1; index < years.length; index += 1) {
    if (years[index]! !== years[index - 1]! + 1) {
      issues.push({ path: 'years', message: `year ${years[index - 1]! + 1} is missing between ${years[index - 1]} and ${years[index]}: loaded years must follow each other` });
    }
  }
  for (const year of years) checkYearEntries(year, data.years[String(year)]!, data.week, `years.${year}`, issues);
  throwIfAny(data.id, issues);
  return data;
}

/** Checks an agency override on its own (its years are checked again once layered). */
export function validateCalendarOverride(input: unknown): CalendarOverride {
  const override = parseWith(calendarOverrideSchema, input);
  const issues: CalendarIssue[] = [];
  if (override.sessions) checkSessions(override.sessions, 'sessions', issues);
  if (override.week) checkWeek(override.week, issues);
  throwIfAny(override.id, issues);
  return override;
}

function datesOf(entries: readonly DayEntry[], year: number): Set<number> {
  const days = new Set<number>();
  for (const entry of entries) entryDays(entry, year, '', []).forEach((day) => days.add(day));
  return days;
}

/** Entries of `base` minus the days `replaced` names: a day may be listed only once. */
function withoutDays<T extends DayEntry>(entries: readonly T[], replaced: Set<number>, year: number): T[] {
  const kept: T[] = [];
  for (const entry of entries) {
    const days = entryDays(entry, year, '', []).filter((day) => !replaced.has(day));
    // Split a range around the replaced days so the reason stays on the days it still covers.
    let runStart: number | undefined;
    days.forEach((day, index) => {
      runStart ??= day;
      if (days[index + 1] !== day + 1) {
        kept.push({ ...entry, from: formatIsoDate(runStart), to: runStart === day ? undefined : formatIsoDate(day) });
        runStart = undefined;
      }
    });
  }
  return kept;
}

/**
 * Layers an agency override over the national data it extends: the agency's sessions, weekdays and
 * cut-off replace the national ones; its days off and working days are added, and on a day both
 * name, the agency's word wins (an office open on a national day off, or closed on a Tết Saturday).
 */
export function layerCalendarData(national: CalendarData, overrideInput: unknown): CalendarData {
  const override = validateCalendarOverride(overrideInput);
  if (override.extends !== national.id) {
    throw new CalendarDataError(override.id, [{ path: 'extends', message: `extends "${override.extends}", but the national calendar given is "${national.id}"` }]);
  }
  const unknownYears = Object.keys(override.years ?? {}).filter((year) => !(year in national.years));
  if (unknownYears.length > 0) {
    throw new CalendarDataError(override.id, unknownYears.map((year) => ({ path: `years.${year}`, message: `${national.id} has no year ${year} to override` })));
  }
  const years = Object.fromEntries(
    Object.entries(national.years).map(([key, year]) => {
      const local = override.years?.[key];
      if (!local) return [key, year];
      const number = Number(key);
      const named = new Set([...datesOf(local.daysOff ?? [], number), ...datesOf(local.workingDays ?? [], number)]);
      return [
        key,
        {
          ...year,
          daysOff: [...withoutDays(year.daysOff, named, number), ...(local.daysOff ?? [])],
          workingDays: [...withoutDays(year.workingDays, named, number), ...(local.workingDays ?? [])],
        },
      ];
    }),
  );
  return validateCalendarData({
    ...national,
    id: override.id,
    name: override.name,
    sessions: override.sessions ?? national.sessions,
    week: { ...national.week, ...override.week },
    receiptCutoff: override.receiptCutoff === undefined ? national.receiptCutoff : override.receiptCutoff,
    years,
  });
}
