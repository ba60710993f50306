import { describe, expect, it } from 'vitest';
import { feelSyntaxErrorColumn, normalizeFeelExpression } from '../../../engine/feel/feel-expression.js';

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
});
