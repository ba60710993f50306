import type { PlanNodeOf, ProcedurePlan } from './procedure-plan.js';

type ServiceTaskNode = PlanNodeOf<'serviceTask'>;

/** What the catalogue tells a citizen of the fee due when submitting. */
export interface FeeAtSubmission {
  /** VND, when the model states it as a number (not computed from the form). */
  amount: number | null;
  /** The fee rule "hoàn phí khi từ chối", when the model states it as `true`. */
  refundOnRefusal: boolean;
}

function atSubmission(plan: ProcedurePlan): ServiceTaskNode[] {
  const nodes = new Map(plan.process.nodes.map((node) => [node.id, node]));
  const targets = new Map(plan.process.flows.map((flow) => [flow.id, flow.target]));
  return plan.process.nodes
    .filter((node) => node.type === 'startEvent')
    .flatMap((start) => start.outgoing.map((flow) => nodes.get(targets.get(flow)!)))
    .filter((node): node is ServiceTaskNode => node?.type === 'serviceTask' && node.activityType === 'thu-phi');
}

/**
 * The fee step a dossier runs first: a `thu-phi` service task the start event leads straight to, so
 * the citizen pays at submission (the workflow opens the payment as it starts). Undefined when the
 * procedure charges later or not at all.
 */
export function feeStepAtSubmission(plan: ProcedurePlan): ServiceTaskNode | undefined {
  return atSubmission(plan)[0];
}

export function feeAtSubmission(plan: ProcedurePlan): FeeAtSubmission | null {
  const step = feeStepAtSubmission(plan);
  if (!step) return null;
  const expression = (target: string) => step.input.find((mapping) => mapping.target === target)?.expression.trim();
  const amount = Number(expression('amount'));
  return { amount: Number.isFinite(amount) && amount > 0 ? amount : null, refundOnRefusal: expression('refundOnRefusal') === 'true' };
}
