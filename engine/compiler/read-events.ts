import { child, children, text, type ModdleElement } from '../moddle/moddle-element.js';
import type { PlanNodeOf } from '../plan/procedure-plan.js';
import { MISSING, type CompileContext } from './compile-context.js';
import { readDuration } from './read-attributes.js';
import { refuse } from './unsupported.js';

type Definition = ModdleElement;

function definitionsOf(event: ModdleElement): Definition[] {
  return children(event, 'eventDefinitions');
}

/** The name of the message an event definition or a send/receive task refers to. */
export function messageName(context: CompileContext, holder: ModdleElement, elementId: string): string {
  const message = child(holder, 'messageRef');
  const name = message && text(message, 'name')?.trim();
  if (name) return name;
  context.report('missing-event-reference', elementId, { kind: 'message' });
  return MISSING;
}

function timerDuration(context: CompileContext, definition: Definition, elementId: string): string {
  // A fixed date or a cycle is valid BPMN that MotCua cannot run yet: named as such, not as an error of the model.
  if (child(definition, 'timeDate')) return refuse(context, elementId, 'timer-date') ?? MISSING;
  if (child(definition, 'timeCycle')) return refuse(context, elementId, 'timer-cycle') ?? MISSING;
  const duration = child(definition, 'timeDuration');
  const body = (duration && text(duration, 'body')?.trim()) ?? '';
  if (body === '') {
    context.report('invalid-timer', elementId);
    return MISSING;
  }
  return readDuration(context, elementId, 'timeDuration', body) ?? MISSING;
}

function referencedCode(definition: Definition, reference: 'errorRef' | 'escalationRef'): string | undefined {
  const referenced = child(definition, reference);
  const code = referenced && text(referenced, reference === 'errorRef' ? 'errorCode' : 'escalationCode')?.trim();
  return code || undefined;
}

function requiredCode(context: CompileContext, definition: Definition, elementId: string, kind: 'error' | 'escalation'): string {
  const code = referencedCode(definition, kind === 'error' ? 'errorRef' : 'escalationRef');
  if (code) return code;
  context.report('missing-event-reference', elementId, { kind });
  return MISSING;
}

/** The one event definition of an event, or a refusal for several (BPMN's "multiple" events). */
function soleDefinition(context: CompileContext, event: ModdleElement, elementId: string): Definition | undefined | null {
  const definitions = definitionsOf(event);
  if (definitions.length > 1) return refuse(context, elementId, 'multiple-definitions');
  return definitions[0];
}

const base = (id: string, event: ModdleElement) => ({ id, name: text(event, 'name'), incoming: [], outgoing: [] });

export function readStartEvent(context: CompileContext, event: ModdleElement, id: string, inSubprocess: boolean): PlanNodeOf<'startEvent'> | null {
  const definition = soleDefinition(context, event, id);
  if (definition === null) return null;
  if (definition === undefined) return { type: 'startEvent', ...base(id, event), trigger: { kind: 'none' } };
  if (definition.$type === 'bpmn:MessageEventDefinition') {
    if (inSubprocess) return refuse(context, id, 'subprocess-message-start');
    return { type: 'startEvent', ...base(id, event), trigger: { kind: 'message', message: messageName(context, definition, id) } };
  }
  return refuse(context, id, definition.$type === 'bpmn:TimerEventDefinition' ? 'timer-start' : definition.$type);
}

export function readEndEvent(context: CompileContext, event: ModdleElement, id: string): PlanNodeOf<'endEvent'> | null {
  const definition = soleDefinition(context, event, id);
  if (definition === null) return null;
  const end = (result: PlanNodeOf<'endEvent'>['result']): PlanNodeOf<'endEvent'> => ({ type: 'endEvent', ...base(id, event), result });
  if (!definition) return end({ kind: 'none' });
  switch (definition.$type) {
    case 'bpmn:TerminateEventDefinition':
      return end({ kind: 'terminate' });
    case 'bpmn:ErrorEventDefinition':
      return end({ kind: 'error', errorCode: requiredCode(context, definition, id, 'error') });
    case 'bpmn:EscalationEventDefinition':
      return end({ kind: 'escalation', escalationCode: requiredCode(context, definition, id, 'escalation') });
    case 'bpmn:MessageEventDefinition':
      return refuse(context, id, 'message-end');
    default:
      return refuse(context, id, definition.$type);
  }
}

export function readCatchEvent(
  context: CompileContext,
  event: ModdleElement,
  id: string,
): PlanNodeOf<'timerCatchEvent'> | PlanNodeOf<'messageCatchEvent'> | null {
  const definition = soleDefinition(context, event, id);
  if (definition === null) return null;
  switch (definition?.$type) {
    case 'bpmn:TimerEventDefinition':
      return { type: 'timerCatchEvent', ...base(id, event), duration: timerDuration(context, definition, id) };
    case 'bpmn:MessageEventDefinition':
      return { type: 'messageCatchEvent', ...base(id, event), message: messageName(context, definition, id) };
    default:
      return refuse(context, id, definition?.$type ?? 'bpmn:IntermediateCatchEvent');
  }
}

export function readBoundaryEvent(context: CompileContext, event: ModdleElement, id: string): PlanNodeOf<'boundaryEvent'> | null {
  const definition = soleDefinition(context, event, id);
  if (definition === null) return null;
  const host = child(event, 'attachedToRef');
  const attachedTo = text(host ?? event, 'id') ?? MISSING;
  if (!host && !context.unresolvedIds.has(id)) context.report('invalid-connection', id, { problem: 'boundary-host' });
  const boundary = (trigger: PlanNodeOf<'boundaryEvent'>['trigger'], interrupting = event.cancelActivity !== false): PlanNodeOf<'boundaryEvent'> => ({
    type: 'boundaryEvent',
    ...base(id, event),
    attachedTo: host ? attachedTo : MISSING,
    interrupting,
    trigger,
  });
  switch (definition?.$type) {
    case 'bpmn:TimerEventDefinition':
      return boundary({ kind: 'timer', duration: timerDuration(context, definition, id) });
    case 'bpmn:MessageEventDefinition':
      return boundary({ kind: 'message', message: messageName(context, definition, id) });
    case 'bpmn:ErrorEventDefinition':
      // BPMN: an error always interrupts its activity.
      return boundary({ kind: 'error', errorCode: referencedCode(definition, 'errorRef') }, true);
    case 'bpmn:EscalationEventDefinition':
      return boundary({ kind: 'escalation', escalationCode: referencedCode(definition, 'escalationRef') });
    default:
      return refuse(context, id, definition?.$type ?? 'bpmn:BoundaryEvent');
  }
}
