import { expect, test } from 'vitest';
import { secondFactorMatches } from '../../../api/tracking/second-factor.js';

test('the second factor is the last 4 digits of the phone or of the ID number, whatever their separators', () => {
  const applicant = { name: 'Trần Thị Bình', phone: '+84 912.345.678', idNumber: '001099000042' };
  expect(secondFactorMatches(applicant, '5678')).toBe(true);
  expect(secondFactorMatches(applicant, '0042')).toBe(true);
  for (const wrong of ['5679', '1234', '0912', '678', '45678', 'abcd', '']) expect(secondFactorMatches(applicant, wrong), wrong).toBe(false);
});

test('nothing matches when the dossier is unknown or gave neither number, nor when a number is shorter than 4 digits', () => {
  expect(secondFactorMatches(undefined, '0000')).toBe(false);
  expect(secondFactorMatches({ name: 'An' }, '0000')).toBe(false);
  expect(secondFactorMatches({ name: 'An', phone: '123' }, '0123')).toBe(false);
  expect(secondFactorMatches({ name: 'An', phone: 'xxxx' }, 'xxxx')).toBe(false);
});
