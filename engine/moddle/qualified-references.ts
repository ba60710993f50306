import type { ParseWarning } from 'bpmn-moddle';
import type { ModdleElement } from './moddle-element.js';

/** What bpmn-moddle's warning holds of the element whose reference it could not resolve. */
interface ReferringElement {
  $descriptor: { propertiesByName: Record<string, { name: string; isMany?: boolean } | undefined> };
  get(name: string): unknown;
  set(name: string, value: unknown): void;
}

/** The prefixes the document binds to its own target namespace (`xmlns:tns="…"` with `targetNamespace="…"`). */
function ownPrefixes(definitions: ModdleElement): Set<string> {
  const targetNamespace = definitions.targetNamespace;
  const attributes = (definitions.$attrs ?? {}) as Record<string, string>;
  if (typeof targetNamespace !== 'string' || targetNamespace === '') return new Set();
  return new Set(
    Object.entries(attributes)
      .filter(([name, uri]) => name.startsWith('xmlns:') && uri === targetNamespace)
      .map(([name]) => name.slice('xmlns:'.length)),
  );
}

/**
 * BPMN references are QNames: `messageRef="tns:newInvoice"` names the element `newInvoice` of the
 * namespace `tns` is bound to. bpmn-moddle looks references up by the whole text, so one qualified by
 * the document's own target namespace is left unresolved; this resolves those and returns the
 * warnings that remain (references into other documents stay unresolved, as they are).
 */
export function resolveQualifiedReferences(definitions: ModdleElement, elementsById: Record<string, unknown>, warnings: ParseWarning[]): ParseWarning[] {
  const prefixes = ownPrefixes(definitions);
  if (prefixes.size === 0) return warnings;
  return warnings.filter((warning) => {
    const separator = warning.value?.indexOf(':') ?? -1;
    if (!warning.message.startsWith('unresolved reference') || separator < 1 || !prefixes.has(warning.value!.slice(0, separator))) return true;
    const target = elementsById[warning.value!.slice(separator + 1)];
    const element = warning.element as unknown as ReferringElement | undefined;
    const property = element && warning.property ? element.$descriptor.propertiesByName[warning.property] : undefined;
    if (!target || !element || !property) return true;
    if (property.isMany) (element.get(property.name) as unknown[]).push(target);
    else element.set(property.name, target);
    return false;
  });
}
