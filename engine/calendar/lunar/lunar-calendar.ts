/**
 * The Vietnamese lunisolar calendar (âm lịch), computed the way the Vietnamese calendar authority
 * defines it: the rules of the Chinese calendar applied at the meridian of UTC+7, in force since
 * 1968 in the North and 1976 nationwide.
 *
 *   1. A month starts on the local day that contains the new moon.
 *   2. The month containing the winter solstice (Sun at 270°) is month 11.
 *   3. When 13 months run from one month 11 to the next, the first of them that contains no
 *      principal term (the Sun crossing a multiple of 30°) is a leap month, numbered like the
 *      month before it.
 *
 * Because a day starts one hour earlier at UTC+7 than at UTC+8, a new moon between 23:00 and
 * midnight Vietnam time starts the month a day earlier than in China (Tết 2007: 17 February in
 * Vietnam, 18 in China; Tết 2030: 2 and 3 February), and a shifted month can move a whole
 * month 11 or leap month (Tết 1985: 21 January in Vietnam, 20 February in China). The offset is
 * a parameter so tests can show exactly that.
 */
import { dayNumber } from '../civil-date.js';
import { CalendarArgumentError, CalendarRangeError } from '../errors.js';
import { newMoonJulianDay, newMoonNumberBefore, sunLongitude, unixEpochJulianDay } from './astronomy.js';

export interface LunarDate {
  /** The Gregorian year in which this lunar year begins (Tết). */
  year: number;
  month: number;
  day: number;
  leap?: boolean;
}

export const vietnamUtcOffsetHours = 7;
export const supportedLunarYears = { first: 1900, last: 2100 } as const;

/** The civil day number (see civil-date.ts) of the local day that contains new moon k. */
function newMoonDay(k: number, utcOffsetHours: number): number {
  return Math.floor(newMoonJulianDay(k) - unixEpochJulianDay + utcOffsetHours / 24);
}

/** The principal-term sector (0–11) the Sun is in at the local midnight that starts a day. */
function termSector(day: number, utcOffsetHours: number): number {
  return Math.floor(sunLongitude(day + unixEpochJulianDay - utcOffsetHours / 24) / 30);
}

/** New moon number of the month 11 that contains the winter solstice of a Gregorian year. */
function month11(year: number, utcOffsetHours: number): number {
  const lastDay = dayNumber(year, 12, 31);
  let k = newMoonNumberBefore(lastDay + unixEpochJulianDay);
  while (newMoonDay(k + 1, utcOffsetHours) <= lastDay) k += 1;
  while (newMoonDay(k, utcOffsetHours) > lastDay) k -= 1;
  // Sun past 270° when this month starts: the solstice fell in the month before.
  const start = newMoonDay(k, utcOffsetHours);
  return sunLongitude(start + unixEpochJulianDay - utcOffsetHours / 24) > 270 ? k - 1 : k;
}

/** Offset (from month 11) of the leap month after month 11 with new moon number k11. */
function leapMonthOffset(k11: number, utcOffsetHours: number): number {
  for (let offset = 1; offset <= 12; offset += 1) {
    const start = newMoonDay(k11 + offset, utcOffsetHours);
    const next = newMoonDay(k11 + offset + 1, utcOffsetHours);
    if (termSector(start, utcOffsetHours) === termSector(next, utcOffsetHours)) return offset;
  }
  throw new Error(`no month without a principal term after new moon ${k11}`);
}

function describe(date: LunarDate): string {
  return `${date.day}/${date.month}${date.leap ? ' (leap)' : ''}/${date.year}`;
}

/** The civil day number of a lunar date. */
export function lunarToSolar(date: LunarDate, utcOffsetHours = vietnamUtcOffsetHours): number {
  const { year, month, day } = date;
  if (!Number.isInteger(year) || year < supportedLunarYears.first || year > supportedLunarYears.last) {
    throw new CalendarRangeError(`lunar year ${year} is outside ${supportedLunarYears.first}–${supportedLunarYears.last}`);
  }
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1 || day > 30) {
    throw new CalendarArgumentError(`${describe(date)} is not a lunar date: months run 1–12, days 1–30`);
  }
  // Months 11 and 12 of lunar year Y follow the month 11 of December Y; the others that of Y − 1.
  const k11 = month >= 11 ? month11(year, utcOffsetHours) : month11(year - 1, utcOffsetHours);
  const nextK11 = month >= 11 ? month11(year + 1, utcOffsetHours) : month11(year, utcOffsetHours);
  let offset = month >= 11 ? month - 11 : month + 1;
  if (nextK11 - k11 === 13) {
    const leapOffset = leapMonthOffset(k11, utcOffsetHours);
    if (date.leap && offset + 1 !== leapOffset) throw new CalendarArgumentError(`${describe(date)}: lunar year ${year} has no leap month ${month}`);
    if (date.leap || offset >= leapOffset) offset += 1;
  } else if (date.leap) {
    throw new CalendarArgumentError(`${describe(date)}: lunar year ${year} has no leap month`);
  }
  const start = newMoonDay(k11 + offset, utcOffsetHours);
  const length = newMoonDay(k11 + offset + 1, utcOffsetHours) - start;
  if (day > length) throw new CalendarArgumentError(`${describe(date)}: that month has ${length} days`);
  return start + day - 1;
}

/** Tết Nguyên Đán: the civil day number of the first day of lunar year `year`. */
export function lunarNewYear(year: number, utcOffsetHours = vietnamUtcOffsetHours): number {
  return lunarToSolar({ year, month: 1, day: 1 }, utcOffsetHours);
}
