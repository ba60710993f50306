import { describe, expect, it } from 'vitest';
import { CalendarArgumentError, formatInstant, parseInstant } from '../../../engine/calendar/index.js';

const vietnam = 7 * 3_600_000;

describe('instants as ISO-8601 text', () => {
  it.each([
    ['2026-02-12T15:30+07:00', Date.UTC(2026, 1, 12, 8, 30)],
    ['2026-02-12T15:30', Date.UTC(2026, 1, 12, 8, 30)], // local time of the calendar
    ['2026-02-12T08:30Z', Date.UTC(2026, 1, 12, 8, 30)],
    ['2026-02-12T03:30:15.5-05:00', Date.UTC(2026, 1, 12, 8, 30, 15, 500)],
  ])('reads %s', (text, instant) => {
    expect(parseInstant(text, vietnam)).toBe(instant);
  });

  it.each(['2026-02-12', '2026-02-30T10:00', '2026-02-12T24:00', '12/02/2026 10:00', '2026-02-12T10:00+7', 'now'])('rejects %j', (text) => {
    expect(() => parseInstant(text, vietnam)).toThrow(CalendarArgumentError);
    expect(() => parseInstant(text, vietnam)).toThrow(/not an ISO-8601 instant such as 2026-02-12T15:30\+07:00/);
  });

  it('writes instants with the calendar’s offset and round-trips', () => {
    const instant = Date.UTC(2026, 1, 26, 10, 0);
    expect(formatInstant(instant, vietnam)).toBe('2026-02-26T17:00:00+07:00');
    expect(formatInstant(instant, -5 * 3_600_000)).toBe('2026-02-26T05:00:00-05:00');
    expect(parseInstant(formatInstant(instant, vietnam), 0)).toBe(instant);
  });
});
