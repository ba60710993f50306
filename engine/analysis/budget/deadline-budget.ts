import type { ProcedureRegistry } from '../../plan/procedure-registry.js';
import { parseLegalDuration } from '../../duration/legal-duration.js';
import { isActivity, type PlanNode, type PlanScope, type ProcedurePlan } from '../../plan/procedure-plan.js';
import {
  addTimes,
  compareTimes,
  compareWithLimit,
  familyOf,
  formatLegalTime,
  legalTimeOfText,
  receiptDayAllowance,
  scaleTime,
  ZERO_TIME,
  type LegalTime,
  type LimitVerdict,
  type TimeFamily,
} from './legal-time.js';

export interface BudgetAssumption {
  /**
   * unbounded-rework: a loop without mc:rework maxRounds, counted once.
   * sequential-instances: a sequential multi-instance step, counted as one instance.
   * called-procedure-time: a call activity with no deadline whose procedure's limit is unknown, counted as no time.
   */
  kind: 'unbounded-rework' | 'sequential-instances' | 'called-procedure-time';
  elementId: string;
}

export interface ReworkLoop {
  /** The flow going back. */
  flowId: string;
  rounds: number;
  /** Legal time the extra rounds add. */
  extra: string;
}

export interface SubprocessBudget {
  elementId: string;
  total: string;
  deadline: string;
  verdict: LimitVerdict;
}

export interface DeadlineBudget {
  total: LegalTime;
  /** The total as text: 16WD, 2WD 4WH, P12D + 8WD. */
  text: string;
  /** Elements of the worst path from start to end; an embedded subprocess is followed by its own critical path. */
  criticalPath: string[];
  legalLimit: string | null;
  /** What the limit surely grants: the limit plus the receipt-day allowance (legal-time.ts). */
  capacity: LegalTime | null;
  verdict: LimitVerdict | 'no-limit';
  reworkLoops: ReworkLoop[];
  assumptions: BudgetAssumption[];
  /** Embedded subprocesses with a deadline of their own, against what their inside needs. */
  subprocesses: SubprocessBudget[];
}

interface BudgetSettings {
  family: TimeFamily;
  restartsOnSupplement: boolean;
  procedures: ProcedureRegistry | undefined;
}

interface ScopeBudget {
  total: LegalTime;
  path: string[];
  assumptions: BudgetAssumption[];
  reworkLoops: ReworkLoop[];
  subprocesses: SubprocessBudget[];
}

interface Edge {
  to: number;
  flowId: string | null;
}

const isSupplementationWait = (node: PlanNode) => node.type === 'receiveTask' && node.supplementation;

/** Edges of the scope in document order: its flows, and each host to its boundary events. */
function edgesOf(scope: PlanScope, position: ReadonlyMap<string, number>): Edge[][] {
  const edges = scope.nodes.map(() => [] as Edge[]);
  for (const flow of scope.flows) {
    const from = position.get(flow.source);
    const to = position.get(flow.target);
    if (from !== undefined && to !== undefined) edges[from]!.push({ to, flowId: flow.id });
  }
  scope.nodes.forEach((node, at) => {
    const host = node.type === 'boundaryEvent' ? position.get(node.attachedTo) : undefined;
    if (host !== undefined) edges[host]!.push({ to: at, flowId: null });
  });
  return edges;
}

/** Depth-first from the start events: the flows closing a cycle (back edges) and what was reached. */
function findBackEdges(scope: PlanScope, edges: Edge[][]): { back: Set<string>; reached: Uint8Array } {
  const state = new Uint8Array(scope.nodes.length); // 0 unseen, 1 on the stack, 2 done
  const back = new Set<string>();
  let roots = scope.nodes.flatMap((node, at) => (node.type === 'startEvent' ? [at] : []));
  if (roots.length === 0) roots = scope.nodes.flatMap((node, at) => (node.incoming.length === 0 && node.type !== 'boundaryEvent' ? [at] : []));
  for (const root of roots) {
    if (state[root]) continue;
    const stack: Array<[vertex: number, next: number]> = [[root, 0]];
    state[root] = 1;
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const edge = edges[frame[0]]![frame[1]++];
      if (!edge) {
        state[frame[0]] = 2;
        stack.pop();
      } else if (state[edge.to] === 1) {
        if (edge.flowId) back.add(edge.flowId);
      } else if (state[edge.to] === 0) {
        state[edge.to] = 1;
        stack.push([edge.to, 0]);
      }
    }
  }
  return { back, reached: state.map((value) => (value ? 1 : 0)) };
}

