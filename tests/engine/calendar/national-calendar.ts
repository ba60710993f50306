/** The shipped national calendar, built from its data files as the loader would, for engine tests. */
import base from '../../../engine/calendar/data/vn-national/calendar.json' with { type: 'json' };
import year2025 from '../../../engine/calendar/data/vn-national/2025.json' with { type: 'json' };
import year2026 from '../../../engine/calendar/data/vn-national/2026.json' with { type: 'json' };
import year2027 from '../../../engine/calendar/data/vn-national/2027.json' with { type: 'json' };
import { BusinessCalendar, validateCalendarData, type CalendarData } from '../../../engine/calendar/index.js';

export function nationalData(): CalendarData {
  return validateCalendarData(structuredClone({ ...base, years: { 2025: year2025, 2026: year2026, 2027: year2027 } }));
}

export const national = new BusinessCalendar(nationalData());

/** An instant from local Vietnam time, `2026-02-12T15:30`. */
export function at(text: string): number {
  return national.parseInstant(text);
}

export function local(instant: number): string {
  return national.formatInstant(instant).slice(0, 16);
}
