import { expect, test } from 'vitest';
import { legalTimeInWords } from '../../../engine/duration/legal-duration-words.js';

test('a legal duration reads as words in both languages, never as its code', () => {
  expect(legalTimeInWords('5WD')).toEqual({ vi: '5 ngày làm việc', en: '5 working days' });
  expect(legalTimeInWords('1WD')).toEqual({ vi: '1 ngày làm việc', en: '1 working day' });
  expect(legalTimeInWords('PT48H')).toEqual({ vi: '48 giờ', en: '48 hours' });
  expect(legalTimeInWords('P2W')).toEqual({ vi: '14 ngày', en: '14 days' });
});

test('a budget mixing working and calendar time reads part by part', () => {
  expect(legalTimeInWords('3WD 4WH + P12D')).toEqual({ vi: '3 ngày làm việc 4 giờ làm việc + 12 ngày', en: '3 working days 4 working hours + 12 days' });
});

test('text that is not a duration is kept as is', () => {
  expect(legalTimeInWords('soon')).toEqual({ vi: 'soon', en: 'soon' });
});
