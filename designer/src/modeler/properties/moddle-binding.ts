/**
 * Reading and writing MotCua attributes on bpmn-js elements through the command stack, so that
 * every edit in the properties panel can be undone and shows in live validation at once.
 */

/** A moddle element as bpmn-js holds it. */
export interface ModdleObject {
  $type: string;
  $parent?: ModdleObject;
  get(property: string): any;
  set(property: string, value: unknown): void;
  [property: string]: any;
}

/** The services an edit needs, from the modeler's injector. */
export interface EditServices {
  bpmnFactory: { create(type: string, attributes?: Record<string, unknown>): ModdleObject };
  commandStack: { execute(command: string, context: unknown): void };
}

export interface EditCommand {
  cmd: 'element.updateModdleProperties';
  context: { element: unknown; moddleElement: ModdleObject; properties: Record<string, unknown> };
}

/** Where an attribute lives: an extension element (and possibly a child of it) on the element or its loop characteristics. */
export interface ExtensionPath {
  /** `mc:Step`, `mc:Procedure`, … */
  extension: string;
  /** A single child of the extension (`legalBasis` of type `mc:LegalBasis`). */
  child?: { property: string; type: string };
  /** The moddle element carrying `extensionElements`, by default the business object. */
  host?: (businessObject: ModdleObject) => ModdleObject | undefined;
}

export function businessObjectOf(element: { businessObject: ModdleObject }): ModdleObject {
  return element.businessObject;
}

export function extensionOf(host: ModdleObject | undefined, type: string): ModdleObject | undefined {
  const values: ModdleObject[] = host?.get('extensionElements')?.get('values') ?? [];
  return values.find((value) => value.$type === type);
}

/** The moddle element a path names, when it exists. */
export function resolvePath(businessObject: ModdleObject, path: ExtensionPath): ModdleObject | undefined {
  const host = path.host ? path.host(businessObject) : businessObject;
  const extension = extensionOf(host, path.extension);
  return path.child ? extension?.get(path.child.property) : extension;
}

const update = (element: unknown, moddleElement: ModdleObject, properties: Record<string, unknown>): EditCommand => ({
  cmd: 'element.updateModdleProperties',
  context: { element, moddleElement, properties },
});

/** The element a path names, with the commands that create whatever is missing on the way. */
export function ensurePath(services: EditServices, element: { businessObject: ModdleObject }, path: ExtensionPath): { target: ModdleObject; commands: EditCommand[] } {
  const commands: EditCommand[] = [];
  const businessObject = businessObjectOf(element);
  const host = path.host ? path.host(businessObject) : businessObject;
  if (!host) throw new Error(`no host for ${path.extension} on ${businessObject.id}`);
  let extensionElements: ModdleObject | undefined = host.get('extensionElements');
  if (!extensionElements) {
    extensionElements = services.bpmnFactory.create('bpmn:ExtensionElements', { values: [] });
    extensionElements.$parent = host;
    commands.push(update(element, host, { extensionElements }));
  }
  let extension = extensionOf(host, path.extension);
  if (!extension) {
    extension = services.bpmnFactory.create(path.extension);
    extension.$parent = extensionElements;
    commands.push(update(element, extensionElements, { values: [...(extensionElements.get('values') ?? []), extension] }));
  }
  if (!path.child) return { target: extension, commands };
  let child: ModdleObject | undefined = extension.get(path.child.property);
  if (!child) {
    child = services.bpmnFactory.create(path.child.type);
    child.$parent = extension;
    commands.push(update(element, extension, { [path.child.property]: child }));
  }
  return { target: child, commands };
}

export function execute(services: EditServices, commands: EditCommand[]): void {
  if (commands.length > 0) services.commandStack.execute('properties-panel.multi-command-executor', commands);
}

/** Empty text removes the attribute, so the XML keeps only what the reformer set. */
export function attributeValue(value: unknown): unknown {
  return value === '' || value === null ? undefined : value;
}

/** How an entry reads and writes its value. */
export interface Binding {
  read(element: { businessObject: ModdleObject }): unknown;
  write(services: EditServices, element: { businessObject: ModdleObject }, value: unknown): void;
}

/** An attribute of an extension element (created on first write). */
export function extensionBinding(path: ExtensionPath, property: string): Binding {
  return {
    read: (element) => resolvePath(businessObjectOf(element), path)?.get(property),
    write(services, element, value) {
      const { target, commands } = ensurePath(services, element, path);
      execute(services, [...commands, update(element, target, { [property]: attributeValue(value) })]);
    },
  };
}

/** An attribute of a given moddle element (a list item, the business object itself). */
export function moddleBinding(target: (element: { businessObject: ModdleObject }) => ModdleObject, property: string): Binding {
  return {
    read: (element) => target(element).get(property),
    write(services, element, value) {
      execute(services, [update(element, target(element), { [property]: attributeValue(value) })]);
    },
  };
}

/** Appends a new child to a many-valued property of the element a path names. */
export function addListItem(services: EditServices, element: { businessObject: ModdleObject }, path: ExtensionPath, property: string, type: string, attributes: Record<string, unknown>): void {
  const { target, commands } = ensurePath(services, element, path);
  const item = services.bpmnFactory.create(type, attributes);
  item.$parent = target;
  execute(services, [...commands, update(element, target, { [property]: [...(target.get(property) ?? []), item] })]);
}

export function removeListItem(services: EditServices, element: unknown, owner: ModdleObject, property: string, item: ModdleObject): void {
  execute(services, [update(element, owner, { [property]: (owner.get(property) as ModdleObject[]).filter((value) => value !== item) })]);
}
