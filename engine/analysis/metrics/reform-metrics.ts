import type { ActivityNode, PlanNode, PlanScope, ProcedurePlan } from '../../plan/procedure-plan.js';
import { isActivity } from '../../plan/procedure-plan.js';
import { allScopes } from '../../plan/scope-index.js';

/** Compliance cost by the Standard Cost Model (Circular 02/2017/TT-VPCP Art. 27), in VND. */
export interface ComplianceCost {
  /** Hours of a citizen's time, summed over the steps they take part in. */
  citizenHours: number;
  /** Time valued at the hourly income, plus travel, copies, fees and charges. */
  perDossier: number;
  /** perDossier × times per year × subjects per year. */
  perYear: number;
}

export interface ReformMetrics {
  /** Tasks and call activities, inside subprocesses too. */
  steps: number;
  /** Steps an officer performs (user tasks). */
  humanSteps: number;
  citizenFacingSteps: number;
  agencies: string[];
  /** Units as agency/unit. */
  units: string[];
  /** Consecutive staffed steps done by different units: each is a dossier changing hands. */
  handoffs: number;
  complianceCost: ComplianceCost;
}

type Step = Exclude<ActivityNode, { type: 'subProcess' }>;

const isStep = (node: PlanNode): node is Step => isActivity(node) && node.type !== 'subProcess';

function unitOf(step: Step): string | undefined {
  return step.assignment?.unit ? `${step.assignment.agency}/${step.assignment.unit}` : undefined;
}

/**
 * The plan as one graph across scopes: entering a subprocess leads to its start event, its end
 * events lead on along the subprocess's outgoing flows, and an activity leads to its boundary events.
 */
function flattenedSuccessors(process: PlanScope): Map<string, string[]> {
  const successors = new Map<string, string[]>();
  const link = (from: string, to: string) => {
    const list = successors.get(from);
    if (list) list.push(to);
    else successors.set(from, [to]);
  };
  const walk = (scope: PlanScope, exitTargets: string[]) => {
    const target = new Map(scope.flows.map((flow) => [flow.id, flow.target]));
    for (const node of scope.nodes) {
      const next = node.outgoing.map((flowId) => target.get(flowId)!);
      if (node.type === 'subProcess') {
        for (const start of node.scope.nodes.filter((inner) => inner.type === 'startEvent')) link(node.id, start.id);
        walk(node.scope, next);
      } else {
        next.forEach((to) => link(node.id, to));
      }
      if (node.type === 'endEvent') exitTargets.forEach((to) => link(node.id, to));
      if (node.type === 'boundaryEvent') link(node.attachedTo, node.id);
    }
  };
  walk(process, []);
  return successors;
}

function countHandoffs(process: PlanScope, steps: Map<string, Step>): number {
  const successors = flattenedSuccessors(process);
  const pairs = new Set<string>();
  for (const [id, step] of steps) {
    const from = unitOf(step);
    if (!from) continue;
    // The next staffed steps, looking through gateways, events and automated steps.
    const seen = new Set<string>();
    const queue = [...(successors.get(id) ?? [])];
    while (queue.length > 0) {
      const current = queue.pop()!;
      if (seen.has(current)) continue;
      seen.add(current);
      const reached = steps.get(current);
      const to = reached && unitOf(reached);
      if (to) {
        if (to !== from) pairs.add(`${id}>${current}`);
      } else {
        queue.push(...(successors.get(current) ?? []));
      }
    }
  }
  return pairs.size;
}

export function computeReformMetrics(plan: ProcedurePlan): ReformMetrics {
  const steps = new Map<string, Step>();
  for (const scope of allScopes(plan.process)) for (const node of scope.nodes) if (isStep(node)) steps.set(node.id, node);
  const all = [...steps.values()];
  const model = plan.procedure.costModel ?? { hourlyIncome: 0, timesPerYear: 1, subjectsPerYear: 0 };
  const citizenHours = all.reduce((sum, step) => sum + (step.complianceCost?.citizenHours ?? 0), 0);
  const outOfPocket = all.reduce((sum, step) => {
    const cost = step.complianceCost;
    return sum + (cost ? cost.travelCost + cost.copyCost + cost.fees : 0);
  }, 0);
  const perDossier = citizenHours * model.hourlyIncome + outOfPocket;
  const sorted = (values: Iterable<string>) => [...new Set(values)].filter(Boolean).sort();
  return {
    steps: all.length,
    humanSteps: all.filter((step) => step.type === 'userTask').length,
    citizenFacingSteps: all.filter((step) => step.citizenFacing).length,
    agencies: sorted([plan.procedure.agency, ...all.map((step) => step.assignment?.agency ?? '')]),
    units: sorted(all.map((step) => unitOf(step) ?? '')),
    handoffs: countHandoffs(plan.process, steps),
    complianceCost: { citizenHours, perDossier, perYear: perDossier * model.timesPerYear * model.subjectsPerYear },
  };
}
