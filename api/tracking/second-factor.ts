import { timingSafeEqual } from 'node:crypto';
import type { DossierDocument } from '../../store/dossiers/dossier-model.js';

/** How many trailing digits of the phone or ID number prove the citizen has the dossier's receipt. */
export const secondFactorDigits = 4;
export const secondFactorPattern = new RegExp(`^\\d{${secondFactorDigits}}$`);

/** Never equal to a factor (those are digits only), of the same length: what absent numbers compare against. */
const unmatchable = 'x'.repeat(secondFactorDigits);

function lastDigits(value: string | undefined): string {
  const digits = (value ?? '').replace(/\D/g, '');
  return digits.length >= secondFactorDigits ? digits.slice(-secondFactorDigits) : unmatchable;
}

/**
 * Whether `factor` is the last digits of the phone or the ID number given at submission. Both are
 * compared, in constant time, whether or not the dossier exists or has them, so neither the answer
 * nor its timing tells which part of a refused look-up was wrong.
 */
export function secondFactorMatches(applicant: DossierDocument['applicant'] | undefined, factor: string): boolean {
  const given = Buffer.from(factor.padEnd(secondFactorDigits, 'x').slice(0, secondFactorDigits));
  const byPhone = timingSafeEqual(given, Buffer.from(lastDigits(applicant?.phone)));
  const byIdNumber = timingSafeEqual(given, Buffer.from(lastDigits(applicant?.idNumber)));
  return secondFactorPattern.test(factor) && (Number(byPhone) | Number(byIdNumber)) === 1;
}
