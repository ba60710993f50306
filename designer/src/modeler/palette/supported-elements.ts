/**
 * Keeps the modeler to what the compiler supports (engine/plan/README.md): the palette, the context
 * pad and the replace menu offer no element that would only come back as `unsupported-element`.
 * Documentation-only elements (pools, data, groups, annotations) stay.
 */

/** Replace-menu targets the compiler supports, by bpmn-js's popup entry name. */
const SUPPORTED_REPLACEMENTS = new Set([
  'user-task', 'service-task', 'send-task', 'receive-task', 'call-activity', 'collapsed-subprocess', 'expanded-subprocess',
  'exclusive-gateway', 'parallel-gateway', 'inclusive-gateway', 'event-based-gateway',
  'none-start', 'message-start', 'none-end', 'error-end', 'escalation-end', 'terminate-end',
  'message-intermediate-catch', 'timer-intermediate-catch',
  'message-boundary', 'timer-boundary', 'escalation-boundary', 'error-boundary',
  'non-interrupting-message-boundary', 'non-interrupting-timer-boundary', 'non-interrupting-escalation-boundary',
  'sequence-flow', 'default-flow', 'conditional-flow',
  'data-store-reference', 'data-object-reference', 'expanded-pool', 'collapsed-pool',
]);

/** Header toggles of the replace menu the compiler refuses: standard loops, ad-hoc subprocesses. */
const UNSUPPORTED_TOGGLES = new Set(['toggle-loop', 'toggle-adhoc']);

/** Palette entries creating what the compiler refuses: a task without a type, an intermediate throw event. */
const UNSUPPORTED_PALETTE = ['create.task', 'create.intermediate-event'];
const UNSUPPORTED_APPEND = ['append.append-task', 'append.intermediate-event'];

type Entries = Record<string, any>;

export function isSupportedReplacement(entryId: string): boolean {
  return !entryId.startsWith('replace-with-') || SUPPORTED_REPLACEMENTS.has(entryId.slice('replace-with-'.length));
}

function without(entries: Entries, ids: string[]): Entries {
  return Object.fromEntries(Object.entries(entries).filter(([id]) => !ids.includes(id)));
}

export class SupportedElements {
  static $inject = ['palette', 'contextPad', 'popupMenu', 'elementFactory', 'create', 'autoPlace', 'translate'];

  constructor(
    palette: { registerProvider(priority: number, provider: unknown): void },
    contextPad: { registerProvider(priority: number, provider: unknown): void },
    popupMenu: { registerProvider(id: string, priority: number, provider: unknown): void },
    private readonly elementFactory: { createShape(attributes: Record<string, unknown>): unknown },
    private readonly create: { start(event: Event, shape: unknown, context?: unknown): void },
    private readonly autoPlace: { append(source: unknown, shape: unknown): void },
    private readonly translate: (text: string) => string,
  ) {
    palette.registerProvider(500, this);
    contextPad.registerProvider(500, this);
    popupMenu.registerProvider('bpmn-replace', 500, this);
  }

  getPaletteEntries() {
    return (entries: Entries) => {
      const added: Entries = {
        'create.timer-event': this.paletteCreate('bpmn:IntermediateCatchEvent', 'event', 'bpmn-icon-intermediate-event-catch-timer', 'Create timer event', { eventDefinitionType: 'bpmn:TimerEventDefinition' }),
        'create.parallel-gateway': this.paletteCreate('bpmn:ParallelGateway', 'gateway', 'bpmn-icon-gateway-parallel', 'Create parallel gateway'),
        'create.user-task': this.paletteCreate('bpmn:UserTask', 'activity', 'bpmn-icon-user-task', 'Create user task'),
        'create.service-task': this.paletteCreate('bpmn:ServiceTask', 'activity', 'bpmn-icon-service-task', 'Create service task'),
      };
      // Ours go in just before the subprocess, so each sits in its group in the palette's order.
      const result: Entries = {};
      for (const [id, entry] of Object.entries(without(entries, UNSUPPORTED_PALETTE))) {
        if (id === 'create.subprocess-expanded') Object.assign(result, added);
        result[id] = entry;
      }
      return { ...result, ...added };
    };
  }

  getContextPadEntries(element: { type: string }) {
    return (entries: Entries) => {
      if (!entries['append.append-task']) return without(entries, UNSUPPORTED_APPEND);
      const kept = without(entries, UNSUPPORTED_APPEND);
      const append = (event: Event, source: unknown) => this.create.start(event, this.elementFactory.createShape({ type: 'bpmn:UserTask' }), { source });
      return {
        ...kept,
        'append.user-task': {
          group: 'model',
          className: 'bpmn-icon-user-task',
          title: this.translate('Append user task'),
          action: {
            click: (_event: Event, source: unknown) => this.autoPlace.append(source ?? element, this.elementFactory.createShape({ type: 'bpmn:UserTask' })),
            dragstart: append,
          },
        },
      };
    };
  }

  getPopupMenuEntries() {
    return (entries: Entries) => Object.fromEntries(Object.entries(entries).filter(([id]) => isSupportedReplacement(id)));
  }

  getPopupMenuHeaderEntries() {
    return (entries: Entries) => without(entries, [...UNSUPPORTED_TOGGLES]);
  }

  private paletteCreate(type: string, group: string, className: string, title: string, options: Record<string, unknown> = {}) {
    const start = (event: Event) => this.create.start(event, this.elementFactory.createShape({ type, ...options }));
    return { group, className, title: this.translate(title), action: { dragstart: start, click: start } };
  }
}

export const SupportedElementsModule = {
  __init__: ['motcuaSupportedElements'],
  motcuaSupportedElements: ['type', SupportedElements],
};
