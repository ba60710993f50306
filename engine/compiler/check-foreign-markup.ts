import { dialectReaders } from '../import/dialects.js';
import { ForeignMarkup } from '../import/foreign-markup.js';
import { dialects } from '../import/import-types.js';
import { children, idOf, type ModdleElement } from '../moddle/moddle-element.js';
import type { CompileContext } from './compile-context.js';

function withFlowElements(container: ModdleElement): ModdleElement[] {
  return [container, ...children(container, 'flowElements').flatMap(withFlowElements)];
}

/**
 * Another modeler's attributes and extensions (Camunda, Flowable) mean nothing to MotCua; said once
 * per element, so a step missing its role also tells that the file gave it candidate groups, and
 * where the import converts them.
 */
export function checkForeignMarkup(context: CompileContext, definitions: ModdleElement, process: ModdleElement, processId: string): void {
  for (const dialect of dialects) {
    const reader = dialectReaders[dialect];
    const markup = new ForeignMarkup(definitions, reader.namespaces, reader.prefix);
    if (!markup.present) continue;
    for (const element of withFlowElements(process)) {
      const names = markup.unused(element);
      if (names.length > 0) context.report('foreign-markup', idOf(element) ?? processId, { tool: reader.label, names: names.join(', ') });
    }
  }
}
