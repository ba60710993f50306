import type { WorklistView } from '../api/types.js';

/** What a worklist shows: the view, its filters and the sort. */
export interface WorklistSettings {
  view: WorklistView;
  procedureCode: string;
  overdueOnly: boolean;
  /** YYYY-MM-DD: tasks due before this day. */
  dueBefore: string;
  sort: 'due-asc' | 'due-desc';
}

export interface SavedView {
  name: string;
  settings: WorklistSettings;
}

export const defaultWorklistSettings: WorklistSettings = { view: 'mine', procedureCode: '', overdueOnly: false, dueBefore: '', sort: 'due-asc' };

/** An officer's named worklist views, kept in the browser per user. */
export function savedViews(storage: Storage, userId: string) {
  const key = `motcua.worklist.views.${userId}`;
  const read = (): SavedView[] => {
    try {
      const views = JSON.parse(storage.getItem(key) ?? '[]') as SavedView[];
      return Array.isArray(views) ? views.map((view) => ({ name: view.name, settings: { ...defaultWorklistSettings, ...view.settings } })) : [];
    } catch {
      return [];
    }
  };
  const write = (views: SavedView[]) => storage.setItem(key, JSON.stringify(views));
  return {
    list: read,
    /** Saves under a name, replacing a view of the same name. */
    save(name: string, settings: WorklistSettings): SavedView[] {
      const views = [...read().filter((view) => view.name !== name), { name, settings: { ...settings } }].sort((a, b) => a.name.localeCompare(b.name));
      write(views);
      return views;
    },
    remove(name: string): SavedView[] {
      const views = read().filter((view) => view.name !== name);
      write(views);
      return views;
    },
  };
}
