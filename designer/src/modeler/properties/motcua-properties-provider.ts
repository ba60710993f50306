/**
 * The properties panel's groups for every MotCua attribute (engine/moddle/motcua.json): the
 * procedure's legal settings on the process, and on each step its assignment, deadline, form,
 * outcomes, escalation, compliance cost, service call, called procedure, multi-instance collection;
 * on flows their FEEL condition and rework bound. Added after bpmn-js's own groups.
 */
import { Group, ListGroup } from '@bpmn-io/properties-panel';
import { is } from 'bpmn-js/lib/util/ModelUtil';
import { NATIONAL_CODE_PATTERN, onlineLevels } from '@engine/plan/online-level.js';
import { serviceTaskCatalogue, serviceTaskTypes } from '@engine/service-tasks/catalogue.js';
import type { MotcuaConfig } from '../motcua-config.js';
import { ChoiceEntry, CheckEntry, DurationEntry, FeelExpressionEntry, NumberEntry, TextEntry, type SelectOption } from './entries.js';
import {
  addListItem,
  execute,
  extensionBinding,
  moddleBinding,
  removeListItem,
  resolvePath,
  type Binding,
  type EditServices,
  type ExtensionPath,
  type ModdleObject,
} from './moddle-binding.js';

type DiagramElement = { id: string; type: string; businessObject: ModdleObject };

interface EntryDefinition {
  id: string;
  component: (props: any) => any;
  [prop: string]: unknown;
}

interface GroupDefinition {
  id: string;
  label: string;
  component: unknown;
  entries?: EntryDefinition[];
  items?: unknown[];
  add?: (event: Event) => void;
}

const PROCEDURE: ExtensionPath = { extension: 'mc:Procedure' };
const LEGAL_BASIS: ExtensionPath = { extension: 'mc:Procedure', child: { property: 'legalBasis', type: 'mc:LegalBasis' } };
const COST_MODEL: ExtensionPath = { extension: 'mc:Procedure', child: { property: 'costModel', type: 'mc:CostModel' } };
const STEP: ExtensionPath = { extension: 'mc:Step' };
const FORM: ExtensionPath = { extension: 'mc:Form' };
const OUTCOMES: ExtensionPath = { extension: 'mc:Outcomes' };
const ESCALATION: ExtensionPath = { extension: 'mc:Escalation' };
const COMPLIANCE_COST: ExtensionPath = { extension: 'mc:ComplianceCost' };
const SERVICE_CALL: ExtensionPath = { extension: 'mc:ServiceCall' };
const CALLED_PROCEDURE: ExtensionPath = { extension: 'mc:CalledProcedure' };
const MULTI_INSTANCE: ExtensionPath = { extension: 'mc:MultiInstance', host: (businessObject) => businessObject.get('loopCharacteristics') };
const REWORK: ExtensionPath = { extension: 'mc:Rework' };

export const FIELD_TYPES = ['text', 'textarea', 'number', 'boolean', 'date', 'file', 'choice'] as const;
export const OVERDUE_ACTIONS = [
  { action: 'notify', label: 'properties.notify' },
  { action: 'mark-overdue', label: 'properties.markOverdue' },
  { action: 'apology-letter', label: 'properties.apologyLetter' },
] as const;

const entry = (id: string, component: EntryDefinition['component'], label: string, binding: Binding, extra: Record<string, unknown> = {}): EntryDefinition => ({
  id,
  component,
  label,
  binding,
  ...extra,
});

/** The process of the element: the root itself, or a pool's process. */
function processOf(element: DiagramElement): ModdleObject | undefined {
  if (is(element, 'bpmn:Process')) return element.businessObject;
  if (is(element, 'bpmn:Participant')) return element.businessObject.get('processRef');
  return undefined;
}

/** `mc:outcomes` stores its `mc:outcome` children under `choices`; the form its fields under `fields`. */
function listOf(owner: ModdleObject | undefined, property: string): ModdleObject[] {
  return owner?.get(property) ?? [];
}

