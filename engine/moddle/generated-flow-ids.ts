import { child, children, idOf, type ModdleElement } from './moddle-element.js';

/**
 * The BPMN schema makes a sequence flow's id optional; the plan, the diagnostics and the dossier's
 * history need one. A flow without one gets `Flow_<source>_<target>` (with `_2`, `_3`… when taken),
 * the same on every read of the same document, so messages name it by what it connects.
 */
export function giveFlowsIds(definitions: ModdleElement, elementsById: Record<string, unknown>): void {
  const taken = new Set(Object.keys(elementsById));
  const visit = (container: ModdleElement) => {
    for (const element of children(container, 'flowElements')) {
      if (element.$type === 'bpmn:SequenceFlow' && !idOf(element)) {
        const end = (name: 'sourceRef' | 'targetRef') => {
          const node = child(element, name);
          return (node && idOf(node)) ?? 'unknown';
        };
        const base = `Flow_${end('sourceRef')}_${end('targetRef')}`;
        let id = base;
        for (let suffix = 2; taken.has(id); suffix += 1) id = `${base}_${suffix}`;
        taken.add(id);
        (element as { id?: string }).id = id;
      }
      visit(element);
    }
  };
  for (const root of children(definitions, 'rootElements')) visit(root);
}
