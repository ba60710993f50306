/**
 * The procedure modeler: bpmn-js with the MotCua moddle extension and everything a reformer uses —
 * properties panel for MotCua attributes, live validation, deadline budget, typical-step templates,
 * returning a step's dossier to an earlier step,
 * minimap, token simulation — limited to the elements the compiler supports.
 */
import Modeler from 'bpmn-js/lib/Modeler';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule } from 'bpmn-js-properties-panel';
import MinimapModule from 'diagram-js-minimap';
import TokenSimulationModule from 'bpmn-js-token-simulation';
import { motcuaModdleDescriptor } from '@engine/moddle/read-bpmn.js';
import { BudgetViewModule } from './budget/budget-view.js';
import { PanelGroupTextsModule } from './i18n/panel-group-texts.js';
import { TokenSimulationTextsModule } from './i18n/token-simulation-texts.js';
import { TranslateModule } from './i18n/translate.js';
import { PageKeyboardModule } from './keyboard/page-keyboard.js';
import type { MotcuaConfig } from './motcua-config.js';
import { SupportedElementsModule } from './palette/supported-elements.js';
import { MotcuaPropertiesProviderModule } from './properties/motcua-properties-provider.js';
import { ReturnStepModule } from './return-step/return-step.js';
import { StepTemplatesModule } from './templates/step-templates.js';
import { LiveValidationModule } from './validation/live-validation.js';

export interface ProcedureModelerOptions {
  container: HTMLElement;
  /** Where the properties panel goes. */
  propertiesParent: HTMLElement;
  config: MotcuaConfig;
}

/** The modules MotCua adds to bpmn-js's modeler, in the order they depend on each other. */
export const motcuaModules = [
  TranslateModule,
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  MotcuaPropertiesProviderModule,
  PanelGroupTextsModule,
  SupportedElementsModule,
  StepTemplatesModule,
  ReturnStepModule,
  LiveValidationModule,
  BudgetViewModule,
  MinimapModule,
  TokenSimulationModule,
  PageKeyboardModule,
  TokenSimulationTextsModule,
];

export function createProcedureModeler(options: ProcedureModelerOptions): Modeler {
  return new Modeler({
    container: options.container,
    moddleExtensions: { mc: motcuaModdleDescriptor },
    additionalModules: motcuaModules,
    propertiesPanel: { parent: options.propertiesParent },
    minimap: { open: true },
    motcua: options.config,
  } as ConstructorParameters<typeof Modeler>[0]);
}

/** A new procedure: one start, one step, one end, and the legal settings to fill in. */
export function blankProcedureXml(name: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:mc="http://motcua.io/schema/bpmn/1.0" id="Definitions_1" targetNamespace="http://motcua.io/procedures">
  <bpmn:process id="Process_1" name="${name.replace(/[<&"]/g, '')}" isExecutable="true">
    <bpmn:extensionElements>
      <mc:procedure code="" agency="" calendarId="vn-national" legalLimit="3WD" cutOff="15:00" supplementationClock="restart" />
    </bpmn:extensionElements>
    <bpmn:startEvent id="Start_1" name="Nộp hồ sơ"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:endEvent id="End_1" name="Trả kết quả"><bpmn:incoming>Flow_1</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start_1" targetRef="End_1" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_1">
    <bpmndi:BPMNPlane id="Plane_1" bpmnElement="Process_1">
      <bpmndi:BPMNShape id="Start_1_di" bpmnElement="Start_1"><dc:Bounds x="152" y="102" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="End_1_di" bpmnElement="End_1"><dc:Bounds x="452" y="102" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="Flow_1_di" bpmnElement="Flow_1"><di:waypoint x="188" y="120" /><di:waypoint x="452" y="120" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}