/** A checkbox per overdue action: present in mc:escalation as an mc:onOverdue child, or not. */
function overdueActionBinding(action: string): Binding {
  return {
    read: (element) => listOf(resolvePath(element.businessObject, ESCALATION), 'overdueActions').some((item) => item.get('action') === action),
    write(services, element, value) {
      const present = listOf(resolvePath(element.businessObject, ESCALATION), 'overdueActions').find((item) => item.get('action') === action);
      if (value && !present) addListItem(services, element, ESCALATION, 'overdueActions', 'mc:OnOverdue', { action });
      if (!value && present) removeListItem(services, element, resolvePath(element.businessObject, ESCALATION)!, 'overdueActions', present);
    },
  };
}

/** Choice options as lines `value=label`, the way a reformer lists them. */
function optionsBinding(field: ModdleObject): Binding {
  return {
    read: () => listOf(field, 'options').map((option) => `${option.get('value')}=${option.get('label') ?? ''}`).join('\n'),
    write(services, element, value) {
      const options = String(value ?? '')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line) => {
          const [optionValue, ...label] = line.split('=');
          const option = services.bpmnFactory.create('mc:Option', { value: optionValue!.trim(), label: label.join('=').trim() || optionValue!.trim() });
          option.$parent = field;
          return option;
        });
      execute(services, [{ cmd: 'element.updateModdleProperties', context: { element, moddleElement: field, properties: { options } } }]);
    },
  };
}

/** The condition of a sequence flow, a bpmn:FormalExpression created on first write. */
function conditionBinding(): Binding {
  return {
    read: (element) => element.businessObject.get('conditionExpression')?.get('body'),
    write(services, element, value) {
      const condition = value ? services.bpmnFactory.create('bpmn:FormalExpression', { body: value }) : undefined;
      execute(services, [{ cmd: 'element.updateModdleProperties', context: { element, moddleElement: element.businessObject, properties: { conditionExpression: condition } } }]);
    },
  };
}

export class MotcuaPropertiesProvider {
  static $inject = ['propertiesPanel', 'config.motcua', 'bpmnFactory', 'commandStack'];

  private readonly services: EditServices;

  constructor(
    propertiesPanel: { registerProvider(priority: number, provider: unknown): void },
    private readonly config: MotcuaConfig,
    bpmnFactory: EditServices['bpmnFactory'],
    commandStack: EditServices['commandStack'],
  ) {
    this.services = { bpmnFactory, commandStack };
    propertiesPanel.registerProvider(500, this);
  }

  getGroups(element: DiagramElement) {
    return (groups: GroupDefinition[]) => [...groups, ...this.groupsFor(element)].filter((group) => !group.entries || group.entries.length > 0);
  }

  private groupsFor(element: DiagramElement): GroupDefinition[] {
    const process = processOf(element);
    if (process) return this.procedureGroups(process === element.businessObject ? element : { ...element, businessObject: process });
    if (is(element, 'bpmn:Activity')) return this.activityGroups(element);
    if (is(element, 'bpmn:SequenceFlow')) return this.flowGroups(element);
    return [];
  }

  private group(id: string, label: string, entries: EntryDefinition[]): GroupDefinition {
    return { id, label: this.config.t(label), component: Group, entries };
  }

