import type { WorklistQuery } from '../api/types.js';
import type { WorklistSettings } from './saved-views.js';

/** The API query of a worklist's settings: the day chosen for "due before" is a day in Vietnam. */
export function worklistQueryOf(settings: WorklistSettings, cursor?: string): WorklistQuery {
  return {
    view: settings.view,
    procedureCode: settings.procedureCode || undefined,
    overdue: settings.overdueOnly && (settings.view === 'mine' || settings.view === 'unit') ? true : undefined,
    dueBefore: settings.dueBefore ? `${settings.dueBefore}T00:00:00+07:00` : undefined,
    cursor,
  };
}
