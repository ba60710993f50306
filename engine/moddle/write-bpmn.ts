import type { ModdleElement } from './moddle-element.js';
import { motcuaModdle } from './motcua-moddle.js';

/** A new element of bpmn-moddle's or MotCua's types, e.g. `bpmnElement('mc:Step', { role })`. */
export function bpmnElement(type: string, properties: Record<string, unknown> = {}): ModdleElement {
  return motcuaModdle().create(type, properties) as ModdleElement;
}

/** The XML of definitions read with `readBpmn(xml, { keepDiagram: true })`, formatted. */
export async function writeBpmn(definitions: ModdleElement): Promise<string> {
  const { xml } = await motcuaModdle().toXML(definitions, { format: true });
  return xml;
}
