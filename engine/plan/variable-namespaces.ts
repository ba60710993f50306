import { feeStepAtSubmission } from './fee-at-submission.js';
import type { PlanNodeOf, ProcedurePlan } from './procedure-plan.js';
import { allScopes } from './scope-index.js';

type UserTaskNode = PlanNodeOf<'userTask'>;
type FormField = Extract<UserTaskNode['form'], { fields: unknown }>['fields'][number];

/**
 * The user tasks a dossier reaches first: where the one-stop office checks what the citizen sent.
 * A fee paid at submission comes before them: the citizen's form is still theirs.
 */
function receiptSteps(plan: ProcedurePlan): UserTaskNode[] {
  const nodes = new Map(plan.process.nodes.map((node) => [node.id, node]));
  const targets = new Map(plan.process.flows.map((flow) => [flow.id, flow.target]));
  const fee = feeStepAtSubmission(plan);
  return plan.process.nodes
    .filter((node) => node.type === 'startEvent' || node === fee)
    .flatMap((first) => first.outgoing.map((flow) => nodes.get(targets.get(flow)!)))
    .filter((node): node is UserTaskNode => node?.type === 'userTask');
}

const fieldsOf = (step: UserTaskNode): FormField[] => ('fields' in step.form ? step.form.fields : []);

/** What a citizen fills in online: the receipt step's fields. */
export function startForm(plan: ProcedurePlan): FormField[] {
  return receiptSteps(plan).flatMap(fieldsOf);
}

/**
 * Who may set each dossier variable. The citizen's input is the start form (the receipt step's
 * fields, which the one-stop officer checks and may correct). Every other variable a user task's
 * completion writes is that step's output: its form fields, its outcome variable and its answers
 * kept under its element id; the last two are its decision, which no other step writes.
 */
export interface VariableNamespaces {
  citizenInput: ReadonlySet<string>;
  /** Per user task (element id): the variables it writes that the citizen may not. */
  stepOutputs: ReadonlyMap<string, ReadonlySet<string>>;
  /** Per user task: its decision (its element id, and its outcome variable when it has outcomes). */
  decisions: ReadonlyMap<string, ReadonlySet<string>>;
}

export function variableNamespaces(plan: ProcedurePlan): VariableNamespaces {
  const citizenInput = new Set(startForm(plan).map((field) => field.key));
  const stepOutputs = new Map<string, Set<string>>();
  const decisions = new Map<string, Set<string>>();
  for (const scope of allScopes(plan.process)) {
    for (const node of scope.nodes) {
      if (node.type !== 'userTask') continue;
      const decision = new Set([node.id, ...(node.outcomes ? [node.outcomeVariable ?? 'outcome'] : [])]);
      decisions.set(node.id, decision);
      stepOutputs.set(node.id, new Set([...fieldsOf(node).map((field) => field.key), ...decision].filter((key) => !citizenInput.has(key))));
    }
  }
  return { citizenInput, stepOutputs, decisions };
}

/** The step (element id) that owns `key` as its output, if a staff step does. */
export function stepOwning(namespaces: VariableNamespaces, key: string): string | undefined {
  for (const [step, outputs] of namespaces.stepOutputs) if (outputs.has(key)) return step;
  return undefined;
}

/** Problems of a task's form data that would write another step's decision, as `field: problem`. */
export function decisionProblems(namespaces: VariableNamespaces, elementId: string, formData: Record<string, unknown>): string[] {
  const own = namespaces.decisions.get(elementId) ?? new Set<string>();
  const problems: string[] = [];
  for (const key of Object.keys(formData)) {
    if (own.has(key)) continue;
    for (const [step, decision] of namespaces.decisions) if (step !== elementId && decision.has(key)) problems.push(`${key}: decided by step ${step}`);
  }
  return problems;
}
