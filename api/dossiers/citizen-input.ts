import type { ProcedurePlan } from '../../engine/plan/procedure-plan.js';
import { startForm, stepOwning, variableNamespaces } from '../../engine/plan/variable-namespaces.js';
import { Problem } from '../http/problem.js';

/**
 * Refuses a submission that sets what is not the citizen's to set: its variables and document
 * fields must be fields of the start form; a staff step's answers and decisions are its own.
 */
export function checkSubmissionInput(plan: ProcedurePlan, variables: Record<string, unknown>, documents: Array<string | null>): void {
  const fields = new Map(startForm(plan).map((field) => [field.key, field]));
  const errors = [
    ...Object.keys(variables)
      .filter((key) => !fields.has(key))
      .map((key) => ({ path: `body.variables.${key}`, message: `not a field of the start form${ownerNote(plan, key)}` })),
    ...documents.flatMap((key, index) =>
      key === null || fields.get(key)?.type === 'file' ? [] : [{ path: `body.documents.${index}`, message: `${key} is not a document field of the start form${ownerNote(plan, key)}` }],
    ),
  ];
  if (errors.length > 0) throw new Problem(422, 'not-citizen-input', 'a submission sets only the start form’s fields', errors);
}

/** Refuses a supplement that sets a staff step's answers or decision. */
export function checkSupplementInput(plan: ProcedurePlan, variables: Record<string, unknown>): void {
  const namespaces = variableNamespaces(plan);
  const errors = Object.keys(variables)
    .filter((key) => stepOwning(namespaces, key) !== undefined)
    .map((key) => ({ path: `body.variables.${key}`, message: `not the citizen’s to set${ownerNote(plan, key)}` }));
  if (errors.length > 0) throw new Problem(422, 'not-citizen-input', 'a supplement cannot set what a step answers or decides', errors);
}

function ownerNote(plan: ProcedurePlan, key: string): string {
  const step = stepOwning(variableNamespaces(plan), key);
  return step === undefined ? '' : ` (step ${step} sets it)`;
}
