import { expect, test } from 'vitest';
import { dailyTrend } from '../../../api/monitoring/daily-trend.js';

const vietnam = 7 * 3_600_000;
const at = (text: string) => new Date(text);

test('counts receipts and finishes on their day in the time zone, listing quiet days as zeros', () => {
  const from = Date.parse('2026-03-01T00:00:00+07:00');
  const to = Date.parse('2026-03-04T00:00:00+07:00');
  const days = dailyTrend(
    [
      // 23:30 in Vietnam on 1 March is still 1 March, though UTC says the 1st too; 00:30 on the 2nd is the 2nd.
      { receivedAt: at('2026-03-01T23:30:00+07:00'), finishedAt: at('2026-03-03T09:00:00+07:00'), punctuality: 'early' },
      { receivedAt: at('2026-03-02T00:30:00+07:00'), finishedAt: at('2026-03-03T10:00:00+07:00'), punctuality: 'late' },
      { receivedAt: at('2026-02-27T10:00:00+07:00'), finishedAt: at('2026-03-01T08:00:00+07:00'), punctuality: 'on-time' },
      { receivedAt: at('2026-03-04T08:00:00+07:00') },
    ],
    from,
    to,
    vietnam,
  );
  expect(days).toEqual([
    { day: '2026-03-01', received: 1, early: 0, onTime: 1, late: 0 },
    { day: '2026-03-02', received: 1, early: 0, onTime: 0, late: 0 },
    { day: '2026-03-03', received: 0, early: 1, onTime: 0, late: 1 },
  ]);
});

test('a dossier still running counts as received only', () => {
  const from = Date.parse('2026-03-01T00:00:00+07:00');
  const days = dailyTrend([{ receivedAt: at('2026-03-01T09:00:00+07:00') }], from, from + 86_400_000, vietnam);
  expect(days).toEqual([{ day: '2026-03-01', received: 1, early: 0, onTime: 0, late: 0 }]);
});