  private procedureGroups(element: DiagramElement): GroupDefinition[] {
    const procedure = (property: string) => extensionBinding(PROCEDURE, property);
    const nationalCode = (value: string) => (value === '' || NATIONAL_CODE_PATTERN.test(value) ? null : this.config.t('validation.nationalCode'));
    const cutOff = (value: string) => (value === '' || /^([01]\d|2[0-3]):[0-5]\d$/.test(value) ? null : this.config.t('validation.cutOff'));
    return [
      this.group('mc-procedure', 'properties.procedure', [
        entry('mc-procedure-code', TextEntry, 'properties.code', procedure('code')),
        entry('mc-procedure-national-code', TextEntry, 'properties.nationalCode', procedure('nationalCode'), { validate: nationalCode }),
        entry('mc-procedure-field', TextEntry, 'properties.procedureField', procedure('field')),
        entry('mc-procedure-online-level', ChoiceEntry, 'properties.onlineLevel', procedure('onlineLevel'), {
          options: () => onlineLevels.map((level) => ({ value: level, label: this.config.t(`catalogue.levels.${level}`) })),
        }),
        entry('mc-procedure-agency', ChoiceEntry, 'properties.agency', procedure('agency'), { options: () => this.agencyOptions() }),
        entry('mc-procedure-legal-limit', DurationEntry, 'properties.legalLimit', procedure('legalLimit')),
        entry('mc-procedure-calendar', TextEntry, 'properties.calendar', procedure('calendarId')),
        entry('mc-procedure-cut-off', TextEntry, 'properties.cutOff', procedure('cutOff'), { validate: cutOff }),
        entry('mc-procedure-supplementation-clock', ChoiceEntry, 'properties.supplementationClock', procedure('supplementationClock'), {
          options: () => [
            { value: 'restart', label: this.config.t('properties.clockRestart') },
            { value: 'pause', label: this.config.t('properties.clockPause') },
          ],
        }),
      ]),
      this.group('mc-legal-basis', 'properties.legalBasis', [
        entry('mc-legal-basis-text', TextEntry, 'properties.legalBasisText', extensionBinding(LEGAL_BASIS, 'text'), { multiline: true }),
        entry('mc-legal-basis-href', TextEntry, 'properties.legalBasisHref', extensionBinding(LEGAL_BASIS, 'href')),
      ]),
      this.group('mc-cost-model', 'properties.costModel', [
        entry('mc-cost-hourly-income', NumberEntry, 'properties.hourlyIncome', extensionBinding(COST_MODEL, 'hourlyIncome')),
        entry('mc-cost-times-per-year', NumberEntry, 'properties.timesPerYear', extensionBinding(COST_MODEL, 'timesPerYear')),
        entry('mc-cost-subjects-per-year', NumberEntry, 'properties.subjectsPerYear', extensionBinding(COST_MODEL, 'subjectsPerYear')),
      ]),
    ];
  }

  private activityGroups(element: DiagramElement): GroupDefinition[] {
    const step = (property: string) => extensionBinding(STEP, property);
    const groups = [
      this.group('mc-step', 'properties.step', [
        entry('mc-step-role', ChoiceEntry, 'properties.role', step('role'), { options: () => this.positionOptions() }),
        entry('mc-step-unit', ChoiceEntry, 'properties.unit', step('unit'), { options: () => this.unitOptions(element) }),
        entry('mc-step-agency', ChoiceEntry, 'properties.stepAgency', step('agency'), { options: () => this.agencyOptions() }),
        entry('mc-step-deadline', DurationEntry, 'properties.deadline', step('deadline')),
        entry('mc-step-citizen-facing', CheckEntry, 'properties.citizenFacing', step('citizenFacing')),
        ...(is(element, 'bpmn:ReceiveTask') ? [entry('mc-step-supplementation', CheckEntry, 'properties.supplementation', step('supplementation'))] : []),
        ...(is(element, 'bpmn:UserTask') ? [entry('mc-step-returns-result', CheckEntry, 'properties.returnsResult', step('returnsResult'))] : []),
      ]),
    ];
    if (is(element, 'bpmn:UserTask')) groups.push(...this.userTaskGroups(element));
    if (is(element, 'bpmn:ServiceTask')) groups.push(...this.serviceTaskGroups(element));
    if (is(element, 'bpmn:CallActivity')) {
      groups.push(
        this.group('mc-called-procedure', 'properties.calledProcedure', [
          entry('mc-called-code', TextEntry, 'properties.calledCode', moddleBinding((target) => target.businessObject, 'calledElement')),
          entry('mc-called-version', TextEntry, 'properties.calledVersion', extensionBinding(CALLED_PROCEDURE, 'version'), {
            validate: (value: string) => (value === '' || /^(latest|deployment|\d+)$/.test(value) ? null : this.config.t('validation.calledVersion')),
          }),
        ]),
      );
    }
    if (is(element.businessObject.get('loopCharacteristics'), 'bpmn:MultiInstanceLoopCharacteristics')) {
      groups.push(
        this.group('mc-multi-instance', 'properties.multiInstance', [
          entry('mc-multi-instance-collection', FeelExpressionEntry, 'properties.collection', extensionBinding(MULTI_INSTANCE, 'collection')),
          entry('mc-multi-instance-element-variable', TextEntry, 'properties.elementVariable', extensionBinding(MULTI_INSTANCE, 'elementVariable')),
        ]),
      );
    }
    const escalation = (property: string) => extensionBinding(ESCALATION, property);
    const cost = (property: string) => extensionBinding(COMPLIANCE_COST, property);
    groups.push(
      this.group('mc-escalation', 'properties.escalation', [
        entry('mc-escalation-due-soon', TextEntry, 'properties.dueSoonShare', escalation('dueSoonShare'), {
          validate: (value: string) => (value === '' || (/^0?\.\d+$/.test(value) && Number(value) > 0) ? null : this.config.t('validation.share')),
        }),
        entry('mc-escalation-target', ChoiceEntry, 'properties.escalationTarget', escalation('target'), {
          options: () => [{ value: 'unit-head', label: this.config.t('properties.unitHead') }, ...this.positionOptions()],
        }),
        entry('mc-escalation-reassign-after', DurationEntry, 'properties.reassignAfter', escalation('reassignAfter')),
        ...OVERDUE_ACTIONS.map(({ action, label }) => entry(`mc-escalation-${action}`, CheckEntry, label, overdueActionBinding(action))),
      ]),
      this.group('mc-compliance-cost', 'properties.complianceCost', [
        entry('mc-cost-citizen-hours', NumberEntry, 'properties.citizenHours', cost('citizenHours')),
        entry('mc-cost-travel', NumberEntry, 'properties.travelCost', cost('travelCost')),
        entry('mc-cost-copy', NumberEntry, 'properties.copyCost', cost('copyCost')),
        entry('mc-cost-fees', NumberEntry, 'properties.fees', cost('fees')),
      ]),
    );
    return groups;
  }

