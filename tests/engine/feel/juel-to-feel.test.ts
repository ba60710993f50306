import { describe, expect, it } from 'vitest';
import { juelToFeel } from '../../../engine/feel/juel-to-feel.js';

describe('juelToFeel', () => {
  it.each([
    ['approved == true', 'approved = true'],
    ['${approved}', 'approved'],
    ['#{selectedFlow==\'A\'}', 'selectedFlow = "A"'],
    ['${clarified == \'yes\'}', 'clarified = "yes"'],
    ['a && b || !c', 'a and b or not(c)'],
    ['!(a && b)', 'not(a and b)'],
    ['!dossier.isEmpty() && x != 1', 'not(dossier.isEmpty()) and x != 1'],
  ])('rewrites %s as %s', (juel, feel) => {
    expect(juelToFeel(juel)).toBe(feel);
  });

  it.each(['soTien > 1000000', 'x != 1', 'ketQua = "a == b && !c"', 'not(daNop)', ''])('leaves FEEL alone: %s', (feel) => {
    expect(juelToFeel(feel)).toBeNull();
  });
});
