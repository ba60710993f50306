import { expect, test } from 'vitest';
import { elapsed } from '../../../../designer/src/outbox/elapsed.js';

test('a span reads in the largest unit that fits once rounded', () => {
  expect(elapsed(0)).toEqual({ unit: 'ms', n: 0 });
  expect(elapsed(999.4)).toEqual({ unit: 'ms', n: 999 });
  expect(elapsed(999.6)).toEqual({ unit: 'seconds', n: 1 });
  expect(elapsed(12_480)).toEqual({ unit: 'seconds', n: 12.5 });
  expect(elapsed(59_960)).toEqual({ unit: 'minutes', m: 1, s: 0 });
  expect(elapsed(125_000)).toEqual({ unit: 'minutes', m: 2, s: 5 });
  expect(elapsed(3_599_700)).toEqual({ unit: 'hours', h: 1, m: 0 });
  expect(elapsed(3_660_000)).toEqual({ unit: 'hours', h: 1, m: 1 });
  expect(elapsed(26 * 3_600_000 + 30 * 60_000)).toEqual({ unit: 'hours', h: 26, m: 30 });
});
