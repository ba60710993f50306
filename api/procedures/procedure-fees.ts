import type { ProcedurePlan } from '../../engine/plan/procedure-plan.js';
import { allScopes } from '../../engine/plan/scope-index.js';

/** VND: the fees and charges a procedure's steps declare, which the catalogue shows and the counter collects. */
export function procedureFees(plan: ProcedurePlan): number {
  return allScopes(plan.process)
    .flatMap((scope) => scope.nodes)
    .reduce((sum, node) => sum + ('complianceCost' in node && node.complianceCost ? node.complianceCost.fees : 0), 0);
}
