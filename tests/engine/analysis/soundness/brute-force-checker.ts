import type { PlanNode, PlanScope } from '../../../../engine/plan/procedure-plan.js';

/**
 * The reference the soundness check is tested against: BPMN's token game played literally on the
 * plan scope — no net, no reductions, markings as maps, every interleaving — and the three defects
 * read off by their definitions over the complete state space.
 */
export interface Verdict {
  /** Some reachable marking puts two tokens on one flow (or enters an activity still running). */
  lackOfSynchronization: boolean;
  /** Some reachable marking holds tokens and lets nothing fire. */
  deadlock: boolean;
  /** Some reachable marking can reach neither the end nor a deadlock (decided only without lack of synchronisation). */
  livelock: boolean;
}

type Marking = Map<string, number>;

const key = (marking: Marking) =>
  [...marking]
    .filter(([, count]) => count > 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([place, count]) => `${place}=${count}`)
    .join(',');

const activeOf = (id: string) => `active:${id}`;
const firedOf = (id: string) => `fired:${id}`;

/** The verdict, or null when the scope has more than `maxStates` reachable markings (too big to be a reference). */
export function bruteForceVerdict(scope: PlanScope, maxStates = 2_000): Verdict | null {
  const node = new Map(scope.nodes.map((candidate) => [candidate.id, candidate]));
  const flow = new Map(scope.flows.map((candidate) => [candidate.id, candidate]));
  const hosts = new Set(scope.nodes.flatMap((candidate) => (candidate.type === 'boundaryEvent' ? [candidate.attachedTo] : [])));

  /**
   * Side branches, as the check defines them: a non-interrupting boundary event each of whose flows
   * runs through one-in-one-out steps or gateways to an end event of its own. They are left out of the game.
   */
  const endsAlone = (flowId: string, seen = new Set<string>()): boolean => {
    const target = node.get(flow.get(flowId)!.target)!;
    if (target.incoming.length !== 1 || seen.has(target.id)) return false;
    if (target.type === 'endEvent') return target.result.kind === 'none' || target.result.kind === 'escalation';
    const passesOn = target.type !== 'boundaryEvent' && target.outgoing.length === 1 && !hosts.has(target.id);
    return passesOn && endsAlone(target.outgoing[0]!, seen.add(target.id));
  };
  const sideBranches = new Set(
    scope.nodes.filter((candidate) => candidate.type === 'boundaryEvent' && !candidate.interrupting && candidate.outgoing.every((flowId) => endsAlone(flowId))).map((candidate) => candidate.id),
  );
  const boundariesOf = (host: string) =>
    scope.nodes.filter((candidate) => candidate.type === 'boundaryEvent' && candidate.attachedTo === host && !sideBranches.has(candidate.id));

  /** Can a token at `from` (a node) reach flow `target` without passing `avoid`? Plain depth-first search. */
  const reaches = (from: string, target: string, avoid: string): boolean => {
    const seen = new Set<string>();
    const visit = (current: string): boolean => {
      if (current === avoid || seen.has(current)) return false;
      seen.add(current);
      const here = node.get(current)!;
      if (here.outgoing.includes(target)) return true;
      const next = [...here.outgoing.map((id) => flow.get(id)!.target), ...boundariesOf(current).map((boundary) => boundary.id)];
      return next.some(visit);
    };
    return visit(from);
  };

  const successors = (marking: Marking): Array<Marking | 'unsafe'> => {
    const results: Array<Marking | 'unsafe'> = [];
    const step = (consume: string[], produce: string[], clear: string[] = []) => {
      const next = new Map(marking);
      for (const place of consume) next.set(place, next.get(place)! - 1);
      for (const place of clear) next.delete(place);
      let unsafe = false;
      for (const place of produce) {
        const count = (next.get(place) ?? 0) + 1;
        if (count > 1) unsafe = true;
        next.set(place, count);
      }
      results.push(unsafe ? 'unsafe' : next);
    };
    const marked = (id: string) => (marking.get(id) ?? 0) > 0;
    for (const current of scope.nodes) {
      const tokens = current.incoming.filter(marked);
      switch (current.type) {
        case 'startEvent':
        case 'boundaryEvent':
          break;
        case 'endEvent':
          for (const place of tokens) {
            if (current.result.kind === 'terminate' || current.result.kind === 'error') results.push(new Map());
            else step([place], []);
          }
          break;
        case 'exclusiveGateway':
        case 'eventBasedGateway':
          for (const place of tokens) for (const out of current.outgoing) step([place], [out]);
          break;
        case 'parallelGateway':
          if (tokens.length > 0 && tokens.length === current.incoming.length) step(tokens, current.outgoing);
          break;
        case 'inclusiveGateway': {
          const waiting = current.incoming.filter((id) => !marked(id));
          const holders = [...marking].filter(([, count]) => count > 0).map(([place]) => (place.startsWith('active:') ? place.slice(7) : flow.get(place)?.target));
          const blocked = waiting.some((empty) => holders.some((holder) => holder !== undefined && !holder.startsWith('fired:') && reaches(holder, empty, current.id)));
          if (tokens.length === 0 || blocked) break;
          const conditional = current.outgoing.filter((id) => id !== current.default);
          for (let mask = 1; mask < 1 << conditional.length; mask += 1) step(tokens, conditional.filter((_, bit) => mask & (1 << bit)));
          if (current.default !== undefined) step(tokens, [current.default]);
          break;
        }
        default:
          fireActivity(current, tokens);
      }
    }
    return results;

    function fireActivity(current: PlanNode, tokens: string[]) {
      const boundaries = boundariesOf(current.id);
      if (boundaries.length === 0) {
        for (const place of tokens) step([place], current.outgoing);
        return;
      }
      const active = activeOf(current.id);
      for (const place of tokens) step([place], [active]);
      if (!marked(active)) return;
      const flags = boundaries.map((boundary) => firedOf(boundary.id));
      step([active], current.outgoing, flags);
      for (const boundary of boundaries) {
        if (boundary.type !== 'boundaryEvent') continue;
        if (boundary.interrupting) step([active], boundary.outgoing, flags);
        else if (!marked(firedOf(boundary.id))) step([], [firedOf(boundary.id), ...boundary.outgoing]);
      }
    }
  };

  const initial: Marking = new Map();
  for (const start of scope.nodes) if (start.type === 'startEvent') for (const out of start.outgoing) initial.set(out, 1);
  const states = new Map<string, Marking>([[key(initial), initial]]);
  const edges = new Map<string, string[]>();
  const queue = [initial];
  let lackOfSynchronization = false;
  for (let position = 0; position < queue.length; position += 1) {
    if (states.size > maxStates) return null;
    const marking = queue[position]!;
    const from = key(marking);
    const targets: string[] = [];
    const next = successors(marking);
    for (const successor of next) {
      if (successor === 'unsafe') {
        lackOfSynchronization = true;
        continue;
      }
      const to = key(successor);
      targets.push(to);
      if (!states.has(to)) {
        states.set(to, successor);
        queue.push(successor);
      }
    }
    edges.set(from, next.length === 0 ? [] : targets.length === 0 ? ['(unsafe)'] : targets);
  }

  const isFinal = (id: string) => id === '';
  const dead = [...states.keys()].filter((id) => !isFinal(id) && edges.get(id)!.length === 0);
  const deadlock = dead.length > 0;

  // Fixpoint: states that can reach the end or a deadlock.
  const escapes = new Set<string>([...states.keys()].filter((id) => isFinal(id) || dead.includes(id)));
  let grew = true;
  while (grew) {
    grew = false;
    for (const [id, targets] of edges) {
      if (!escapes.has(id) && targets.some((target) => escapes.has(target))) {
        escapes.add(id);
        grew = true;
      }
    }
  }
  const livelock = !lackOfSynchronization && [...states.keys()].some((id) => !escapes.has(id));
  return { lackOfSynchronization, deadlock, livelock };
}
