import { missingOutcomeFields } from '../../engine/plan/outcome-fields.js';
import type { TaskDocument } from '../../store/tasks/task-model.js';
import { Problem } from '../http/problem.js';

/**
 * Refuses, before the workflow is asked, a completion whose chosen outcome lacks a field it requires:
 * a refusal without its written reason, a supplementation request without its documents or reason.
 */
export function requireOutcomeFields(task: Pick<TaskDocument, 'outcomes'>, outcome: string | undefined, formData: Record<string, unknown>): void {
  // A step without outcomes is stored without the field.
  const missing = missingOutcomeFields(task.outcomes ?? [], outcome, formData);
  if (missing.length === 0) return;
  throw new Problem(
    400,
    'outcome-fields-required',
    `outcome ${outcome} requires ${missing.join(', ')}`,
    missing.map((key) => ({ path: `formData.${key}`, message: `${key}: required for outcome ${outcome}` })),
  );
}
