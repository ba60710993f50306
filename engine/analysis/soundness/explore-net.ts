import type { NetNode, TokenNet } from './token-net.js';

export type DefectKind = 'deadlock' | 'lack-of-synchronization' | 'livelock';

export interface Defect {
  kind: DefectKind;
  /** Net nodes involved: the stuck join, the node putting a second token on a flow, the nodes of an endless cycle. */
  nodes: number[];
}

export interface Exploration {
  /** False when the state budget ran out before every reachable state was seen. */
  complete: boolean;
  states: number;
  transitions: number;
  defects: Defect[];
}

/**
 * Explores every reachable state of a token net, at most one token per flow: a node putting a
 * second token on a flow is lack of synchronisation, and that state is not explored further (the
 * bound). A reachable state with tokens and nothing able to fire is a deadlock; states that can
 * reach neither the empty state nor a deadlock are caught in an endless cycle (livelock).
 */
export function exploreTokenNet(net: TokenNet, maxStates: number): Exploration {
  const placeCount = net.places.length;
  const hosts = net.nodes.map((node, at) => (node.kind === 'host' ? at : -1)).filter((at) => at >= 0);
  const boundaries = net.nodes.map((node, at) => (node.kind === 'boundary' ? at : -1)).filter((at) => at >= 0);
  const activeSlot = new Map(hosts.map((host, at) => [host, placeCount + at]));
  const firedSlot = new Map(boundaries.map((boundary, at) => [boundary, placeCount + hosts.length + at]));
  const width = placeCount + hosts.length + boundaries.length;
  const upstream = inclusiveJoinUpstream(net);
  const choices = net.nodes.map((node) => (node.kind === 'or' ? inclusiveChoices(node) : []));
  const activeHosts = [...activeSlot];

  const keys = new Map<string, number>();
  const states: Uint8Array[] = [];
  const edges: Array<Array<[state: number, node: number]>> = [];
  const defects: Defect[] = [];
  const unsafeNodes = new Set<number>();
  const deadlockKeys = new Set<string>();
  let transitions = 0;
  let complete = true;

  const keyOf = (state: Uint8Array) => String.fromCharCode(...state);
  const add = (state: Uint8Array): number => {
    const key = keyOf(state);
    const known = keys.get(key);
    if (known !== undefined) return known;
    if (states.length >= maxStates) {
      complete = false;
      return -1;
    }
    keys.set(key, states.length);
    states.push(state);
    edges.push([]);
    return states.length - 1;
  };

  const initial = new Uint8Array(width);
  for (const node of net.nodes) if (node.kind === 'start') for (const place of node.outputs) initial[place] = 1;
  add(initial);

  for (let current = 0; current < states.length && complete; current += 1) {
    const state = states[current]!;
    let fired = false;
    const emit = (node: number, next: Uint8Array | 'unsafe') => {
      fired = true;
      transitions += 1;
      if (next === 'unsafe') {
        if (!unsafeNodes.has(node)) {
          unsafeNodes.add(node);
          defects.push({ kind: 'lack-of-synchronization', nodes: [node] });
        }
        return;
      }
      const target = add(next);
      if (target >= 0) edges[current]!.push([target, node]);
    };
    const produce = (next: Uint8Array, outputs: readonly number[]): boolean => {
      for (const place of outputs) {
        if (next[place]) return false;
        next[place] = 1;
      }
      return true;
    };
    const move = (node: number, consumed: readonly number[], produced: readonly number[], clear: readonly number[] = []) => {
      const next = state.slice();
      for (const place of consumed) next[place] = 0;
      for (const slot of clear) next[slot] = 0;
      emit(node, produce(next, produced) ? next : 'unsafe');
    };

    for (let at = 0; at < net.nodes.length; at += 1) {
      const node = net.nodes[at]!;
      const marked = node.inputs.filter((place) => state[place]);
      switch (node.kind) {
        case 'end':
          for (const place of marked) move(at, [place], []);
          break;
        case 'terminate':
          if (marked.length > 0) emit(at, new Uint8Array(width));
          break;
        case 'task':
          for (const place of marked) move(at, [place], node.outputs);
          break;
        case 'xor':
          for (const place of marked) for (const output of node.outputs) move(at, [place], [output]);
          break;
        case 'and':
          if (marked.length === node.inputs.length && marked.length > 0) move(at, node.inputs, node.outputs);
          break;
        case 'or':
          if (marked.length > 0 && inclusiveJoinMayFire(net, node, at, state, upstream, activeHosts)) {
            for (const outputs of choices[at]!) move(at, marked, outputs);
          }
          break;
        case 'host':
          fireHost(at, node, marked);
          break;
        default:
          break;
      }
    }
    if (!fired && state.some(Boolean)) {
      const stuck = net.nodes.flatMap((node, at) => (node.inputs.some((place) => state[place]) ? [at] : []));
      const key = stuck.join(',');
      if (!deadlockKeys.has(key)) {
        deadlockKeys.add(key);
        defects.push({ kind: 'deadlock', nodes: stuck });
      }
    }

    function fireHost(at: number, node: NetNode, marked: number[]) {
      const active = activeSlot.get(at)!;
      const flags = (node.boundaries ?? []).map((boundary) => firedSlot.get(boundary)!);
      for (const place of marked) {
        if (state[active]) emit(at, 'unsafe');
        else move(at, [place], [active]);
      }
      if (!state[active]) return;
      move(at, [active], node.outputs, flags);
      for (const boundary of node.boundaries ?? []) {
        const boundaryNode = net.nodes[boundary]!;
        const flag = firedSlot.get(boundary)!;
        if (boundaryNode.interrupting) move(boundary, [active], boundaryNode.outputs, flags);
        else if (!state[flag]) move(boundary, [], [flag, ...boundaryNode.outputs]);
      }
    }
  }

  if (complete && unsafeNodes.size === 0) {
    const livelock = endlessCycleNodes(states, edges);
    if (livelock.length > 0) defects.push({ kind: 'livelock', nodes: livelock });
  }
  return { complete, states: states.length, transitions, defects };
}

