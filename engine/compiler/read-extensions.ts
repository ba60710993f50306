import { extensionValues, type ModdleElement } from '../moddle/moddle-element.js';
import type { CompileContext } from './compile-context.js';

const activity = 'bpmn:Activity';

/** Where each MotCua extension may stand (an element type, or any of its subtypes). */
const placements = {
  'mc:Procedure': 'bpmn:Process',
  'mc:Step': activity,
  'mc:Escalation': activity,
  'mc:ComplianceCost': activity,
  'mc:Form': 'bpmn:UserTask',
  'mc:Outcomes': 'bpmn:UserTask',
  'mc:ServiceCall': 'bpmn:ServiceTask',
  'mc:CalledProcedure': 'bpmn:CallActivity',
  'mc:MultiInstance': 'bpmn:MultiInstanceLoopCharacteristics',
  'mc:Rework': 'bpmn:SequenceFlow',
} as const;

export type MotcuaExtensionType = keyof typeof placements;
export type MotcuaExtensions = Partial<Record<MotcuaExtensionType, ModdleElement>>;

function tagOf(type: string): string {
  const [prefix, name] = type.split(':');
  return `${prefix}:${name!.charAt(0).toLowerCase()}${name!.slice(1)}`;
}

/**
 * The MotCua extensions of an element, one per kind. A misplaced or repeated extension is reported
 * and left out; other tools' extensions (camunda:, zeebe: …) mean nothing to MotCua and are skipped.
 */
export function readExtensions(context: CompileContext, element: ModdleElement, reportOn: string): MotcuaExtensions {
  const found: MotcuaExtensions = {};
  for (const value of extensionValues(element)) {
    if (!value.$type.startsWith('mc:')) continue;
    const placement = (placements as Record<string, string>)[value.$type];
    const extension = tagOf(value.$type);
    if (placement === undefined || !element.$instanceOf(placement)) {
      context.report('misplaced-extension', reportOn, { extension, element: tagOf(element.$type), repeated: false });
    } else if (found[value.$type as MotcuaExtensionType]) {
      context.report('misplaced-extension', reportOn, { extension, element: tagOf(element.$type), repeated: true });
    } else {
      found[value.$type as MotcuaExtensionType] = value;
    }
  }
  return found;
}
