/**
 * The command `motcua.return-to-step`: a user task gains the outcome "return to <earlier step>", an
 * exclusive gateway after it (put there, with the task's flow as its default, unless it has one) and
 * a flow from the gateway back to the earlier step, taken on that outcome, reworked at most once.
 * Everything is done through modeling in preExecute, so one undo takes it all back.
 */
import { extensionOf, type ModdleObject } from '../properties/moddle-binding.js';
import { gatewayAfter, returnValue, type DiagramConnection, type DiagramShape } from './earlier-steps.js';

export const RETURN_TO_STEP = 'motcua.return-to-step';

export interface ReturnToStepContext {
  task: DiagramShape;
  earlier: DiagramShape;
}

interface Factory {
  create(type: string, attributes?: Record<string, unknown>): any;
}

interface Modeling {
  updateProperties(element: unknown, properties: Record<string, unknown>): void;
  updateModdleProperties(element: unknown, moddleElement: unknown, properties: Record<string, unknown>): void;
  createShape(shape: { type: string }, position: { x: number; y: number }, parent: unknown): DiagramShape;
  connect(source: DiagramShape, target: DiagramShape, attributes: Record<string, unknown>): DiagramConnection;
  reconnectStart(connection: DiagramConnection, source: DiagramShape, docking: { x: number; y: number }): void;
  createSpace(moving: unknown[], resizing: unknown[], delta: { x: number; y: number }, direction: string, start: number): void;
}

interface SpaceTool {
  calculateAdjustments(elements: unknown[], axis: 'x', delta: number, start: number): { movingShapes: unknown[]; resizingShapes: unknown[] };
}

/** Room made after the task for the gateway and its flows. */
const GATEWAY_ROOM = 100;
/** How far below the lower of the two steps the flow back runs. */
const RETURN_LANE = 60;

/** The outcome variable a task without one gets. */
const outcomeVariable = (task: DiagramShape) => `ketQua_${task.id.replace(/\W/g, '_')}`;

export class ReturnToStepHandler {
  static $inject = ['modeling', 'bpmnFactory', 'spaceTool', 'elementRegistry', 'config.motcua'];

  constructor(
    private readonly modeling: Modeling,
    private readonly factory: Factory,
    private readonly spaceTool: SpaceTool,
    private readonly elementRegistry: { getAll(): unknown[] },
    private readonly config: { t(key: string, values?: Record<string, unknown>): string },
  ) {}

  preExecute({ task, earlier }: ReturnToStepContext) {
    const value = returnValue(earlier);
    const label = this.config.t('returnStep.outcome', { name: earlier.businessObject.name || earlier.id });
    const variable = this.addOutcome(task, value, label);
    const gateway = gatewayAfter(task) ?? this.insertGateway(task);
    const below = Math.max(task.y + task.height, earlier.y + earlier.height) + RETURN_LANE;
    const gatewayMid = { x: gateway.x + gateway.width / 2, y: gateway.y + gateway.height / 2 };
    const earlierMid = { x: earlier.x + earlier.width / 2, y: earlier.y + earlier.height / 2 };
    const back = this.modeling.connect(gateway, earlier, {
      type: 'bpmn:SequenceFlow',
      waypoints: [
        { x: gatewayMid.x, y: gateway.y + gateway.height },
        { x: gatewayMid.x, y: below },
        { x: earlierMid.x, y: below },
        { x: earlierMid.x, y: earlier.y + earlier.height },
      ],
    });
    const extensionElements = this.factory.create('bpmn:ExtensionElements', { values: [] });
    extensionElements.values = [this.child(extensionElements, 'mc:Rework', { maxRounds: '1' })];
    this.modeling.updateProperties(back, {
      name: label,
      conditionExpression: this.factory.create('bpmn:FormalExpression', { body: `${variable} = "${value}"` }),
      extensionElements,
    });
  }

  private child(parent: unknown, type: string, attributes: Record<string, unknown>) {
    const element = this.factory.create(type, attributes);
    element.$parent = parent;
    return element;
  }

  /** Adds the outcome to the task's outcomes (made, with a "go on" choice, if it has none) and answers their variable. */
  private addOutcome(task: DiagramShape, value: string, label: string): string {
    let extensionElements = task.businessObject.get('extensionElements');
    if (!extensionElements) {
      extensionElements = this.factory.create('bpmn:ExtensionElements', { values: [] });
      this.modeling.updateProperties(task, { extensionElements });
    }
    const values = extensionElements.get('values');
    let outcomes = extensionOf(task.businessObject, 'mc:Outcomes');
    if (!outcomes) {
      const made: ModdleObject = this.child(extensionElements, 'mc:Outcomes', { variable: outcomeVariable(task) });
      made.choices = [this.child(made, 'mc:Outcome', { value: 'chuyen-tiep', label: this.config.t('returnStep.goOn') })];
      this.modeling.updateModdleProperties(task, extensionElements, { values: [...values, made] });
      outcomes = made;
    } else if (!outcomes.get('variable')) {
      this.modeling.updateModdleProperties(task, outcomes, { variable: outcomeVariable(task) });
    }
    this.modeling.updateModdleProperties(task, outcomes, { choices: [...outcomes.get('choices'), this.child(outcomes, 'mc:Outcome', { value, label })] });
    return outcomes.get('variable');
  }

  /** Makes room after the task and puts an exclusive gateway there; the task's flow leaves the gateway as its default. */
  private insertGateway(task: DiagramShape): DiagramShape {
    const flow = task.outgoing.find((connection) => connection.type === 'bpmn:SequenceFlow')!;
    const right = task.x + task.width;
    const { movingShapes, resizingShapes } = this.spaceTool.calculateAdjustments(this.elementRegistry.getAll(), 'x', GATEWAY_ROOM, right);
    this.modeling.createSpace(movingShapes, resizingShapes, { x: GATEWAY_ROOM, y: 0 }, 'e', right);
    const position = { x: right + GATEWAY_ROOM / 2, y: task.y + task.height / 2 };
    const gateway = this.modeling.createShape({ type: 'bpmn:ExclusiveGateway' }, position, task.parent);
    this.modeling.reconnectStart(flow, gateway, position);
    this.modeling.connect(task, gateway, { type: 'bpmn:SequenceFlow' });
    this.modeling.updateProperties(gateway, { default: flow.businessObject });
    return gateway;
  }
}
