import { expect, test } from 'vitest';
import { blankDefaults, isValidAmount, procedureDefaults } from '../../../../../designer/src/procedures/import/procedure-defaults.js';

test('procedure defaults: durations in MotCua’s notation, blanks left out', () => {
  expect(procedureDefaults(blankDefaults('ubnd-xa'))).toEqual({ agency: 'ubnd-xa' });
  expect(procedureDefaults({ agency: 'ubnd-xa', legalLimit: { amount: ' 5', unit: 'working-days' }, stepDeadline: { amount: '4', unit: 'working-hours' } })).toEqual({ agency: 'ubnd-xa', legalLimit: '5WD', stepDeadline: '4WH' });
  expect(procedureDefaults({ ...blankDefaults(''), legalLimit: { amount: '20', unit: 'calendar-days' } })).toEqual({ legalLimit: 'P20D' });
});

test('procedure defaults: an amount is blank or a whole number', () => {
  expect(['', '3', ' 12 ', '2.5', 'năm', '123456'].map((amount) => isValidAmount({ amount, unit: 'working-days' }))).toEqual([true, true, true, false, false, false]);
});
