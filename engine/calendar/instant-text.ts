/** ISO-8601 text for instants, in a calendar's fixed offset: `2026-02-12T15:30:00+07:00`. */
import { dayMs, formatClockTime, minuteMs, parseIsoDate } from './civil-date.js';
import { CalendarArgumentError } from './errors.js';
import { offsetMilliseconds } from './time-zones.js';

export function formatInstant(instant: number, utcOffsetMs: number): string {
  const local = new Date(instant + utcOffsetMs).toISOString().slice(0, 19);
  return `${local}${utcOffsetMs < 0 ? '-' : '+'}${formatClockTime(Math.abs(utcOffsetMs) / minuteMs)}`;
}

const instantPattern = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * An instant from ISO-8601 text with a time of day; without `Z` or an offset it is read as local
 * time in `localOffsetMs` (the calendar's), which is what support staff type.
 */
export function parseInstant(text: string, localOffsetMs: number): number {
  const match = instantPattern.exec(text.trim());
  const date = match ? parseIsoDate(match[1]!) : undefined;
  const [hours, minutes, seconds] = match ? [Number(match[2]), Number(match[3]), Number(match[4] ?? 0)] : [];
  if (!match || date === undefined || hours! > 23 || minutes! > 59 || seconds! > 59) {
    throw new CalendarArgumentError(`"${text}" is not an ISO-8601 instant such as 2026-02-12T15:30+07:00`);
  }
  const zone = match[6];
  const offset = zone === undefined ? localOffsetMs : zone === 'Z' ? 0 : offsetMilliseconds(zone);
  const milliseconds = Number((match[5] ?? '').padEnd(3, '0'));
  return date * dayMs + ((hours! * 60 + minutes!) * 60 + seconds!) * 1000 + milliseconds - offset;
}

