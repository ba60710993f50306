import type { PlanScope } from '../../plan/procedure-plan.js';

/**
 * The token game of one scope, as a small net the soundness check reduces and explores.
 *
 * Places are the sequence flows (one source node, one target node each). Nodes fire as BPMN says:
 *   start      its outgoing flows hold the initial tokens
 *   end        takes a token from any incoming flow
 *   terminate  takes a token and ends the scope (terminate and error end events)
 *   task       takes a token from any incoming flow, puts one on every outgoing flow (activities,
 *              catch events, send tasks: BPMN's implicit merge and implicit parallel split)
 *   xor        takes a token from any incoming flow, puts one on a single outgoing flow (exclusive
 *              and event-based gateways; conditions are abstracted to free choice)
 *   and        waits for a token on every incoming flow, puts one on every outgoing flow
 *   or         inclusive join (waits while a token upstream may still reach an empty incoming flow)
 *              and inclusive split (any non-empty set of outgoing flows, or the default alone)
 *   host       an activity with boundary events: entering makes it active; it then completes, or
 *              one of its boundary events fires (interrupting, or non-interrupting once per
 *              activation)
 *   boundary   a boundary event: the source of its outgoing flows when it fires
 * A subprocess or call activity is one task (or host) here; its inside is checked as its own scope.
 */
export type NetNodeKind = 'start' | 'end' | 'terminate' | 'task' | 'xor' | 'and' | 'or' | 'host' | 'boundary';

export interface NetNode {
  id: string;
  kind: NetNodeKind;
  inputs: number[];
  outputs: number[];
  /** Inclusive gateways: the place of the default flow. */
  defaultOutput?: number;
  /** Hosts: their boundary nodes. Boundaries: their host and whether they interrupt it. */
  boundaries?: number[];
  host?: number;
  interrupting?: boolean;
  /** Elements folded into this node by reductions, for reporting. */
  absorbed: string[];
}

export interface NetPlace {
  source: number;
  target: number;
  /** The flows (and elements between them) this place stands for, after reductions. */
  through: string[];
}

export interface TokenNet {
  nodes: NetNode[];
  places: NetPlace[];
}

const kindOf: Record<string, NetNodeKind> = {
  startEvent: 'start',
  exclusiveGateway: 'xor',
  eventBasedGateway: 'xor',
  parallelGateway: 'and',
  inclusiveGateway: 'or',
  boundaryEvent: 'boundary',
};

export function buildTokenNet(scope: PlanScope): TokenNet {
  const hosts = new Set(scope.nodes.flatMap((node) => (node.type === 'boundaryEvent' ? [node.attachedTo] : [])));
  const nodeAt = new Map(scope.nodes.map((node, at) => [node.id, at]));
  const nodes: NetNode[] = scope.nodes.map((node) => {
    let kind = kindOf[node.type] ?? 'task';
    if (node.type === 'endEvent') kind = node.result.kind === 'terminate' || node.result.kind === 'error' ? 'terminate' : 'end';
    if (kind === 'task' && hosts.has(node.id)) kind = 'host';
    return { id: node.id, kind, inputs: [], outputs: [], absorbed: [] };
  });
  const places: NetPlace[] = [];
  const placeOf = new Map<string, number>();
  for (const flow of scope.flows) {
    const source = nodeAt.get(flow.source);
    const target = nodeAt.get(flow.target);
    if (source === undefined || target === undefined) continue;
    placeOf.set(flow.id, places.length);
    nodes[source]!.outputs.push(places.length);
    nodes[target]!.inputs.push(places.length);
    places.push({ source, target, through: [flow.id] });
  }
  scope.nodes.forEach((node, at) => {
    if ((node.type === 'inclusiveGateway' || node.type === 'exclusiveGateway') && node.default !== undefined) {
      nodes[at]!.defaultOutput = placeOf.get(node.default);
    }
    if (node.type === 'boundaryEvent') {
      const host = nodeAt.get(node.attachedTo);
      if (host === undefined) return;
      nodes[at]!.host = host;
      nodes[at]!.interrupting = node.interrupting;
      (nodes[host]!.boundaries ??= []).push(at);
    }
  });
  return { nodes, places };
}
