import type { PlanFlow, PlanNode, PlanNodeOf, PlanScope } from './procedure-plan.js';

/** Lookups over one scope that the checks, the analyses and the interpreter all need. */
export interface ScopeIndex {
  scope: PlanScope;
  node: ReadonlyMap<string, PlanNode>;
  flow: ReadonlyMap<string, PlanFlow>;
  /** Boundary events by the activity they are attached to, in document order. */
  boundaries: ReadonlyMap<string, PlanNodeOf<'boundaryEvent'>[]>;
}

export function indexScope(scope: PlanScope): ScopeIndex {
  const boundaries = new Map<string, PlanNodeOf<'boundaryEvent'>[]>();
  for (const node of scope.nodes) {
    if (node.type !== 'boundaryEvent') continue;
    const attached = boundaries.get(node.attachedTo) ?? [];
    attached.push(node);
    boundaries.set(node.attachedTo, attached);
  }
  return {
    scope,
    node: new Map(scope.nodes.map((node) => [node.id, node])),
    flow: new Map(scope.flows.map((flow) => [flow.id, flow])),
    boundaries,
  };
}

/** Every scope of a plan: the process and its subprocesses, outermost first. */
export function allScopes(scope: PlanScope): PlanScope[] {
  const scopes = [scope];
  for (let index = 0; index < scopes.length; index += 1) {
    for (const node of scopes[index]!.nodes) if (node.type === 'subProcess') scopes.push(node.scope);
  }
  return scopes;
}
