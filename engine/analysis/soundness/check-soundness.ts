import type { PlanScope } from '../../plan/procedure-plan.js';
import { allScopes } from '../../plan/scope-index.js';
import { exploreTokenNet, type DefectKind } from './explore-net.js';
import { reduceTokenNet } from './reduce-net.js';
import { buildTokenNet } from './token-net.js';

/** States explored per scope before giving up with an inconclusive verdict. */
export const DEFAULT_MAX_STATES = 50_000;

export type SoundnessVerdict = 'sound' | 'unsound' | 'inconclusive' | 'not-checked';

export interface SoundnessFinding {
  kind: DefectKind;
  scopeId: string;
  elementId: string;
  relatedElementIds: string[];
}

export interface ScopeSoundness {
  scopeId: string;
  verdict: SoundnessVerdict;
  /** Nodes of the scope's token net before and after reduction. */
  nodes: number;
  reducedNodes: number;
  states: number;
  transitions: number;
}

export interface SoundnessReport {
  verdict: SoundnessVerdict;
  maxStates: number;
  scopes: ScopeSoundness[];
  findings: SoundnessFinding[];
}

function checkScope(scope: PlanScope, maxStates: number): { summary: ScopeSoundness; findings: SoundnessFinding[] } {
  const net = buildTokenNet(scope);
  const reduced = reduceTokenNet(net);
  const exploration = exploreTokenNet(reduced, maxStates);
  const findings = exploration.defects.map(({ kind, nodes }) => {
    const ids = [...new Set(nodes.flatMap((node) => (kind === 'livelock' ? [reduced.nodes[node]!.id, ...reduced.nodes[node]!.absorbed] : [reduced.nodes[node]!.id])))];
    const flowIds = new Set(scope.flows.map((flow) => flow.id));
    const elements = ids.filter((id) => !flowIds.has(id));
    return { kind, scopeId: scope.id, elementId: elements[0] ?? ids[0]!, relatedElementIds: elements.slice(1) };
  });
  const verdict: SoundnessVerdict = findings.length > 0 ? 'unsound' : exploration.complete ? 'sound' : 'inconclusive';
  return {
    summary: {
      scopeId: scope.id,
      verdict,
      nodes: net.nodes.length,
      reducedNodes: reduced.nodes.length,
      states: exploration.states,
      transitions: exploration.transitions,
    },
    findings,
  };
}

const precedence: SoundnessVerdict[] = ['unsound', 'inconclusive', 'not-checked', 'sound'];

/**
 * Decides soundness scope by scope (the process, then each subprocess as its own scope) by
 * exploring the reduced token net's state space. Scopes listed in `skip` (they already have
 * structural errors, which would only echo here) are reported as not checked.
 */
export function checkSoundness(process: PlanScope, skip: ReadonlySet<string>, maxStates = DEFAULT_MAX_STATES): SoundnessReport {
  const scopes: ScopeSoundness[] = [];
  const findings: SoundnessFinding[] = [];
  for (const scope of allScopes(process)) {
    if (skip.has(scope.id)) {
      scopes.push({ scopeId: scope.id, verdict: 'not-checked', nodes: scope.nodes.length, reducedNodes: 0, states: 0, transitions: 0 });
      continue;
    }
    const checked = checkScope(scope, maxStates);
    scopes.push(checked.summary);
    findings.push(...checked.findings);
  }
  const verdict = precedence.find((candidate) => scopes.some((scope) => scope.verdict === candidate)) ?? 'sound';
  return { verdict, maxStates, scopes, findings };
}
