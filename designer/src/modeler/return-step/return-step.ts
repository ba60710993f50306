/**
 * "Return to an earlier step" in one click: the context pad of a user task offers it, a popup menu
 * lists the earlier steps by name, and picking one runs `motcua.return-to-step`.
 */
import { returnTargets, type DiagramShape } from './earlier-steps.js';
import { RETURN_TO_STEP, ReturnToStepHandler, type ReturnToStepContext } from './return-to-step-handler.js';

export const RETURN_STEP_MENU = 'motcua-return-step';

interface PopupMenu {
  registerProvider(id: string, provider: unknown): void;
  open(target: unknown, providerId: string, position: { x: number; y: number }, options?: Record<string, unknown>): void;
}

interface CommandStack {
  registerHandler(command: string, handler: unknown): void;
  execute(command: string, context: ReturnToStepContext): void;
}

export class ReturnStep {
  static $inject = ['contextPad', 'popupMenu', 'commandStack', 'config.motcua'];

  constructor(
    private readonly contextPad: { registerProvider(priority: number, provider: unknown): void; getPad(element: unknown): { html: HTMLElement } },
    private readonly popupMenu: PopupMenu,
    private readonly commandStack: CommandStack,
    private readonly config: { t(key: string): string },
  ) {
    commandStack.registerHandler(RETURN_TO_STEP, ReturnToStepHandler);
    contextPad.registerProvider(500, this);
    popupMenu.registerProvider(RETURN_STEP_MENU, this);
  }

  getContextPadEntries(element: DiagramShape) {
    if (returnTargets(element).length === 0) return {};
    const title = this.config.t('returnStep.title');
    return {
      [RETURN_TO_STEP]: {
        group: 'edit',
        className: 'bpmn-icon-loop-marker',
        title,
        action: {
          click: (event: MouseEvent, target: DiagramShape) => {
            const pad = this.contextPad.getPad(target).html.getBoundingClientRect();
            this.popupMenu.open(target, RETURN_STEP_MENU, { x: pad.left, y: pad.bottom + 5, cursor: { x: event.x, y: event.y } } as { x: number; y: number }, { title, width: 320, search: false });
          },
        },
      },
    };
  }

  getPopupMenuEntries(task: DiagramShape) {
    return Object.fromEntries(
      returnTargets(task).map((earlier) => [
        `return-to-${earlier.id}`,
        { label: earlier.businessObject.name || earlier.id, className: 'bpmn-icon-user-task', action: () => this.commandStack.execute(RETURN_TO_STEP, { task, earlier }) },
      ]),
    );
  }
}

export const ReturnStepModule = {
  __init__: ['motcuaReturnStep'],
  motcuaReturnStep: ['type', ReturnStep],
};
