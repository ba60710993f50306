import type { PlanNodeOf, ProcedurePlan } from './procedure-plan.js';
import { allScopes } from './scope-index.js';

/** One outcome of a user task, as the plan declares it. */
export type PlanOutcome = NonNullable<PlanNodeOf<'userTask'>['outcomes']>[number];

/** The form fields an outcome requires when chosen: the documents to supplement, then the reason. */
export function outcomeRequiredFields(outcome: Pick<PlanOutcome, 'reasonField' | 'documentsField'>): string[] {
  return [outcome.documentsField, outcome.reasonField].filter((key): key is string => key !== undefined);
}

/** The fields that belong to some outcome: the form shows each only when an outcome requiring it is chosen. */
export function outcomeOnlyFields(outcomes: readonly Pick<PlanOutcome, 'reasonField' | 'documentsField'>[]): Set<string> {
  return new Set(outcomes.flatMap(outcomeRequiredFields));
}

function blank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/** The chosen outcome's required fields that the submitted form data leaves empty (whitespace counts as empty). */
export function missingOutcomeFields(outcomes: readonly PlanOutcome[], chosen: string | undefined, formData: Record<string, unknown>): string[] {
  const outcome = outcomes.find((candidate) => candidate.value === chosen);
  return outcome ? outcomeRequiredFields(outcome).filter((key) => blank(formData[key])) : [];
}

/**
 * The written reason of the refusal a dossier's variables record: each completed step keeps its form
 * data and outcome under its element id, so the step whose refusal was chosen holds the reason.
 */
export function refusalReason(plan: Pick<ProcedurePlan, 'process'>, variables: Record<string, unknown>): string | undefined {
  for (const scope of allScopes(plan.process)) {
    for (const node of scope.nodes) {
      if (node.type !== 'userTask') continue;
      const completed = variables[node.id];
      if (typeof completed !== 'object' || completed === null) continue;
      const step = completed as Record<string, unknown>;
      const refusal = node.outcomes?.find((outcome) => outcome.kind === 'refusal' && outcome.value === step.outcome);
      const reason = refusal?.reasonField === undefined ? undefined : step[refusal.reasonField];
      if (typeof reason === 'string' && reason.trim() !== '') return reason.trim();
    }
  }
  return undefined;
}
