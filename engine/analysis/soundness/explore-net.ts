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
 * A state is the sorted list of its marked slots: the places (flows) holding a token, then one slot
 * per host telling it is active and one per boundary event telling it fired during this activation.
 * A dossier holds few tokens at a time, so a state costs what it holds, not the size of the net.
 */
type State = readonly number[];

interface Slots {
  active: Map<number, number>;
  fired: Map<number, number>;
  /** Host of each active slot, for the inclusive-join rule. */
  hostOfSlot: Map<number, number>;
}

function slotsOf(net: TokenNet): Slots {
  const active = new Map<number, number>();
  const fired = new Map<number, number>();
  let next = net.places.length;
  net.nodes.forEach((node, at) => node.kind === 'host' && active.set(at, next++));
  net.nodes.forEach((node, at) => node.kind === 'boundary' && fired.set(at, next++));
  return { active, fired, hostOfSlot: new Map([...active].map(([host, slot]) => [slot, host])) };
}

/**
 * Explores every reachable state of a token net, at most one token per flow: a node putting a
 * second token on a flow (or entering an activity still running) is lack of synchronisation, and
 * that state is not explored further (the bound). A reachable state with tokens and nothing able to
 * fire is a deadlock; states that can reach neither the empty state nor a deadlock are caught in an
 * endless cycle (livelock). At most `maxStates` states are explored.
 */
export function exploreTokenNet(net: TokenNet, maxStates: number): Exploration {
  const slots = slotsOf(net);
  const upstream = inclusiveJoinUpstream(net);
  const choices = net.nodes.map((node) => (node.kind === 'or' ? inclusiveChoices(node) : []));
  const placeCount = net.places.length;

  const keys = new Map<string, number>();
  const states: State[] = [];
  const edges: Array<Array<[state: number, node: number]>> = [];
  const defects: Defect[] = [];
  const unsafeNodes = new Set<number>();
  const deadlockKeys = new Set<string>();
  let transitions = 0;
  let complete = true;

  const add = (state: State): number => {
    const key = state.join(',');
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

  const initial = net.nodes.flatMap((node) => (node.kind === 'start' ? node.outputs : []));
  add([...new Set(initial)].sort((a, b) => a - b));

  for (let current = 0; current < states.length && complete; current += 1) {
    const state = states[current]!;
    const marked = new Set(state);
    let fired = false;

    const emit = (node: number, next: State | 'unsafe') => {
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
    /** Consumes, clears, then produces: a token put on a flow still holding one is the bound's overflow. */
    const move = (node: number, consumed: readonly number[], produced: readonly number[], clear: readonly number[] = []) => {
      const next = state.filter((slot) => !consumed.includes(slot) && !clear.includes(slot));
      for (const slot of produced) {
        if (next.includes(slot)) return emit(node, 'unsafe');
        next.push(slot);
      }
      emit(node, next.sort((a, b) => a - b));
    };

    const candidates = new Set<number>();
    for (const slot of state) {
      if (slot < placeCount) candidates.add(net.places[slot]!.target);
      else if (slots.hostOfSlot.has(slot)) candidates.add(slots.hostOfSlot.get(slot)!);
    }
    for (const at of [...candidates].sort((a, b) => a - b)) {
      const node = net.nodes[at]!;
      const tokens = node.inputs.filter((place) => marked.has(place));
      switch (node.kind) {
        case 'end':
          for (const place of tokens) move(at, [place], []);
          break;
        case 'terminate':
          if (tokens.length > 0) emit(at, []);
          break;
        case 'task':
          for (const place of tokens) move(at, [place], node.outputs);
          break;
        case 'xor':
          for (const place of tokens) for (const output of node.outputs) move(at, [place], [output]);
          break;
        case 'and':
          if (tokens.length === node.inputs.length) move(at, node.inputs, node.outputs);
          break;
        case 'or':
          if (tokens.length > 0 && inclusiveJoinMayFire(net, node, at, state, upstream, slots)) {
            for (const outputs of choices[at]!) move(at, tokens, outputs);
          }
          break;
        case 'host':
          fireHost(at, node, tokens);
          break;
        default:
          break;
      }
    }
    if (!fired && state.length > 0) {
      const stuck = [...candidates].filter((at) => net.nodes[at]!.inputs.some((place) => marked.has(place))).sort((a, b) => a - b);
      const key = stuck.join(',');
      if (!deadlockKeys.has(key)) {
        deadlockKeys.add(key);
        defects.push({ kind: 'deadlock', nodes: stuck });
      }
    }

    function fireHost(at: number, node: NetNode, tokens: number[]) {
      const active = slots.active.get(at)!;
      const flags = (node.boundaries ?? []).map((boundary) => slots.fired.get(boundary)!);
      for (const place of tokens) move(at, [place], [active]);
      if (!marked.has(active)) return;
      move(at, [active], node.outputs, flags);
      for (const boundary of node.boundaries ?? []) {
        const boundaryNode = net.nodes[boundary]!;
        const flag = slots.fired.get(boundary)!;
        if (boundaryNode.interrupting) move(boundary, [active], boundaryNode.outputs, flags);
        else if (!marked.has(flag)) move(boundary, [], [flag, ...boundaryNode.outputs]);
      }
    }
  }

  if (complete && unsafeNodes.size === 0) {
    const livelock = endlessCycleNodes(states.length, edges);
    if (livelock.length > 0) defects.push({ kind: 'livelock', nodes: livelock });
  }
  return { complete, states: states.length, transitions, defects };
}

/** Nodes firing among states that can reach neither the empty state nor a deadlock. */
function endlessCycleNodes(count: number, edges: Array<Array<[number, number]>>): number[] {
  const predecessors = Array.from({ length: count }, () => [] as number[]);
  edges.forEach((list, from) => list.forEach(([to]) => predecessors[to]!.push(from)));
  const escapes = new Uint8Array(count);
  const queue: number[] = [];
  for (let state = 0; state < count; state += 1) {
    if (edges[state]!.length === 0) {
      escapes[state] = 1;
      queue.push(state);
    }
  }
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

/** An inclusive join fires once no token elsewhere can still reach one of its empty incoming flows. */
function inclusiveJoinMayFire(net: TokenNet, node: NetNode, at: number, state: State, upstream: Map<number, Map<number, Uint8Array>>, slots: Slots): boolean {
  const perInput = upstream.get(at)!;
  return node.inputs.every((input) => {
    if (state.includes(input)) return true;
    const from = perInput.get(input)!;
    return !state.some((slot) => {
      const holder = slot < net.places.length ? net.places[slot]!.target : slots.hostOfSlot.get(slot);
      return holder !== undefined && from[holder] === 1;
    });
  });
}
