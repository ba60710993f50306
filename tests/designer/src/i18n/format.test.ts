import { expect, test } from 'vitest';
import { formatDate, formatDateTime, formatDuration, formatLegalTimeText } from '../../../../designer/src/i18n/format.js';

test('dates are dd/mm/yyyy in Vietnam’s time, whatever the language', () => {
  expect(formatDate('2026-02-26T10:00:00Z', 'vi')).toBe('26/02/2026');
  expect(formatDate('2026-02-26T18:30:00Z', 'vi')).toBe('27/02/2026');
  expect(formatDate('2026-02-26T10:00:00Z', 'en')).toBe('26/02/2026');
  expect(formatDateTime('2026-02-26T10:05:00Z', 'vi')).toBe('26/02/2026 17:05');
});

test('legal durations in words: working days as "ngày làm việc"', () => {
  expect(formatDuration('3WD', 'vi')).toBe('3 ngày làm việc');
  expect(formatDuration('8WH', 'vi')).toBe('8 giờ làm việc');
  expect(formatDuration('P20D', 'vi')).toBe('20 ngày');
  expect(formatDuration('1WD', 'en')).toBe('1 working day');
  expect(formatDuration('3WD', 'en')).toBe('3 working days');
  expect(formatDuration('not a duration', 'vi')).toBe('not a duration');
  expect(formatLegalTimeText('3WD 4WH + P12D', 'vi')).toBe('3 ngày làm việc 4 giờ làm việc + 12 ngày');
});
