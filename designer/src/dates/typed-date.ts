/**
 * Dates as Vietnamese readers type them, dd/mm/yyyy, whatever the browser's locale (the browser's
 * own date input follows the locale and shows 12/03/2026 for 3 December in English (US)).
 * Values stay ISO calendar days (yyyy-mm-dd), as the API takes them.
 */
export type TypedDate = { ok: true; iso: string } | { ok: false };

const DAY_MONTH_YEAR = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/;

/** "3/12/2026" → "2026-12-03"; impossible days (31/02/2026) are refused. */
export function parseTypedDate(text: string): TypedDate {
  const match = DAY_MONTH_YEAR.exec(text);
  if (!match) return { ok: false };
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return { ok: false };
  return { ok: true, iso: `${match[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

/** "2026-12-03" → "03/12/2026"; an empty or malformed value shows as empty. */
export function showTypedDate(iso: string | undefined): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return match ? `${match[3]}/${match[2]}/${match[1]}` : '';
}
