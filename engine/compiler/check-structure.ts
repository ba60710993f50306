import { stronglyConnectedComponents } from '../analysis/graph/strongly-connected.js';
import { isActivity, type PlanNode, type PlanScope } from '../plan/procedure-plan.js';
import { indexScope, type ScopeIndex } from '../plan/scope-index.js';
import { MISSING, type CompileContext } from './compile-context.js';

function checkEvents(context: CompileContext, index: ScopeIndex, hasOpaqueRoot: boolean, hasOpaqueSink: boolean): void {
  const { scope } = index;
  const starts = scope.nodes.filter((node) => node.type === 'startEvent');
  if (starts.length === 0 && !hasOpaqueRoot) context.report('missing-start-event', scope.id);
  for (const extra of starts.slice(1)) context.report('multiple-start-events', extra.id);
  if (!scope.nodes.some((node) => node.type === 'endEvent') && !hasOpaqueSink) context.report('missing-end-event', scope.id);
}

function checkConnections(context: CompileContext, index: ScopeIndex): void {
  for (const node of index.scope.nodes) {
    if (node.type === 'startEvent' && node.incoming.length > 0) context.report('invalid-connection', node.id, { problem: 'start-has-incoming' });
    if (node.type === 'endEvent' && node.outgoing.length > 0) context.report('invalid-connection', node.id, { problem: 'end-has-outgoing' });
    if (node.type === 'boundaryEvent') {
      if (node.incoming.length > 0) context.report('invalid-connection', node.id, { problem: 'boundary-has-incoming' });
      const host = index.node.get(node.attachedTo);
      // A host refused as unsupported has its own error; the boundary event on it is not a second one.
      const refusedHost = context.opaqueIds.has(node.attachedTo);
      if (node.attachedTo !== MISSING && !refusedHost && (!host || !isActivity(host))) context.report('invalid-connection', node.id, { problem: 'boundary-host' });
    }
    if (node.type === 'exclusiveGateway' || node.type === 'inclusiveGateway') checkBranching(context, index, node);
    if (node.type === 'eventBasedGateway') checkEventGateway(context, index, node);
  }
  for (const flow of index.scope.flows) {
    if (flow.condition === undefined) continue;
    const source = index.node.get(flow.source);
    if (!source) continue;
    if (source.type === 'parallelGateway' || source.type === 'eventBasedGateway') {
      context.report('invalid-connection', flow.id, { problem: 'condition-after-parallel' });
    } else if (source.type !== 'exclusiveGateway' && source.type !== 'inclusiveGateway') {
      context.report('invalid-connection', flow.id, { problem: 'condition-after-non-gateway' });
    }
  }
}

function checkBranching(context: CompileContext, index: ScopeIndex, gateway: Extract<PlanNode, { default?: string }>): void {
  if (gateway.default !== undefined) {
    if (!gateway.outgoing.includes(gateway.default)) context.report('invalid-connection', gateway.id, { problem: 'default-not-outgoing' });
    else if (index.flow.get(gateway.default)?.condition !== undefined) context.report('invalid-connection', gateway.default, { problem: 'default-with-condition' });
  }
  if (gateway.outgoing.length < 2) return;
  for (const flowId of gateway.outgoing) {
    if (flowId !== gateway.default && index.flow.get(flowId)?.condition === undefined) context.report('missing-condition', flowId);
  }
  // Whether a gateway without a default can leave no way out depends on the data: check-conditions.ts.
}

function checkEventGateway(context: CompileContext, index: ScopeIndex, gateway: PlanNode): void {
  if (gateway.outgoing.length < 2) context.report('invalid-connection', gateway.id, { problem: 'event-gateway-outgoing' });
  for (const flowId of gateway.outgoing) {
    const target = index.node.get(index.flow.get(flowId)!.target);
    const waits = target && (target.type === 'timerCatchEvent' || target.type === 'messageCatchEvent' || target.type === 'receiveTask');
    if (!waits || target.incoming.length !== 1) context.report('invalid-connection', flowId, { problem: 'event-gateway-target' });
  }
}

interface Graph {
  ids: string[];
  position: Map<string, number>;
  successors: number[][];
  /** Successors a node needs for its own way out: its outgoing flows and its interrupting boundary events. */
  exits: number[][];
}

