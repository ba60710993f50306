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
 *   PT10S  10 seconds          for timers that other modelers write to the second
 *   P2W    2 weeks             = P14D
 *
 * Other ISO-8601 durations with a time part are read as elapsed time and written in the one unit
 * that holds them exactly: PT1H30M = PT90M, P1DT2H = PT26H, PT120S = PT2M, PT1M30S = PT90S.
 * Durations MotCua cannot count are refused as unsupported, naming why (months and years,
 * fractions), never as malformed.
 */

export type LegalDurationUnit = 'working-days' | 'working-hours' | 'working-minutes' | 'calendar-days' | 'hours' | 'minutes' | 'seconds';

export interface LegalDuration {
  amount: number;
  unit: LegalDurationUnit;
}

/** Why a well-formed ISO-8601 duration cannot be counted. */
export type UnsupportedDurationReason = 'months-years' | 'fraction';

export class LegalDurationError extends Error {
  override name = 'LegalDurationError';

  /** Set when the text is a valid ISO-8601 duration MotCua does not count. */
  constructor(message: string, readonly unsupported?: UnsupportedDurationReason) {
    super(message);
  }
}

const workingSuffixes: Record<string, LegalDurationUnit> = { WD: 'working-days', WH: 'working-hours', WM: 'working-minutes' };

const pattern = /^(?:(\d{1,5})(WD|WH|WM)|P(\d{1,5})([DW])|PT(\d{1,6})([HM]))$/;

/** ISO-8601 with days and a time part: P1DT2H, PT1H30M, PT90S. */
const combinedIso = /^P(?:(\d{1,5})D)?T(?:(\d{1,6})H)?(?:(\d{1,6})M)?(?:(\d{1,7})S)?$/;
/** The rest of ISO-8601 (years, months, fractions), to name as unsupported rather than malformed. */
const otherIso = /^P(?!$)(\d+(?:[.,]\d+)?Y)?(\d+(?:[.,]\d+)?M)?(\d+(?:[.,]\d+)?W)?(\d+(?:[.,]\d+)?D)?(T(?=\d)(\d+(?:[.,]\d+)?H)?(\d+(?:[.,]\d+)?M)?(\d+(?:[.,]\d+)?S)?)?$/;

function elapsedDuration(text: string): LegalDuration | undefined {
  const match = combinedIso.exec(text);
  if (!match || match.slice(2).every((part) => part === undefined)) return undefined;
  const [days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number];
  const total = ((days * 24 + hours) * 60 + minutes) * 60 + seconds;
  const duration: LegalDuration =
    total % 3600 === 0 ? { amount: total / 3600, unit: 'hours' } : total % 60 === 0 ? { amount: total / 60, unit: 'minutes' } : { amount: total, unit: 'seconds' };
  // The canonical text must read back: PT followed by at most six digits.
  if (duration.amount > 999_999) throw new LegalDurationError(`"${text}" is longer than MotCua counts: at most 999999 seconds, minutes or hours`);
  return duration;
}

function unsupportedIso(text: string): LegalDurationError | undefined {
  const match = otherIso.exec(text);
  if (!match) return undefined;
  if (/[.,]/.test(text)) return new LegalDurationError(`"${text}" has a fraction: write it in a smaller whole unit, e.g. PT90M for PT1.5H`, 'fraction');
  if (match[1] || match[2]) return new LegalDurationError(`"${text}" counts months or years, which have no fixed length: write days, e.g. P30D`, 'months-years');
  return undefined;
}

export function parseLegalDuration(text: string): LegalDuration {
  const trimmed = text.trim();
  const match = pattern.exec(trimmed);
  if (!match) {
    const elapsed = elapsedDuration(trimmed);
    if (elapsed) return elapsed;
    const unsupported = unsupportedIso(trimmed);
    if (unsupported) throw unsupported;
    throw new LegalDurationError(
      `"${text}" is not a legal duration: write working days as 5WD, working hours as 8WH, working minutes as 30WM, calendar days as P20D, or hours and minutes as PT48H / PT30M`,
    );
  }
  const [, working, workingSuffix, days, dayUnit, time, timeUnit] = match;
  if (working !== undefined) return { amount: Number(working), unit: workingSuffixes[workingSuffix!]! };
  if (days !== undefined) return { amount: Number(days) * (dayUnit === 'W' ? 7 : 1), unit: 'calendar-days' };
  return { amount: Number(time), unit: timeUnit === 'H' ? 'hours' : 'minutes' };
}

/** Whether the text is a legal duration MotCua counts. */
export function isLegalDuration(text: string): boolean {
  try {
    parseLegalDuration(text);
    return true;
  } catch {
    return false;
  }
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
    case 'seconds':
      return `PT${duration.amount}S`;
  }
}

export function isWorkingDuration(duration: LegalDuration): boolean {
  return duration.unit.startsWith('working-');
}