function topologicalOrder(count: number, dagEdges: Edge[][], reached: Uint8Array): number[] {
  const pending = new Int32Array(count);
  dagEdges.forEach((list, from) => reached[from] && list.forEach(({ to }) => (pending[to] += 1)));
  const ready: number[] = [];
  for (let vertex = count - 1; vertex >= 0; vertex -= 1) if (reached[vertex] && pending[vertex] === 0) ready.push(vertex);
  const order: number[] = [];
  while (ready.length > 0) {
    const vertex = ready.pop()!;
    order.push(vertex);
    for (const { to } of dagEdges[vertex]!) if (--pending[to] === 0) ready.push(to);
  }
  return order;
}

function budgetOfScope(scope: PlanScope, settings: BudgetSettings): ScopeBudget {
  const count = scope.nodes.length;
  const position = new Map(scope.nodes.map((node, at) => [node.id, at]));
  const edges = edgesOf(scope, position);
  const { back, reached } = findBackEdges(scope, edges);
  const dagEdges = edges.map((list) => list.filter((edge) => !edge.flowId || !back.has(edge.flowId)));
  const order = topologicalOrder(count, dagEdges, reached);
  const predecessors = scope.nodes.map(() => [] as number[]);
  dagEdges.forEach((list, from) => list.forEach(({ to, flowId }) => flowId && predecessors[to]!.push(from)));
  const hostOf = scope.nodes.map((node) => (node.type === 'boundaryEvent' ? (position.get(node.attachedTo) ?? -1) : -1));
  /** Vertices from which `target` can be reached over the DAG (a boundary event through its host). */
  const reachingBack = (target: number): Uint8Array => {
    const seen = new Uint8Array(count);
    const queue = [target];
    seen[target] = 1;
    while (queue.length > 0) {
      const current = queue.pop()!;
      const before = hostOf[current]! >= 0 ? [...predecessors[current]!, hostOf[current]!] : predecessors[current]!;
      for (const vertex of before) if (!seen[vertex]) (seen[vertex] = 1), queue.push(vertex);
    }
    return seen;
  };

  const assumptions: BudgetAssumption[] = [];
  const subprocesses: SubprocessBudget[] = [];
  const inlinePaths = new Map<number, string[]>();
  const weight: LegalTime[] = scope.nodes.map((node, at) => {
    if (node.type === 'timerCatchEvent') return legalTimeOfText(node.duration);
    if (!isActivity(node)) return ZERO_TIME;
    if (node.multiInstance?.sequential) assumptions.push({ kind: 'sequential-instances', elementId: node.id });
    if (node.type === 'subProcess') {
      const inner = budgetOfScope(node.scope, settings);
      assumptions.push(...inner.assumptions);
      subprocesses.push(...inner.subprocesses);
      if (!node.deadline) {
        inlinePaths.set(at, inner.path);
        return inner.total;
      }
      const deadline = parseLegalDuration(node.deadline);
      subprocesses.push({
        elementId: node.id,
        total: formatLegalTime(inner.total),
        deadline: node.deadline,
        verdict: compareWithLimit(inner.total, deadline, legalTimeOfText(node.deadline)),
      });
      return legalTimeOfText(node.deadline);
    }
    if (node.type === 'callActivity' && !node.deadline) {
      const calledLimit = settings.procedures?.[node.procedureCode]?.legalLimit;
      if (calledLimit) return legalTimeOfText(calledLimit);
      assumptions.push({ kind: 'called-procedure-time', elementId: node.id });
      return ZERO_TIME;
    }
    if (isSupplementationWait(node)) return ZERO_TIME;
    return legalTimeOfText(node.deadline);
  });
  // A boundary event fires at its timer, or at the latest when its host's time runs out; on the
  // wait for a supplement the legal clock is stopped (or restarted) whatever the boundary does.
  const resets = scope.nodes.map((node) => settings.restartsOnSupplement && isSupplementationWait(node));
  scope.nodes.forEach((node, at) => {
    const host = hostOf[at]!;
    if (node.type !== 'boundaryEvent' || host === -1) return;
    const waitsForSupplement = isSupplementationWait(scope.nodes[host]!);
    resets[at] = resets[host]!;
    if (waitsForSupplement) weight[at] = ZERO_TIME;
    else weight[at] = node.trigger.kind === 'timer' ? legalTimeOfText(node.trigger.duration) : weight[host]!;
  });

  /** Longest path over the DAG from `from` (start 0), restricted to `inside`; returns finish times and predecessors. */
  const longest = (from: number[], inside: (vertex: number) => boolean) => {
    const start: Array<LegalTime | null> = scope.nodes.map(() => null);
    const finish: Array<LegalTime | null> = scope.nodes.map(() => null);
    const previous = new Int32Array(count).fill(-1);
    for (const root of from) start[root] = ZERO_TIME;
    for (const vertex of order) {
      if (!inside(vertex)) continue;
      if (hostOf[vertex]! >= 0) {
        start[vertex] = start[hostOf[vertex]!]!;
        previous[vertex] = hostOf[vertex]!;
      } else {
        for (const before of predecessors[vertex]!) {
          const candidate = inside(before) ? finish[before] : null;
          if (candidate && (start[vertex] === null || compareTimes(candidate, start[vertex]!, settings.family) > 0)) {
            start[vertex] = candidate;
            previous[vertex] = before;
          }
        }
      }
      if (start[vertex] !== null) finish[vertex] = resets[vertex] ? ZERO_TIME : addTimes(start[vertex]!, weight[vertex]!);
    }
    return { finish, previous };
  };

  // Rework loops, innermost first: each declared extra round repeats the cycle once more.
  const reworkLoops: ReworkLoop[] = [];
  const loops = scope.flows
    .filter((flow) => back.has(flow.id))
    .map((flow) => {
      const head = position.get(flow.target)!;
      const tail = position.get(flow.source)!;
      const { finish } = longest([head], () => true);
      const toTail = reachingBack(tail);
      const body = scope.nodes.map((_, vertex) => finish[vertex] !== null && toTail[vertex] === 1);
      return { flow, head, tail, body, size: body.filter(Boolean).length };
    })
    .sort((a, b) => a.size - b.size);
  for (const { flow, head, tail, body } of loops) {
    if (settings.restartsOnSupplement && scope.nodes.some((node, vertex) => body[vertex] && isSupplementationWait(node))) continue;
    if (flow.maxRounds === undefined) {
      assumptions.push({ kind: 'unbounded-rework', elementId: flow.id });
      continue;
    }
    const cycle = longest([head], (vertex) => body[vertex]!).finish[tail] ?? ZERO_TIME;
    const extra = scaleTime(cycle, flow.maxRounds);
    weight[head] = addTimes(weight[head]!, extra);
    reworkLoops.push({ flowId: flow.id, rounds: flow.maxRounds, extra: formatLegalTime(extra) });
  }

  const roots = order.filter((vertex) => predecessors[vertex]!.length === 0 && hostOf[vertex] === -1);
  const { finish, previous } = longest(roots, () => true);
  const ends = order.filter((vertex) => scope.nodes[vertex]!.type === 'endEvent' && finish[vertex] !== null);
  const candidates = ends.length > 0 ? ends : order.filter((vertex) => finish[vertex] !== null);
  let worst = -1;
  for (const vertex of [...candidates].sort((a, b) => a - b)) {
    if (worst === -1 || compareTimes(finish[vertex]!, finish[worst]!, settings.family) > 0) worst = vertex;
  }
  const path: string[] = [];
  for (let vertex = worst; vertex !== -1; vertex = resets[vertex] ? -1 : previous[vertex]!) {
    path.unshift(scope.nodes[vertex]!.id, ...(inlinePaths.get(vertex) ?? []));
  }
  return { total: worst === -1 ? ZERO_TIME : finish[worst]!, path, assumptions, reworkLoops, subprocesses };
}