/** The scope as a graph over its nodes, opaque ones included; a boundary event follows its host. */
function graphOf(index: ScopeIndex, opaqueIds: ReadonlySet<string>): Graph {
  const known = new Set(index.scope.nodes.map((node) => node.id));
  for (const flow of index.scope.flows) for (const end of [flow.source, flow.target]) if (opaqueIds.has(end)) known.add(end);
  const ids = [...known];
  const position = new Map(ids.map((id, at) => [id, at]));
  const successors = ids.map(() => [] as number[]);
  const exits = ids.map(() => [] as number[]);
  for (const flow of index.scope.flows) {
    const from = position.get(flow.source);
    const to = position.get(flow.target);
    if (from === undefined || to === undefined) continue;
    successors[from]!.push(to);
    exits[from]!.push(to);
  }
  for (const node of index.scope.nodes) {
    if (node.type !== 'boundaryEvent') continue;
    const host = position.get(node.attachedTo);
    if (host === undefined) continue;
    successors[host]!.push(position.get(node.id)!);
    if (node.interrupting) exits[host]!.push(position.get(node.id)!);
  }
  return { ids, position, successors, exits };
}

function closure(seeds: number[], next: (vertex: number) => readonly number[], count: number): Uint8Array {
  const seen = new Uint8Array(count);
  const queue = [...seeds];
  for (const seed of seeds) seen[seed] = 1;
  while (queue.length > 0) {
    for (const following of next(queue.pop()!)) {
      if (!seen[following]) {
        seen[following] = 1;
        queue.push(following);
      }
    }
  }
  return seen;
}

/** Vertices reachable from each vertex of `region` without leaving it, the vertex itself left out. */
function downstreamWithin(region: readonly number[], inRegion: Uint8Array, successors: readonly number[][], count: number): (vertex: number) => number[] {
  return (vertex) => {
    const seen = closure([vertex], (from) => successors[from]!.filter((next) => inRegion[next]), count);
    return region.filter((other) => other !== vertex && seen[other]);
  };
}

/**
 * Where the part nobody reaches begins: its "first" strongly connected parts. What lies after them
 * is unreachable only because they are, so it is named on them instead of reported again.
 */
function unreachableEntries(graph: Graph, reached: Uint8Array, isOpaque: (vertex: number) => boolean): Array<{ vertex: number; downstream: number[] }> {
  const count = graph.ids.length;
  const region = graph.ids.map((_, vertex) => vertex).filter((vertex) => !reached[vertex] && !isOpaque(vertex));
  const inRegion = new Uint8Array(count);
  for (const vertex of region) inRegion[vertex] = 1;
  const regionSuccessors = (vertex: number) => (inRegion[vertex] ? graph.successors[vertex]!.filter((next) => inRegion[next]) : []);
  const components = stronglyConnectedComponents(count, regionSuccessors).filter((component) => inRegion[component[0]!]);
  const componentOf = new Int32Array(count);
  components.forEach((component, at) => component.forEach((vertex) => (componentOf[vertex] = at)));
  const entered = new Uint8Array(components.length);
  for (const vertex of region) for (const next of regionSuccessors(vertex)) if (componentOf[next] !== componentOf[vertex]) entered[componentOf[next]!] = 1;
  const downstream = downstreamWithin(region, inRegion, graph.successors, count);
  return components
    .filter((_, at) => !entered[at])
    .map((component) => Math.min(...component))
    .map((vertex) => ({ vertex, downstream: downstream(vertex) }));
}

