import { expect, test } from 'vitest';
import { parseTypedDate, showTypedDate } from '../../../../designer/src/dates/typed-date.js';

test('dd/mm/yyyy is read day first, with or without leading zeros', () => {
  expect(parseTypedDate('03/12/2026')).toEqual({ ok: true, iso: '2026-12-03' });
  expect(parseTypedDate(' 3/12/2026 ')).toEqual({ ok: true, iso: '2026-12-03' });
  expect(parseTypedDate('29.02.2028')).toEqual({ ok: true, iso: '2028-02-29' });
});

test('impossible days and other shapes are refused', () => {
  for (const text of ['31/02/2026', '29/02/2026', '00/12/2026', '03/13/2026', '2026-12-03', '03/12/26', 'hôm nay', '']) {
    expect(parseTypedDate(text), text).toEqual({ ok: false });
  }
});

test('ISO days are shown as dd/mm/yyyy, anything else as empty', () => {
  expect(showTypedDate('2026-12-03')).toBe('03/12/2026');
  expect(showTypedDate('')).toBe('');
  expect(showTypedDate(undefined)).toBe('');
  expect(showTypedDate('3 Dec')).toBe('');
});