/**
 * The worst-case legal time from start to end along any path: the longest path when every step
 * takes its full deadline (timers their duration, an embedded subprocess its deadline or else its
 * own critical path, a call activity its deadline or else the called procedure's limit), parallel
 * branches taking the longest one. A loop going back counts its declared mc:rework maxRounds extra
 * rounds, or is flagged. Waiting for the citizen's supplement costs the agency no legal time; under
 * the restart rule the clock starts again from zero there.
 */
export function computeDeadlineBudget(plan: ProcedurePlan, procedures?: ProcedureRegistry): DeadlineBudget {
  const limit = plan.procedure.legalLimit ? parseLegalDuration(plan.procedure.legalLimit) : null;
  const family = familyOf(limit);
  const scope = budgetOfScope(plan.process, {
    family,
    restartsOnSupplement: plan.procedure.supplementationClock === 'restart',
    procedures,
  });
  const capacity =
    limit &&
    addTimes(legalTimeOfText(plan.procedure.legalLimit), {
      ...ZERO_TIME,
      workingMinutes: limit.unit === 'working-days' ? receiptDayAllowance(plan.procedure.cutOff) : 0,
    });
  return {
    total: scope.total,
    text: formatLegalTime(scope.total),
    criticalPath: scope.path,
    legalLimit: plan.procedure.legalLimit || null,
    capacity,
    verdict: limit && capacity ? compareWithLimit(scope.total, limit, capacity) : 'no-limit',
    reworkLoops: scope.reworkLoops,
    assumptions: scope.assumptions,
    subprocesses: scope.subprocesses,
  };
}
