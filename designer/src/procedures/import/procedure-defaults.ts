import { formatLegalDuration, type LegalDurationUnit } from '@engine/duration/legal-duration.js';
import type { ProcedureDefaults } from '@engine/import/import-types.js';
import { isDurationAmount } from '../../modeler/properties/duration-units.js';

/** A duration as the dialog asks for it: an amount (blank for none) and a unit. */
export interface DurationChoice {
  amount: string;
  unit: LegalDurationUnit;
}

/** What the other tool's file cannot say about the procedure, as the reader fills it in. */
export interface DefaultsForm {
  agency: string;
  legalLimit: DurationChoice;
  stepDeadline: DurationChoice;
}

export function blankDefaults(agency: string): DefaultsForm {
  return { agency, legalLimit: { amount: '', unit: 'working-days' }, stepDeadline: { amount: '', unit: 'working-days' } };
}

/** Whether the amount is blank (no default) or one a duration can have. */
export function isValidAmount(choice: DurationChoice): boolean {
  return choice.amount.trim() === '' || isDurationAmount(choice.amount);
}

function durationText(choice: DurationChoice): string | undefined {
  return choice.amount.trim() === '' ? undefined : formatLegalDuration({ amount: Number(choice.amount.trim()), unit: choice.unit });
}

/** The defaults the converter takes: what was left blank is left out, for the properties panel later. */
export function procedureDefaults(form: DefaultsForm): ProcedureDefaults {
  const defaults: ProcedureDefaults = {};
  if (form.agency) defaults.agency = form.agency;
  const legalLimit = durationText(form.legalLimit);
  if (legalLimit) defaults.legalLimit = legalLimit;
  const stepDeadline = durationText(form.stepDeadline);
  if (stepDeadline) defaults.stepDeadline = stepDeadline;
  return defaults;
}