  private userTaskGroups(element: DiagramElement): GroupDefinition[] {
    const form = resolvePath(element.businessObject, FORM);
    const outcomes = resolvePath(element.businessObject, OUTCOMES);
    const fieldItems = listOf(form, 'fields').map((field, index) => {
      const of = (property: string) => moddleBinding(() => field, property);
      const id = `mc-form-field-${index}`;
      return {
        id,
        label: field.get('label') || field.get('key') || this.config.t('properties.field'),
        entries: [
          entry(`${id}-key`, TextEntry, 'properties.fieldKey', of('key')),
          entry(`${id}-label`, TextEntry, 'properties.fieldLabel', of('label')),
          entry(`${id}-type`, ChoiceEntry, 'properties.fieldType', of('type'), {
            options: () => FIELD_TYPES.map((type) => ({ value: type, label: this.config.t(`fieldTypes.${type}`) })),
          }),
          entry(`${id}-required`, CheckEntry, 'properties.fieldRequired', of('required')),
          ...(field.get('type') === 'choice' ? [entry(`${id}-options`, TextEntry, 'properties.fieldOptions', optionsBinding(field), { multiline: true })] : []),
        ].map((definition) => ({ ...definition, element })),
        remove: () => removeListItem(this.services, element, form!, 'fields', field),
      };
    });
    const outcomeItems = listOf(outcomes, 'choices').map((outcome, index) => {
      const of = (property: string) => moddleBinding(() => outcome, property);
      const id = `mc-outcome-${index}`;
      return {
        id,
        label: outcome.get('label') || outcome.get('value') || this.config.t('properties.outcome'),
        entries: [entry(`${id}-value`, TextEntry, 'properties.outcomeValue', of('value')), entry(`${id}-label`, TextEntry, 'properties.outcomeLabel', of('label'))].map(
          (definition) => ({ ...definition, element }),
        ),
        remove: () => removeListItem(this.services, element, outcomes!, 'choices', outcome),
      };
    });
    const nextKey = (prefix: string, taken: ModdleObject[], property: string) => {
      let index = taken.length + 1;
      while (taken.some((item) => item.get(property) === `${prefix}${index}`)) index += 1;
      return `${prefix}${index}`;
    };
    return [
      this.group('mc-form', 'properties.form', [entry('mc-form-schema-ref', TextEntry, 'properties.schemaRef', extensionBinding(FORM, 'schemaRef'))]),
      {
        id: 'mc-form-fields',
        label: this.config.t('properties.formFields'),
        component: ListGroup,
        items: fieldItems,
        add: (event: Event) => {
          event.stopPropagation();
          const key = nextKey('truong', listOf(form, 'fields'), 'key');
          addListItem(this.services, element, FORM, 'fields', 'mc:Field', { key, label: key, type: 'text', required: false });
        },
      },
      this.group('mc-outcomes', 'properties.outcomes', [entry('mc-outcomes-variable', TextEntry, 'properties.outcomeVariable', extensionBinding(OUTCOMES, 'variable'))]),
      {
        id: 'mc-outcome-choices',
        label: this.config.t('properties.outcomeChoices'),
        component: ListGroup,
        items: outcomeItems,
        add: (event: Event) => {
          event.stopPropagation();
          const value = nextKey('ket-qua-', listOf(outcomes, 'choices'), 'value');
          addListItem(this.services, element, OUTCOMES, 'choices', 'mc:Outcome', { value, label: value });
        },
      },
    ];
  }

