import { describe, expect, it } from 'vitest';
import { feelNames } from '../../../engine/feel/feel-names.js';

describe('feelNames', () => {
  it('reads the free names, not functions, iteration variables, paths or names inside filters and contexts', () => {
    expect(feelNames('count(giayTo) > 0 and some g in dsGiayTo satisfies g.hopLe').free).toEqual(['giayTo', 'dsGiayTo']);
    expect(feelNames('hoSo.loai = "x" and list[item > 1] != [] and {a: 1, b: a}.b = soLan').free).toEqual(['list', 'soLan']);
  });

  it('reads comparisons of a name with a literal, either way round', () => {
    expect(feelNames('"dat" = ketQua and soTien > 5').comparisons).toEqual([
      { name: 'ketQua', operator: '=', literal: { type: 'string', value: 'dat' } },
      { name: 'soTien', operator: '>', literal: { type: 'number', text: '5' } },
    ]);
  });

  it('calls constant what reads no variable and does not change with time', () => {
    expect(feelNames('1 = 1').constant).toBe(true);
    expect(feelNames('true').constant).toBe(true);
    expect(feelNames('today() > date("2026-01-01")').constant).toBe(false);
    expect(feelNames('a.b').constant).toBe(false);
  });
});
