import { BusinessCalendar, type CalendarData } from '../../engine/calendar/index.js';
import type { Store } from '../store.js';

export interface CurrentCalendar {
  data: CalendarData;
  /** The published version number; 0 for the calendar as shipped. */
  version: number;
  /** Content hash (what dossiers record as calendarHash). */
  hash: string;
}

/** The calendar new dossiers pin: the latest version published through the API, else the shipped one (`loadShipped`). */
export async function currentCalendar(store: Pick<Store, 'calendarVersions'>, loadShipped: (id: string) => Promise<CalendarData>, id: string): Promise<CurrentCalendar> {
  const [published] = await store.calendarVersions.find({ calendarId: id }).sort({ version: -1 }).limit(1).lean();
  if (published) return { data: published.data as CalendarData, version: published.version, hash: published.hash };
  const data = await loadShipped(id);
  return { data, version: 0, hash: new BusinessCalendar(data).version };
}
