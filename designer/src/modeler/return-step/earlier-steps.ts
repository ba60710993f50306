/**
 * Which earlier steps a user task can send a dossier back to, and whether its way out lets it: the
 * user tasks from which the task is reachable along sequence flows, nearest first, outside the
 * parallel blocks it comes after, and a way out that is one plain flow or one flow into an
 * exclusive gateway.
 */
import { extensionOf, type ModdleObject } from '../properties/moddle-binding.js';

export interface DiagramShape {
  id: string;
  type: string;
  x: number;
  y: number;
  width: number;
  height: number;
  parent: DiagramShape;
  businessObject: any;
  incoming: DiagramConnection[];
  outgoing: DiagramConnection[];
}

export interface DiagramConnection {
  id: string;
  type: string;
  source: DiagramShape;
  target: DiagramShape;
  businessObject: any;
}

const sequenceFlows = (connections: DiagramConnection[]) => connections.filter((connection) => connection.type === 'bpmn:SequenceFlow');

const forking = new Set(['bpmn:ParallelGateway', 'bpmn:InclusiveGateway']);

/** How many parallel blocks deeper a token is before `shape` than after it, walking back through it. */
function depthChange(shape: DiagramShape): number {
  if (!forking.has(shape.type)) return 0;
  return (sequenceFlows(shape.incoming).length > 1 ? 1 : 0) - (sequenceFlows(shape.outgoing).length > 1 ? 1 : 0);
}

/**
 * The user tasks a token passes before reaching `task`, nearest first; `task` itself is not one.
 * Steps inside a parallel block the task comes after are left out: a flow back into one branch
 * would leave the block's join waiting for the other branches forever.
 */
export function earlierUserTasks(task: DiagramShape): DiagramShape[] {
  const seen = new Set<string>();
  // Each level of nesting has a join of its own: a deeper walk only goes round a loop again.
  const joins = new Set<DiagramShape>();
  const found = new Set<DiagramShape>();
  let frontier = [{ shape: task, depth: 0 }];
  while (frontier.length > 0) {
    const next: typeof frontier = [];
    for (const { shape, depth } of frontier) {
      for (const { source } of sequenceFlows(shape.incoming)) {
        const change = depthChange(source);
        if (change > 0) joins.add(source);
        const before = Math.max(0, depth + change);
        const state = `${source.id} ${before}`;
        if (source === task || before > joins.size || seen.has(state)) continue;
        seen.add(state);
        if (source.type === 'bpmn:UserTask' && before === 0) found.add(source);
        next.push({ shape: source, depth: before });
      }
    }
    frontier = next;
  }
  return [...found];
}

/** The exclusive gateway the task's only flow leads into, if it does. */
export function gatewayAfter(task: DiagramShape): DiagramShape | undefined {
  const outgoing = sequenceFlows(task.outgoing);
  const target = outgoing.length === 1 ? outgoing[0]!.target : undefined;
  return target?.type === 'bpmn:ExclusiveGateway' ? target : undefined;
}

/**
 * The task's way out, when a return can be added to it: one flow into an exclusive gateway, or one
 * unconditional flow, which becomes the default of a gateway put after the task.
 */
export function canReturnFrom(task: DiagramShape): boolean {
  if (task.type !== 'bpmn:UserTask') return false;
  const outgoing = sequenceFlows(task.outgoing);
  return gatewayAfter(task) !== undefined || (outgoing.length === 1 && !outgoing[0]!.businessObject.conditionExpression);
}

/** The value of the outcome sending the dossier back to `earlier`. */
export const returnValue = (earlier: DiagramShape) => `tra-ve-${earlier.id}`;

/** The outcome values the task already offers. */
export function outcomeValues(task: DiagramShape): string[] {
  const choices: ModdleObject[] = extensionOf(task.businessObject, 'mc:Outcomes')?.get('choices') ?? [];
  return choices.map((choice) => choice.get('value'));
}

/** The earlier steps the task does not send back to yet. */
export function returnTargets(task: DiagramShape): DiagramShape[] {
  if (!canReturnFrom(task)) return [];
  const taken = new Set(outcomeValues(task));
  return earlierUserTasks(task).filter((earlier) => !taken.has(returnValue(earlier)));
}
