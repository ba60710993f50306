/**
 * Legal durations: how MotCua writes a time limit, shared by the compiler, the analysis, the
 * business calendar and the interpreter.
 *
 *   5WD    5 working days      counted by the calendar's working days (Civil Code Art. 147–148)
 *   8WH    8 working hours     run through working sessions from the instant
 *   30WM   30 working minutes
 *   P20D   20 calendar days    ISO-8601; the first day is not counted, a last day off moves on
 *   PT48H  48 hours            ISO-8601; run from the instant, working or not
 *   PT30M  30 minutes
 *   P2W    2 weeks             = P14D
 */

export type LegalDurationUnit = 'working-days' | 'working-hours' | 'working-minutes' | 'calendar-days' | 'hours' | 'minutes';

export interface LegalDuration {
  amount: number;
  unit: LegalDurationUnit;
}

export class LegalDurationError extends Error {
  override name = 'LegalDurationError';
}

const workingSuffixes: Record<string, LegalDurationUnit> = { WD: 'working-days', WH: 'working-hours', WM: 'working-minutes' };

const pattern = /^(?:(\d{1,5})(WD|WH|WM)|P(\d{1,5})([DW])|PT(\d{1,6})([HM]))$/;

export function parseLegalDuration(text: string): LegalDuration {
  const match = pattern.exec(text.trim());
  if (!match) {
    throw new LegalDurationError(
      `"${text}" is not a legal duration: write working days as 5WD, working hours as 8WH, working minutes as 30WM, calendar days as P20D, or hours and minutes as PT48H / PT30M`,
    );
  }
  const [, working, workingSuffix, days, dayUnit, time, timeUnit] = match;
  if (working !== undefined) return { amount: Number(working), unit: workingSuffixes[workingSuffix!]! };
  if (days !== undefined) return { amount: Number(days) * (dayUnit === 'W' ? 7 : 1), unit: 'calendar-days' };
  return { amount: Number(time), unit: timeUnit === 'H' ? 'hours' : 'minutes' };
}

/** The canonical text of a duration: `parseLegalDuration(formatLegalDuration(d))` equals `d`. */
export function formatLegalDuration(duration: LegalDuration): string {
  switch (duration.unit) {
    case 'working-days':
      return `${duration.amount}WD`;
    case 'working-hours':
      return `${duration.amount}WH`;
    case 'working-minutes':
      return `${duration.amount}WM`;
    case 'calendar-days':
      return `P${duration.amount}D`;
    case 'hours':
      return `PT${duration.amount}H`;
    case 'minutes':
      return `PT${duration.amount}M`;
  }
}

export function isWorkingDuration(duration: LegalDuration): boolean {
  return duration.unit.startsWith('working-');
}
