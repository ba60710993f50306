/**
 * The slice of a moddle element the compiler reads. Elements come from bpmn-moddle (compile from
 * XML) or straight from bpmn-js's modeler (compile in the designer), so only moddle's public surface
 * is used: `$type`, `$instanceOf` and plain properties.
 */
export interface ModdleElement {
  readonly $type: string;
  $parent?: ModdleElement;
  $instanceOf(type: string): boolean;
  readonly [property: string]: unknown;
}

function isModdleElement(value: unknown): value is ModdleElement {
  return typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string';
}

export function text(element: ModdleElement, property: string): string | undefined {
  const value = element[property];
  return typeof value === 'string' ? value : undefined;
}

export function flag(element: ModdleElement, property: string): boolean | undefined {
  const value = element[property];
  return typeof value === 'boolean' ? value : undefined;
}

export function child(element: ModdleElement, property: string): ModdleElement | undefined {
  const value = element[property];
  return isModdleElement(value) ? value : undefined;
}

export function children(element: ModdleElement, property: string): ModdleElement[] {
  const value = element[property];
  return Array.isArray(value) ? value.filter(isModdleElement) : [];
}

export function idOf(element: ModdleElement): string | undefined {
  return text(element, 'id');
}

/** The values inside `<bpmn:extensionElements>`. */
export function extensionValues(element: ModdleElement): ModdleElement[] {
  const extensions = child(element, 'extensionElements');
  return extensions ? children(extensions, 'values') : [];
}
