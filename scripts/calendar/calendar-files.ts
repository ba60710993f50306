/**
 * Reads calendars from their data files, the I/O half of engine/calendar (which only sees parsed
 * objects). A national calendar is a directory `<dir>/<id>/` with `calendar.json` and one
 * `<year>.json` per loaded year; an agency calendar is `<dir>/agencies/<id>.json`, layered over
 * the national calendar it `extends`.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { BusinessCalendar, layerCalendarData, validateCalendarData, type CalendarData } from '../../engine/calendar/index.js';
import { projectRoot } from '../runtime/config.js';

export const defaultCalendarId = 'vn-national';

/** engine/calendar/data, or the directory MOTCUA_CALENDAR_DIR names. */
export function calendarDirectory(): string {
  return process.env.MOTCUA_CALENDAR_DIR || path.join(projectRoot, 'engine/calendar/data');
}

/** A calendar file that cannot be read or parsed; the message is one line naming the file. */
export class CalendarFileError extends Error {
  override name = 'CalendarFileError';
}

/** No calendar has the id asked for. */
export class UnknownCalendarError extends Error {
  override name = 'UnknownCalendarError';
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new CalendarFileError(`${file}: cannot be read`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CalendarFileError(`${file}: not valid JSON: ${(error as Error).message}`);
  }
}

async function exists(file: string): Promise<boolean> {
  return readFile(file).then(
    () => true,
    () => false,
  );
}

async function readNationalData(directory: string): Promise<CalendarData> {
  const base = (await readJson(path.join(directory, 'calendar.json'))) as Record<string, unknown>;
  const yearFiles = (await readdir(directory)).filter((name) => /^\d{4}\.json$/.test(name)).sort();
  const years = Object.fromEntries(
    await Promise.all(yearFiles.map(async (name) => [name.slice(0, 4), await readJson(path.join(directory, name))] as const)),
  );
  return validateCalendarData({ ...base, years });
}

/** The calendar `id` from the calendar directory, validated and compiled. */
export async function loadCalendar(id = defaultCalendarId, directory = calendarDirectory()): Promise<BusinessCalendar> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new UnknownCalendarError(`"${id}" is not a calendar id (lower-case letters, digits and dashes)`);
  if (await exists(path.join(directory, id, 'calendar.json'))) return new BusinessCalendar(await readNationalData(path.join(directory, id)));
  const agencyFile = path.join(directory, 'agencies', `${id}.json`);
  if (await exists(agencyFile)) {
    const override = await readJson(agencyFile);
    const national = (override as { extends?: unknown } | null)?.extends;
    if (typeof national !== 'string' || !(await exists(path.join(directory, national, 'calendar.json')))) {
      throw new CalendarFileError(`${agencyFile}: extends ${JSON.stringify(national)}, which is not a national calendar in ${directory}`);
    }
    return new BusinessCalendar(layerCalendarData(await readNationalData(path.join(directory, national)), override));
  }
  throw new UnknownCalendarError(`unknown calendar "${id}": neither ${path.join(directory, id, 'calendar.json')} nor ${agencyFile} exists`);
}
