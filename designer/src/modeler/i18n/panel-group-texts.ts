/**
 * The properties panel's groups write their own buttons' titles ("Toggle section", "Create new list
 * item"…) through a `translate` prop, which bpmn-js's groups are not given: this provider, applied
 * after all others, hands every group the modeler's `translate` service.
 */
type Translate = (template: string, replacements?: Record<string, string>) => string;
type GroupDefinition = { id: string; translate?: Translate };

/** The lowest priority: the groups every other provider made are there when this one runs. */
const LAST = 1;

export class PanelGroupTexts {
  static $inject = ['propertiesPanel', 'translate'];

  constructor(propertiesPanel: { registerProvider(priority: number, provider: unknown): void }, private readonly translate: Translate) {
    propertiesPanel.registerProvider(LAST, this);
  }

  getGroups() {
    return (groups: GroupDefinition[]) => groups.map((group) => ({ ...group, translate: this.translate }));
  }
}

export const PanelGroupTextsModule = {
  __init__: ['panelGroupTexts'],
  panelGroupTexts: ['type', PanelGroupTexts],
};