  private serviceTaskGroups(element: DiagramElement): GroupDefinition[] {
    const call = resolvePath(element.businessObject, SERVICE_CALL);
    const items = listOf(call, 'inputs').map((input, index) => {
      const id = `mc-input-${index}`;
      return {
        id,
        label: input.get('target') || this.config.t('properties.input'),
        entries: [
          entry(`${id}-target`, TextEntry, 'properties.inputTarget', moddleBinding(() => input, 'target')),
          entry(`${id}-expression`, FeelExpressionEntry, 'properties.inputExpression', moddleBinding(() => input, 'expression')),
        ].map((definition) => ({ ...definition, element })),
        remove: () => removeListItem(this.services, element, call!, 'inputs', input),
      };
    });
    return [
      this.group('mc-service-call', 'properties.serviceCall', [
        entry('mc-service-type', ChoiceEntry, 'properties.serviceType', extensionBinding(SERVICE_CALL, 'type'), { options: () => this.serviceTypeOptions() }),
      ]),
      {
        id: 'mc-service-inputs',
        label: this.config.t('properties.inputs'),
        component: ListGroup,
        items,
        add: (event: Event) => {
          event.stopPropagation();
          addListItem(this.services, element, SERVICE_CALL, 'inputs', 'mc:Input', { target: '', expression: '' });
        },
      },
    ];
  }

  private flowGroups(element: DiagramElement): GroupDefinition[] {
    const source = element.businessObject.get('sourceRef');
    const conditional = is(source, 'bpmn:ExclusiveGateway') || is(source, 'bpmn:InclusiveGateway');
    return [
      this.group('mc-flow', 'properties.flow', [
        ...(conditional ? [entry('mc-flow-condition', FeelExpressionEntry, 'properties.condition', conditionBinding())] : []),
        entry('mc-flow-max-rounds', NumberEntry, 'properties.maxRounds', extensionBinding(REWORK, 'maxRounds')),
      ]),
    ];
  }

  private agencyOptions(): SelectOption[] {
    return this.config.directory().agencies.map((agency) => ({ value: agency.id, label: agency.name }));
  }

  /** The activity types the worker runs (engine/service-tasks/catalogue.ts), in the modeler's language. */
  private serviceTypeOptions(): SelectOption[] {
    const locale = this.config.locale();
    return serviceTaskTypes.map((type) => ({ value: type, label: serviceTaskCatalogue[type].label[locale] }));
  }

  private positionOptions(): SelectOption[] {
    return this.config.directory().positions.map((position) => ({ value: position.id, label: position.name }));
  }

  /** Units of the step's agency (or the procedure's), all units when neither is known. */
  private unitOptions(element: DiagramElement): SelectOption[] {
    const directory = this.config.directory();
    const stepAgency = resolvePath(element.businessObject, STEP)?.get('agency');
    let process: ModdleObject | undefined = element.businessObject;
    while (process && process.$type !== 'bpmn:Process') process = process.$parent;
    const agency = stepAgency || (process && resolvePath(process, PROCEDURE)?.get('agency'));
    const units = directory.units.filter((unit) => !agency || unit.agencyId === agency);
    return (units.length > 0 ? units : directory.units).map((unit) => ({ value: unit.id, label: unit.name }));
  }
}

export const MotcuaPropertiesProviderModule = {
  __init__: ['motcuaPropertiesProvider'],
  motcuaPropertiesProvider: ['type', MotcuaPropertiesProvider],
};
