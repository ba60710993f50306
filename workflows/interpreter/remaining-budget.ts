import { parseLegalDuration } from '../../engine/duration/legal-duration.js';
import type { PlanNode, PlanScope } from '../../engine/plan/procedure-plan.js';

const hourMs = 3_600_000;
/** The national calendar's working day: two sessions of four hours. */
export const workingDayMs = 8 * hourMs;

function stepBudgetMs(node: PlanNode): number {
  if (!('deadline' in node) || node.deadline === undefined) return 0;
  const duration = parseLegalDuration(node.deadline);
  switch (duration.unit) {
    case 'working-days':
      return duration.amount * workingDayMs;
    case 'working-hours':
      return duration.amount * hourMs;
    case 'working-minutes':
      return duration.amount * 60_000;
    default:
      // Calendar days and plain hours do not convert to working time; they do not count here.
      return 0;
  }
}

/**
 * The working time the rest of the procedure may still take after `nodeId`: step deadlines summed
 * along the longest path from its successors to an end, each loop counted once. Used to tell
 * whether an overdue step makes the whole dossier late.
 */
export function remainingBudgetMs(scope: PlanScope, nodeId: string): number {
  const nodes = new Map(scope.nodes.map((node) => [node.id, node]));
  const targets = new Map(scope.flows.map((flow) => [flow.id, flow.target]));
  const memo = new Map<string, number>();
  const onPath = new Set<string>();

  const longestFrom = (id: string): number => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const node = nodes.get(id);
    if (!node || onPath.has(id)) return 0;
    onPath.add(id);
    const after = Math.max(0, ...node.outgoing.map((flowId) => longestFrom(targets.get(flowId)!)));
    onPath.delete(id);
    const total = stepBudgetMs(node) + after;
    memo.set(id, total);
    return total;
  };

  const node = nodes.get(nodeId);
  if (!node) return 0;
  return Math.max(0, ...node.outgoing.map((flowId) => longestFrom(targets.get(flowId)!)));
}
