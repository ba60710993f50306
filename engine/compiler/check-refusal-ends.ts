import type { PlanScope } from '../plan/procedure-plan.js';
import { indexScope } from '../plan/scope-index.js';
import type { CompileContext } from './compile-context.js';

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A refusal must end as one: a branch taken on a refusal outcome (`ketQua = "tu-choi"`) that reaches a
 * plain end event would finish the dossier as "result returned", tell the citizen so and count it
 * early or late. The end it reaches should be an error end coded `refused`.
 */
export function checkRefusalEnds(context: CompileContext, scope: PlanScope): void {
  const index = indexScope(scope);
  for (const task of scope.nodes) {
    if (task.type !== 'userTask' || !task.outcomeVariable) continue;
    for (const refusal of task.outcomes?.filter((outcome) => outcome.kind === 'refusal') ?? []) {
      const taken = new RegExp(`\\b${escaped(task.outcomeVariable)}\\s*=\\s*"${escaped(refusal.value)}"`);
      const seen = new Set<string>();
      const pending = scope.flows.filter((flow) => flow.condition !== undefined && taken.test(flow.condition)).map((flow) => flow.target);
      while (pending.length > 0) {
        const id = pending.pop()!;
        if (seen.has(id)) continue;
        seen.add(id);
        const node = index.node.get(id);
        if (node?.type === 'endEvent' && node.result.kind === 'none') context.report('refusal-ends-as-result', id, { outcome: refusal.label });
        for (const flow of scope.flows) if (flow.source === id) pending.push(flow.target);
      }
    }
  }
}
