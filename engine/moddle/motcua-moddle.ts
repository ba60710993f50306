import { BpmnModdle, type BpmnModdleInstance } from 'bpmn-moddle';
import motcuaDescriptor from './motcua.json' with { type: 'json' };

let shared: BpmnModdleInstance | undefined;

/** The one bpmn-moddle with MotCua's extension, shared by reading and writing. */
export function motcuaModdle(): BpmnModdleInstance {
  shared ??= BpmnModdle({ mc: motcuaDescriptor });
  return shared;
}