/** Nodes firing among states that can reach neither the empty state nor a deadlock. */
function endlessCycleNodes(states: Uint8Array[], edges: Array<Array<[number, number]>>): number[] {
  const predecessors = states.map(() => [] as number[]);
  edges.forEach((list, from) => list.forEach(([to]) => predecessors[to]!.push(from)));
  const escapes = new Uint8Array(states.length);
  const queue: number[] = [];
  states.forEach((_, at) => {
    if (edges[at]!.length === 0) {
      escapes[at] = 1;
      queue.push(at);
    }
  });
  while (queue.length > 0) {
    for (const previous of predecessors[queue.pop()!]!) {
      if (!escapes[previous]) {
        escapes[previous] = 1;
        queue.push(previous);
      }
    }
  }
  const nodes = new Set<number>();
  edges.forEach((list, from) => {
    if (!escapes[from]) for (const [to, node] of list) if (!escapes[to]) nodes.add(node);
  });
  return [...nodes].sort((a, b) => a - b);
}

/** Inclusive split outcomes: every non-empty set of conditional flows, or the default flow alone. */
function inclusiveChoices(node: NetNode): number[][] {
  const conditional = node.outputs.filter((place) => place !== node.defaultOutput);
  const choices: number[][] = [];
  for (let mask = 1; mask < 1 << conditional.length; mask += 1) choices.push(conditional.filter((_, bit) => mask & (1 << bit)));
  if (node.defaultOutput !== undefined) choices.push([node.defaultOutput]);
  return choices;
}

/**
 * For each inclusive gateway and each of its incoming flows: the nodes from which a token could
 * still reach that flow without passing through the gateway (BPMN's inclusive-join rule).
 */
function inclusiveJoinUpstream(net: TokenNet): Map<number, Map<number, Uint8Array>> {
  const predecessors = net.nodes.map(() => [] as number[]);
  for (const place of net.places) predecessors[place.target]!.push(place.source);
  net.nodes.forEach((node, at) => {
    if (node.kind === 'boundary' && node.host !== undefined) predecessors[at]!.push(node.host);
  });
  const upstream = new Map<number, Map<number, Uint8Array>>();
  net.nodes.forEach((node, at) => {
    if (node.kind !== 'or') return;
    const perInput = new Map<number, Uint8Array>();
    for (const input of node.inputs) {
      const seen = new Uint8Array(net.nodes.length);
      const queue = [net.places[input]!.source];
      while (queue.length > 0) {
        const current = queue.pop()!;
        if (current === at || seen[current]) continue;
        seen[current] = 1;
        queue.push(...predecessors[current]!);
      }
      perInput.set(input, seen);
    }
    upstream.set(at, perInput);
  });
  return upstream;
}

function inclusiveJoinMayFire(
  net: TokenNet,
  node: NetNode,
  at: number,
  state: Uint8Array,
  upstream: Map<number, Map<number, Uint8Array>>,
  activeHosts: ReadonlyArray<[host: number, slot: number]>,
): boolean {
  const perInput = upstream.get(at)!;
  return node.inputs.every((input) => {
    if (state[input]) return true;
    const from = perInput.get(input)!;
    const tokenOnTheWay = net.places.some((place, index) => state[index] === 1 && from[place.target] === 1);
    const activeOnTheWay = activeHosts.some(([host, slot]) => state[slot] === 1 && from[host] === 1);
    return !tokenOnTheWay && !activeOnTheWay;
  });
}