function checkPaths(context: CompileContext, index: ScopeIndex, graph: Graph): void {
  const count = graph.ids.length;
  const isOpaque = (vertex: number) => context.opaqueIds.has(graph.ids[vertex]!);
  const idsOf = (vertices: readonly number[]) => [...vertices].sort((a, b) => a - b).map((vertex) => graph.ids[vertex]!);
  const incomingCount = new Uint16Array(count);
  for (const list of graph.successors) for (const vertex of list) incomingCount[vertex] = Math.min(incomingCount[vertex]! + 1, 65_535);
  const roots = graph.ids
    .map((id, vertex) => ({ node: index.node.get(id), vertex }))
    .filter(({ node, vertex }) => node?.type === 'startEvent' || (isOpaque(vertex) && incomingCount[vertex] === 0))
    .map(({ vertex }) => vertex);
  const reached = closure(roots, (vertex) => graph.successors[vertex]!, count);

  const predecessors = graph.ids.map(() => [] as number[]);
  graph.exits.forEach((list, from) => list.forEach((to) => predecessors[to]!.push(from)));
  const sinks = graph.ids
    .map((id, vertex) => ({ node: index.node.get(id), vertex }))
    .filter(({ node, vertex }) => node?.type === 'endEvent' || (isOpaque(vertex) && graph.exits[vertex]!.length === 0))
    .map(({ vertex }) => vertex);
  const finishing = closure(sinks, (vertex) => predecessors[vertex]!, count);

  // Without a start (or an end) every element would be reported: the missing event says it all.
  const entries = roots.length > 0 ? unreachableEntries(graph, reached, isOpaque) : [];
  const deadEnds: number[] = [];
  if (sinks.length > 0) {
    // Where a dossier gets stuck: the "last" strongly connected parts of the stuck region. A single
    // element there is a dead end; several (or one looping to itself) are a cycle without an exit.
    const stuck = graph.ids.map((_, vertex) => reached[vertex] === 1 && finishing[vertex] === 0 && !isOpaque(vertex));
    const stuckSuccessors = (vertex: number) => (stuck[vertex] ? graph.successors[vertex]!.filter((next) => stuck[next]) : []);
    const components = stronglyConnectedComponents(count, stuckSuccessors).filter((component) => stuck[component[0]!]);
    const componentOf = new Int32Array(count);
    components.forEach((component, at) => component.forEach((vertex) => (componentOf[vertex] = at)));
    for (const component of components) {
      const leadsOn = component.some((vertex) => stuckSuccessors(vertex).some((next) => componentOf[next] !== componentOf[vertex]));
      if (leadsOn) continue;
      const members = idsOf(component);
      const cyclic = component.length > 1 || graph.successors[component[0]!]!.includes(component[0]!);
      if (cyclic) context.report('cycle-without-exit', members[0]!, undefined, { relatedElementIds: members.slice(1) });
      else deadEnds.push(component[0]!);
    }
  }

  // One dead end with nothing leaving it and one entry with nothing entering it: the flow between
  // them is missing (typically just deleted). That is the one finding; the rest follows from it.
  const loose = (vertex: number, side: 'incoming' | 'outgoing') => index.node.get(graph.ids[vertex]!)?.[side].length === 0;
  const looseEnds = deadEnds.filter((vertex) => loose(vertex, 'outgoing'));
  const looseEntries = entries.filter(({ vertex }) => loose(vertex, 'incoming'));
  const gap = looseEnds.length === 1 && looseEntries.length === 1 ? { source: looseEnds[0]!, target: looseEntries[0]! } : null;
  if (gap) {
    const relatedElementIds = [graph.ids[gap.target.vertex]!, ...idsOf(gap.target.downstream)];
    context.report('missing-flow', graph.ids[gap.source]!, undefined, { relatedElementIds });
  }
  for (const entry of entries) {
    if (entry === gap?.target) continue;
    const downstream = idsOf(entry.downstream);
    context.report('unreachable-element', graph.ids[entry.vertex]!, undefined, downstream.length > 0 ? { relatedElementIds: downstream } : undefined);
  }
  for (const vertex of deadEnds) if (vertex !== gap?.source) context.report('no-path-to-end', graph.ids[vertex]!);
}

/**
 * BPMN's structural rules for one scope: one start, at least one end, well-connected events and
 * gateways, conditions where a choice is made, and every element on a path from the start to an
 * end. Behavioural soundness (deadlock, lack of synchronisation) is the state-space analysis's job.
 */
export function checkStructure(context: CompileContext, scope: PlanScope): void {
  const index = indexScope(scope);
  const graph = graphOf(index, context.opaqueIds);
  const opaque = graph.ids.filter((id) => context.opaqueIds.has(id));
  const hasOpaqueRoot = opaque.some((id) => !scope.flows.some((flow) => flow.target === id));
  const hasOpaqueSink = opaque.some((id) => !scope.flows.some((flow) => flow.source === id));
  checkEvents(context, index, hasOpaqueRoot, hasOpaqueSink);
  checkConnections(context, index);
  checkPaths(context, index, graph);
}
