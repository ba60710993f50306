import type { ModdleElement } from '../moddle/moddle-element.js';
import { child, extensionValues } from '../moddle/moddle-element.js';

/** An element bpmn-moddle read without a descriptor: its attributes are own properties, its content `$children` and `$body`. */
export type GenericElement = ModdleElement & { $children?: GenericElement[]; $body?: string };

/** The mark of an extension element used as a whole. */
const wholeElement = '';

function attributesOf(element: ModdleElement): Record<string, string> {
  return ((element as { $attrs?: Record<string, string> }).$attrs ??= {});
}

/**
 * Another tool's attributes and extension elements in a model, found by namespace whatever prefix
 * the file binds to it, and which of them the import has used, so the rest can be reported.
 */
export class ForeignMarkup {
  private readonly prefixes: ReadonlySet<string>;
  private readonly used = new WeakMap<object, Set<string>>();

  constructor(
    private readonly definitions: ModdleElement,
    namespaces: readonly string[],
    /** The prefix the tool itself writes, by which the report names its markup whatever the file binds. */
    private readonly canonicalPrefix: string,
  ) {
    this.prefixes = new Set(
      Object.entries(attributesOf(definitions))
        .filter(([name, uri]) => name.startsWith('xmlns:') && namespaces.includes(uri))
        .map(([name]) => name.slice('xmlns:'.length)),
    );
  }

  /** Whether the file binds any of the tool's namespaces. */
  get present(): boolean {
    return this.prefixes.size > 0;
  }

  /** The tool's attribute `name` on an element (marked used), or undefined. */
  attribute(element: ModdleElement, name: string): string | undefined {
    for (const prefix of this.prefixes) {
      const value = attributesOf(element)[`${prefix}:${name}`];
      if (value !== undefined) {
        this.use(element, `${prefix}:${name}`);
        return value;
      }
    }
    return undefined;
  }

  /** The tool's extension elements `name` of an element (marked used). */
  extensions(element: ModdleElement, name: string): GenericElement[] {
    const found = extensionValues(element).filter((value) => this.localName(value.$type) === name) as GenericElement[];
    for (const value of found) this.use(value, wholeElement);
    return found;
  }

  /** The children `name` of one of the tool's elements. */
  childrenOf(element: GenericElement, name: string): GenericElement[] {
    return (element.$children ?? []).filter((value) => this.localName(value.$type) === name);
  }

  /** The tool's local name of a qualified type or attribute, or undefined when it is not the tool's. */
  localName(qualified: string): string | undefined {
    const [prefix, local] = qualified.split(':');
    return local !== undefined && this.prefixes.has(prefix!) ? local : undefined;
  }

  /** A name of the tool's markup as the tool writes it: `c7:formKey` in a file is `camunda:formKey`. */
  canonical(qualified: string): string {
    return `${this.canonicalPrefix}:${this.localName(qualified) ?? qualified}`;
  }

  /** The tool's attributes and extension elements of an element that the import did not use, by their canonical names. */
  unused(element: ModdleElement): string[] {
    const attributes = Object.keys(attributesOf(element)).filter((name) => this.localName(name) !== undefined && !this.isUsed(element, name));
    const extensions = extensionValues(element)
      .filter((value) => this.localName(value.$type) !== undefined && !this.isUsed(value, wholeElement))
      .map((value) => value.$type);
    return [...attributes, ...extensions].map((name) => this.canonical(name));
  }

  /** Removes the tool's attributes, extension elements and namespace declarations from the model. */
  strip(elements: Iterable<ModdleElement>): void {
    for (const element of elements) {
      const attributes = attributesOf(element);
      for (const name of Object.keys(attributes)) if (this.localName(name) !== undefined) delete attributes[name];
      const extensionElements = child(element, 'extensionElements') as { values?: ModdleElement[] } | undefined;
      if (extensionElements?.values) extensionElements.values = extensionElements.values.filter((value) => this.localName(value.$type) === undefined);
    }
    const declarations = attributesOf(this.definitions);
    for (const prefix of this.prefixes) delete declarations[`xmlns:${prefix}`];
  }

  private use(element: object, name: string): void {
    let names = this.used.get(element);
    if (!names) this.used.set(element, (names = new Set()));
    names.add(name);
  }

  private isUsed(element: object, name: string): boolean {
    return this.used.get(element)?.has(name) ?? false;
  }
}
