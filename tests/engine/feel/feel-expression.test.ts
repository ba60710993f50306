import { describe, expect, it } from 'vitest';
import { feelSyntaxErrorColumn, iteratedRangeColumn, normalizeFeelExpression } from '../../../engine/feel/feel-expression.js';

describe('FEEL expressions', () => {
  it('drops the "=" that Camunda-style modelers put in front', () => {
    expect(normalizeFeelExpression('= soTien > 1000000 ')).toBe('soTien > 1000000');
    expect(normalizeFeelExpression('ketQua = "dat"')).toBe('ketQua = "dat"');
  });

  it.each(['soTien > 1000000', 'ketQua = "bo-sung"', 'loaiHoSo in ["ca-nhan", "to-chuc"]', 'count(giayTo) >= 3 and not(daNop)', 'ngayNop < date("2026-02-14")'])(
    'accepts %s',
    (expression) => {
      expect(feelSyntaxErrorColumn(expression)).toBeNull();
    },
  );

  it.each([
    ['soTien >', 9],
    ['((ketQua', 9],
    ['"chưa đóng', 1],
    ['', 1],
  ])('locates the error in %j at column %i', (expression, column) => {
    expect(feelSyntaxErrorColumn(expression)).toBe(column);
  });

  // Found by fuzzing FEEL (tests/workflows/interpreter/feel.fuzz.test.ts): feelin builds an iterated
  // range whole, so this one ran the test worker out of memory.
  it.each([
    ['for i in -1000000000..1000000000 return i', 10],
    ['some x in 1..n satisfies x = soTien', 11],
    ['count(danhSach) > 0 and every y in 0..5 satisfies y < 3', 36],
  ])('finds the iterated range in %j at column %i', (expression, column) => {
    expect(iteratedRangeColumn(expression)).toBe(column);
  });

  it.each(['soTien in [1..10]', 'for x in danhSach return x.soTien', 'some giayTo in danhSach satisfies giayTo.hopLe', '[1..3]'])('finds no iterated range in %s', (expression) => {
    expect(iteratedRangeColumn(expression)).toBeNull();
  });
});
