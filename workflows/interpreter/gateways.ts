import type { PlanFlow, PlanNode } from '../../engine/plan/procedure-plan.js';
import type { Variables } from '../contract.js';
import { feelConditionHolds } from './feel.js';

/** The model let a token reach a point with no way on; Temporal shows the failed workflow task. */
export class IncidentError extends Error {
  override name = 'IncidentError';
}

function outgoingFlows(node: PlanNode, flows: Map<string, PlanFlow>): PlanFlow[] {
  return node.outgoing.map((flowId) => flows.get(flowId)!);
}

function isDefault(node: PlanNode, flow: PlanFlow): boolean {
  return 'default' in node && node.default === flow.id;
}

/** Exclusive gateway: the first flow (in model order) whose condition holds, else the default. */
export function chooseExclusive(node: PlanNode, flows: Map<string, PlanFlow>, variables: Variables): PlanFlow[] {
  const candidates = outgoingFlows(node, flows);
  if (candidates.length === 1 && !candidates[0]!.condition) return candidates;
  const chosen = candidates.find((flow) => !isDefault(node, flow) && flow.condition !== undefined && feelConditionHolds(flow.condition, variables));
  if (chosen) return [chosen];
  const fallback = candidates.find((flow) => isDefault(node, flow));
  if (fallback) return [fallback];
  throw new IncidentError(`exclusive gateway ${node.id}: no condition holds and there is no default flow`);
}

/** Inclusive gateway: every flow whose condition holds (or has none), else the default. */
export function chooseInclusive(node: PlanNode, flows: Map<string, PlanFlow>, variables: Variables): PlanFlow[] {
  const candidates = outgoingFlows(node, flows);
  const chosen = candidates.filter((flow) => !isDefault(node, flow) && (flow.condition === undefined || feelConditionHolds(flow.condition, variables)));
  if (chosen.length > 0) return chosen;
  const fallback = candidates.find((flow) => isDefault(node, flow));
  if (fallback) return [fallback];
  throw new IncidentError(`inclusive gateway ${node.id}: no condition holds and there is no default flow`);
}

/**
 * Leaving an activity or event: flows without a condition are always taken, conditional ones when
 * their condition holds, the default only when no conditional one does.
 */
export function chooseUncontrolled(node: PlanNode, flows: Map<string, PlanFlow>, variables: Variables): PlanFlow[] {
  const candidates = outgoingFlows(node, flows);
  const unconditional = candidates.filter((flow) => flow.condition === undefined && !isDefault(node, flow));
  const conditional = candidates.filter((flow) => flow.condition !== undefined && feelConditionHolds(flow.condition, variables));
  const fallback = conditional.length === 0 ? candidates.filter((flow) => isDefault(node, flow)) : [];
  return [...unconditional, ...conditional, ...fallback];
}
