import type { LegalDurationUnit } from '@engine/duration/legal-duration.js';

/** The units a duration is chosen in: working days first, as the law writes most limits. */
export const durationUnits: readonly LegalDurationUnit[] = ['working-days', 'working-hours', 'working-minutes', 'calendar-days', 'hours', 'minutes'];

/** Whether the text is an amount a legal duration can have: a whole number of at most five digits. */
export function isDurationAmount(text: string): boolean {
  return /^\d{1,5}$/.test(text.trim());
}
