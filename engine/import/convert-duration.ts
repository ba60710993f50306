import { isLegalDuration } from '../duration/legal-duration.js';

/** Date arithmetic other tools write for "this long from now", and the ISO duration it means. */
const fromNow: ReadonlyArray<[RegExp, (amount: number) => string]> = [
  [/plusDays\((\d+)\)/, (days) => `P${days}D`],
  [/plusWeeks\((\d+)\)/, (weeks) => `P${weeks * 7}D`],
  [/plusHours\((\d+)\)/, (hours) => `PT${hours}H`],
  [/plusMinutes\((\d+)\)/, (minutes) => `PT${minutes}M`],
];

/**
 * The legal duration a foreign due date or timer means, when the rewrite is mechanical: an ISO
 * duration as it is (`P3D`), Camunda 7's `${dateTime().plusDays(3).toDate()}` and Camunda 8's
 * `=now() + duration("P3D")` or `="PT4H"` as that duration; undefined for anything else (a fixed
 * date, a variable, a cycle), which a person must decide.
 */
export function foreignDuration(value: string): string | undefined {
  const trimmed = value.trim();
  if (isLegalDuration(trimmed)) return trimmed;
  const feelLiteral = /^=\s*(?:now\(\)\s*\+\s*)?(?:duration\()?\s*"([^"]+)"\s*\)?\s*$/.exec(trimmed);
  if (feelLiteral && isLegalDuration(feelLiteral[1]!)) return feelLiteral[1]!;
  if (/^\$\{\s*dateTime\(\)/.test(trimmed)) {
    for (const [pattern, duration] of fromNow) {
      const match = pattern.exec(trimmed);
      if (match && trimmed.replace(pattern, '').replace(/\.toDate\(\)/, '').match(/plus\w+\(/) === null) return duration(Number(match[1]));
    }
  }
  return undefined;
}
