import { currentCalendar as publishedOrShipped, type CurrentCalendar } from '../../store/calendars/current-calendar.js';
import type { ApiContext } from '../context.js';

/** The calendar new dossiers pin, read with the API's store and shipped calendars. */
export function currentCalendar(context: Pick<ApiContext, 'store' | 'loadCalendar'>, id: string): Promise<CurrentCalendar> {
  return publishedOrShipped(context.store, context.loadCalendar, id);
}
