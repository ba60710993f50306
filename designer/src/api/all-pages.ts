import type { Page } from './types.js';

/** Enough for any export a person asks for; a list longer than this is cut, not fetched forever. */
const maxExportRows = 20_000;

/** Every item of a paged list, following its cursors. */
export async function allPages<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && items.length < maxExportRows);
  return items.slice(0, maxExportRows);
}
