/**
 * What only the counter records of a walk-in dossier: the documents the receiving officer saw in the
 * original instead of scanning, and the fee collected at the counter with its receipt number.
 */
import { z } from 'zod';
import type { ProcedurePlan } from '../../engine/plan/procedure-plan.js';
import { startForm } from '../../engine/plan/variable-namespaces.js';
import type { Channel } from '../../store/dossiers/dossier-model.js';
import { Problem } from '../http/problem.js';
import { procedureFees } from '../procedures/procedure-fees.js';

export const counterIntakeFields = {
  seenOriginals: z
    .array(z.string().regex(/^[A-Za-z_][\w-]{0,99}$/))
    .max(100)
    .optional()
    .meta({ description: 'In person only: the start form’s document fields whose paper original the receiving officer saw (“đã xem bản gốc”) instead of scanning it' }),
  counterFee: z
    .object({ amount: z.number().int().positive(), receiptNumber: z.string().trim().min(1).max(100) })
    .optional()
    .meta({ description: 'In person only: the fee collected at the counter (VND, the procedure’s fees exactly) and the receipt (biên lai) number' }),
};

export interface CounterIntake {
  channel: Channel;
  documents?: Array<string | null>;
  seenOriginals?: string[];
  counterFee?: { amount: number; receiptNumber: string };
}

/** Refuses counter records on another channel, seen originals that are not document fields (or also scanned), and a fee the procedure does not ask. */
export function checkCounterIntake(plan: ProcedurePlan, body: CounterIntake): void {
  const seen = body.seenOriginals ?? [];
  if ((seen.length > 0 || body.counterFee) && body.channel !== 'in-person') {
    throw new Problem(422, 'counter-intake-only', 'documents seen in original and fees paid at the counter are recorded by the receiving officer, in person');
  }
  const fields = new Map(startForm(plan).map((field) => [field.key, field]));
  const scanned = new Set(body.documents ?? []);
  const errors = seen.flatMap((key, index) => {
    const path = `body.seenOriginals.${index}`;
    if (fields.get(key)?.type !== 'file') return [{ path, message: `${key} is not a document field of the start form` }];
    if (scanned.has(key)) return [{ path, message: `${key} is both attached and marked as seen in original; choose one` }];
    if (seen.indexOf(key) !== index) return [{ path, message: `${key} is marked twice` }];
    return [];
  });
  if (errors.length > 0) throw new Problem(422, 'invalid-seen-originals', 'a document seen in original is one of the start form’s document fields, not also attached', errors);
  if (body.counterFee) {
    const fees = procedureFees(plan);
    if (fees === 0) throw new Problem(422, 'no-fee-due', `procedure ${plan.procedure.code} declares no fee`, [{ path: 'body.counterFee', message: 'the procedure declares no fee' }]);
    if (body.counterFee.amount !== fees) {
      throw new Problem(422, 'fee-amount-mismatch', `the procedure’s fees are ${fees} VND, not ${body.counterFee.amount}`, [{ path: 'body.counterFee.amount', message: `must be ${fees}` }]);
    }
  }
}

/** The start form's label of each seen field, as the dossier's document list names it. */
export function seenOriginalLabels(plan: ProcedurePlan, seen: string[]): Array<{ field: string; label: string }> {
  const labels = new Map(startForm(plan).map((field) => [field.key, field.label]));
  return seen.map((field) => ({ field, label: labels.get(field) ?? field }));
}
