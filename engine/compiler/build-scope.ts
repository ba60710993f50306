import { child, children, idOf, text, type ModdleElement } from '../moddle/moddle-element.js';
import type { PlanFlow, PlanNode, PlanScope } from '../plan/procedure-plan.js';
import type { CompileContext } from './compile-context.js';
import { readActivity } from './read-activity.js';
import { readFeel, readPositiveInteger } from './read-attributes.js';
import { readBoundaryEvent, readCatchEvent, readEndEvent, readStartEvent } from './read-events.js';
import { readExtensions } from './read-extensions.js';
import { normalizeFeelExpression } from '../feel/feel-expression.js';
import { juelToFeel } from '../feel/juel-to-feel.js';
import { refuse } from './unsupported.js';

/** Data elements document which papers a dossier holds; they do not change how it runs. */
const documentationOnly = new Set(['bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference']);

const activityTypes = {
  'bpmn:UserTask': 'userTask',
  'bpmn:ServiceTask': 'serviceTask',
  'bpmn:SendTask': 'sendTask',
  'bpmn:ReceiveTask': 'receiveTask',
  'bpmn:CallActivity': 'callActivity',
  'bpmn:SubProcess': 'subProcess',
} as const;

function readNode(context: CompileContext, element: ModdleElement, id: string, inSubprocess: boolean): PlanNode | null {
  const activityType = (activityTypes as Record<string, (typeof activityTypes)[keyof typeof activityTypes]>)[element.$type];
  if (activityType) {
    if (element.triggeredByEvent === true) return refuse(context, id, 'event-subprocess');
    return readActivity(context, element, id, activityType, (container, scopeId) => buildScope(context, container, scopeId, true));
  }
  // Events and gateways take no MotCua extension; reading them reports any that was put there.
  readExtensions(context, element, id);
  const base = { id, name: text(element, 'name'), incoming: [], outgoing: [] };
  switch (element.$type) {
    case 'bpmn:StartEvent':
      return readStartEvent(context, element, id, inSubprocess);
    case 'bpmn:EndEvent':
      return readEndEvent(context, element, id);
    case 'bpmn:IntermediateCatchEvent':
      return readCatchEvent(context, element, id);
    case 'bpmn:BoundaryEvent':
      return readBoundaryEvent(context, element, id);
    case 'bpmn:ExclusiveGateway':
    case 'bpmn:InclusiveGateway': {
      const defaultFlow = child(element, 'default');
      return {
        type: element.$type === 'bpmn:ExclusiveGateway' ? 'exclusiveGateway' : 'inclusiveGateway',
        ...base,
        default: defaultFlow && idOf(defaultFlow),
      };
    }
    case 'bpmn:ParallelGateway':
      return { type: 'parallelGateway', ...base };
    case 'bpmn:EventBasedGateway':
      if (element.instantiate === true || element.eventGatewayType === 'Parallel') return refuse(context, id, 'event-gateway-variant');
      return { type: 'eventBasedGateway', ...base };
    default:
      return refuse(context, id, element.$type);
  }
}

/**
 * A flow's condition as the plan keeps it. One that does not parse is reported and kept as written,
 * so it is not also "missing"; a JUEL one is kept for checkConditions, which reports it with its FEEL.
 */
function readCondition(context: CompileContext, id: string, source: string): string {
  const written = normalizeFeelExpression(source);
  if (juelToFeel(written) !== null) return written;
  return readFeel(context, id, written) ?? written;
}

function readFlow(context: CompileContext, flow: ModdleElement, id: string, members: ReadonlySet<string>): PlanFlow | null {
  const sourceRef = child(flow, 'sourceRef');
  const targetRef = child(flow, 'targetRef');
  const source = sourceRef && idOf(sourceRef);
  const target = targetRef && idOf(targetRef);
  if (!source || !target) {
    if (!context.unresolvedIds.has(id)) context.report('invalid-connection', id, { problem: 'missing-endpoint' });
    return null;
  }
  if (!members.has(source) || !members.has(target)) {
    context.report('invalid-connection', id, { problem: 'crosses-scope' });
    return null;
  }
  const conditionExpression = child(flow, 'conditionExpression');
  const conditionSource = conditionExpression && text(conditionExpression, 'body')?.trim();
  const rework = readExtensions(context, flow, id)['mc:Rework'];
  return {
    id,
    name: text(flow, 'name'),
    source,
    target,
    condition: conditionSource ? readCondition(context, id, conditionSource) : undefined,
    maxRounds: rework && readPositiveInteger(context, id, 'mc:rework maxRounds', text(rework, 'maxRounds')),
  };
}

/**
 * The plan scope of a process or an embedded subprocess: its nodes (in document order) and the
 * flows between them, with each node's incoming and outgoing flows filled in from the flows.
 */
export function buildScope(context: CompileContext, container: ModdleElement, scopeId: string, inSubprocess: boolean): PlanScope {
  const nodes: PlanNode[] = [];
  const sequenceFlows: Array<[ModdleElement, string]> = [];
  const members = new Set<string>();
  for (const element of children(container, 'flowElements')) {
    const id = idOf(element);
    if (!id) {
      context.report('invalid-content', scopeId, { detail: `<${element.$type}> without an id` });
      continue;
    }
    if (!context.claimId(id)) continue;
    if (element.$type === 'bpmn:SequenceFlow') {
      sequenceFlows.push([element, id]);
    } else if (!documentationOnly.has(element.$type)) {
      members.add(id);
      const node = readNode(context, element, id, inSubprocess);
      if (node) nodes.push(node);
    }
  }
  const flows = sequenceFlows.map(([flow, id]) => readFlow(context, flow, id, members)).filter((flow) => flow !== null);
  const byId = new Map(nodes.map((node) => [node.id, node]));
  for (const flow of flows) {
    byId.get(flow.source)?.outgoing.push(flow.id);
    byId.get(flow.target)?.incoming.push(flow.id);
  }
  return { id: scopeId, nodes, flows };
}
