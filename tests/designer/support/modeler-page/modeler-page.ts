/**
 * The designer's modeler alone on a page, for the browser tests of its modules and the benchmark:
 * `window.modelerPage` opens a model and answers questions about it.
 */
import type Modeler from 'bpmn-js/lib/Modeler';
import { createAppI18n, type Locale } from '../../../../designer/src/i18n/i18n.js';
import { createProcedureModeler } from '../../../../designer/src/modeler/create-modeler.js';
import { STEP_TEMPLATES, templateBusinessObject } from '../../../../designer/src/modeler/templates/step-templates.js';
import { EMPTY_DIRECTORY, type OrganisationDirectory } from '../../../../designer/src/modeler/motcua-config.js';
import { VALIDATED_EVENT, type LiveValidation, type ValidatedEvent } from '../../../../designer/src/modeler/validation/live-validation.js';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import '../../../../designer/src/styles/app.css';

const i18n = createAppI18n(undefined);
let modeler: Modeler | null = null;
let directory: OrganisationDirectory = EMPTY_DIRECTORY;
let validations: ValidatedEvent[] = [];

type Service = any;
const service = (name: string) => modeler!.get<Service>(name);

export interface OpenTimes {
  /** From the start of the import to bpmn-js having drawn every element, in ms. */
  rendered: number;
  /** From the start of the import to the first diagnostics drawn, in ms. */
  validated: number;
  elements: number;
}

const page = {
  async open(xml: string, options: { locale?: Locale; directory?: OrganisationDirectory } = {}): Promise<OpenTimes> {
    modeler?.destroy();
    i18n.global.locale.value = options.locale ?? 'vi';
    directory = options.directory ?? EMPTY_DIRECTORY;
    validations = [];
    modeler = createProcedureModeler({
      container: document.getElementById('canvas')!,
      propertiesParent: document.getElementById('panel')!,
      config: {
        t: (key, values) => i18n.global.t(key, values ?? {}),
        locale: () => i18n.global.locale.value as Locale,
        directory: () => directory,
        procedures: () => undefined,
      },
    });
    const started = performance.now();
    let rendered = 0;
    let validated = 0;
    modeler.on('import.render.complete', () => (rendered ||= performance.now() - started));
    modeler.on(VALIDATED_EVENT, (event: ValidatedEvent) => {
      validated ||= performance.now() - started;
      validations.push(event);
    });
    await modeler.importXML(xml);
    // The browser has painted once the next frame starts.
    await new Promise((resolve) => requestAnimationFrame(resolve));
    return { rendered, validated, elements: service('elementRegistry').getAll().length };
  },
  /** Opens another diagram in the same modeler, as the designer's import does. */
  async importXml(xml: string): Promise<void> {
    await modeler!.importXML(xml);
  },
  select(id: string) {
    service('selection').select(service('elementRegistry').get(id));
  },
  remove(id: string) {
    service('modeling').removeElements([service('elementRegistry').get(id)]);
  },
  move(id: string, x: number, y: number) {
    service('modeling').moveElements([service('elementRegistry').get(id)], { x, y });
  },
  undo() {
    service('commandStack').undo();
  },
  /** An attribute of an extension element (`mc:Step`) of an element, or of a child of it. */
  extension(id: string, type: string, property: string): unknown {
    const businessObject = service('elementRegistry').get(id).businessObject;
    const extension = (businessObject.get('extensionElements')?.get('values') ?? []).find((value: { $type: string }) => value.$type === type);
    return extension?.get(property);
  },
  /** The children of an extension's many-valued property, as plain attribute maps. */
  extensionList(id: string, type: string, property: string): Array<Record<string, unknown>> {
    const businessObject = service('elementRegistry').get(id).businessObject;
    const extension = (businessObject.get('extensionElements')?.get('values') ?? []).find((value: { $type: string }) => value.$type === type);
    return (extension?.get(property) ?? []).map((item: { $attrs: object; $descriptor: { properties: Array<{ name: string; isMany?: boolean }> }; get(name: string): unknown }) =>
      Object.fromEntries(item.$descriptor.properties.filter((p) => !p.isMany).map((p) => [p.name, item.get(p.name)]).filter(([, value]) => value !== undefined)),
    );
  },
  /** The latest live validation, as plain data. */
  latest() {
    const result = service('motcuaLiveValidation') as unknown as LiveValidation;
    const current = result.result;
    return current && { ok: current.ok, diagnostics: current.diagnostics.map(({ code, severity, elementId, message }) => ({ code, severity, elementId, message })), budget: current.analysis?.budget ?? null };
  },
  validations: () => validations.length,
  markers(id: string): string[] {
    const gfx = service('elementRegistry').getGraphics(id) as SVGElement;
    return [...gfx.classList];
  },
  badges(type: 'mc-diagnostics' | 'mc-deadline'): Array<{ elementId: string; text: string }> {
    return service('overlays')
      .get({ type })
      .map((overlay: { element: { id: string }; html: HTMLElement }) => ({ elementId: overlay.element.id, text: overlay.html.textContent ?? '' }));
  },
  paletteEntries: () => Object.keys(service('palette').getEntries()),
  /** What the replace menu of an element offers: its entries and header toggles. */
  replaceEntries(id: string): string[] {
    const element = service('elementRegistry').get(id);
    const popupMenu = service('popupMenu');
    const providers = popupMenu._getProviders('bpmn-replace');
    return [...Object.keys(popupMenu._getEntries(element, providers)), ...Object.keys(popupMenu._getHeaderEntries(element, providers))];
  },
  async saveXml(): Promise<string> {
    return (await modeler!.saveXML({ format: true })).xml!;
  },
  /** A new step made from a typical-step template, dropped on the canvas as the palette's entry would. */
  addFromTemplate(templateId: string, x: number, y: number): string {
    const template = STEP_TEMPLATES.find((candidate) => candidate.id === templateId)!;
    const businessObject = templateBusinessObject(template, i18n.global.t(`templates.${template.id}`), service('bpmnFactory'));
    const shape = service('elementFactory').createShape({ type: template.type, businessObject });
    return service('modeling').createShape(shape, { x, y }, service('canvas').getRootElement()).id;
  },
};

(window as unknown as { modelerPage: typeof page }).modelerPage = page;
export type ModelerPage = typeof page;
