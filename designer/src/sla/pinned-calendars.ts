import { shallowReactive } from 'vue';
import { BusinessCalendar } from '@engine/calendar/business-calendar.js';
import type { MotcuaApi } from '../api/motcua-api.js';
import type { CalendarRef } from '../api/types.js';

/**
 * The calendars dossiers pinned, fetched once per content hash and compiled in the browser, so SLA
 * badges count working time exactly as the dossier's workflow does.
 */
export function createPinnedCalendars(api: Pick<MotcuaApi, 'pinnedCalendar'>) {
  const compiled = shallowReactive(new Map<string, BusinessCalendar>());
  const loading = new Map<string, Promise<void>>();

  function load(ref: CalendarRef): Promise<void> {
    let pending = loading.get(ref.hash);
    if (!pending) {
      pending = api
        .pinnedCalendar(ref)
        .then(({ data }) => void compiled.set(ref.hash, new BusinessCalendar(data)))
        // A calendar that cannot be read leaves the badges without amounts; the next page view retries.
        .catch(() => void loading.delete(ref.hash));
      loading.set(ref.hash, pending);
    }
    return pending;
  }

  return {
    /** The compiled calendar, or undefined while it loads (reactive: badges fill in when it arrives). */
    get(ref: CalendarRef | null | undefined): BusinessCalendar | undefined {
      if (!ref) return undefined;
      const calendar = compiled.get(ref.hash);
      if (!calendar) void load(ref);
      return calendar;
    },
    load,
  };
}

export type PinnedCalendars = ReturnType<typeof createPinnedCalendars>;

const perApi = new WeakMap<object, PinnedCalendars>();

/** The app's one cache of pinned calendars (per API client, i.e. per session). */
export function pinnedCalendarsFor(api: Pick<MotcuaApi, 'pinnedCalendar'>): PinnedCalendars {
  let calendars = perApi.get(api);
  if (!calendars) perApi.set(api, (calendars = createPinnedCalendars(api)));
  return calendars;
}
