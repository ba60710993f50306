/**
 * The deadline budget on the canvas: the critical path highlighted, and each step's deadline (or a
 * timer's duration) as a badge under it, redrawn whenever live validation has compiled.
 */
import { is } from 'bpmn-js/lib/util/ModelUtil';
import { formatDuration } from '../../i18n/format.js';
import type { MotcuaConfig } from '../motcua-config.js';
import { extensionOf, type ModdleObject } from '../properties/moddle-binding.js';
import { VALIDATED_EVENT, type ValidatedEvent } from '../validation/live-validation.js';

const CRITICAL_MARKER = 'mc-critical';

type DiagramElement = { id: string; type: string; businessObject: ModdleObject; waypoints?: unknown; height?: number };

/** What a step or timer takes, as written in the model. */
export function stepDuration(element: DiagramElement): string | undefined {
  const businessObject = element.businessObject;
  if (is(element, 'bpmn:Activity')) return extensionOf(businessObject, 'mc:Step')?.get('deadline');
  const timer = (businessObject.get('eventDefinitions') as ModdleObject[] | undefined)?.find((definition) => definition.$type === 'bpmn:TimerEventDefinition');
  return timer?.get('timeDuration')?.get('body');
}

export class BudgetView {
  static $inject = ['eventBus', 'canvas', 'overlays', 'elementRegistry', 'config.motcua'];

  private critical: string[] = [];
  private showCritical = true;

  constructor(
    eventBus: { on(event: string, callback: (event: ValidatedEvent) => void): void },
    private readonly canvas: { addMarker(id: string, marker: string): void; removeMarker(id: string, marker: string): void },
    private readonly overlays: { add(id: string, type: string, overlay: unknown): string; remove(filter: { type: string }): void },
    private readonly elementRegistry: { get(id: string): DiagramElement | undefined; filter(fn: (element: DiagramElement) => boolean): DiagramElement[] },
    private readonly config: MotcuaConfig,
  ) {
    eventBus.on(VALIDATED_EVENT, ({ result }) => {
      this.drawCriticalPath(result.analysis?.budget.criticalPath ?? []);
      this.drawDeadlines();
    });
  }

  /** Shows or hides the critical path (the badges stay). */
  toggleCriticalPath(show: boolean): void {
    this.showCritical = show;
    this.drawCriticalPath(this.critical);
  }

  private drawCriticalPath(ids: string[]): void {
    for (const id of this.critical) if (this.elementRegistry.get(id)) this.canvas.removeMarker(id, CRITICAL_MARKER);
    this.critical = ids;
    if (!this.showCritical) return;
    for (const id of ids) if (this.elementRegistry.get(id)) this.canvas.addMarker(id, CRITICAL_MARKER);
  }

  private drawDeadlines(): void {
    this.overlays.remove({ type: 'mc-deadline' });
    const locale = this.config.locale();
    for (const element of this.elementRegistry.filter((candidate) => !candidate.waypoints && (is(candidate, 'bpmn:Activity') || is(candidate, 'bpmn:Event')))) {
      const duration = stepDuration(element);
      if (!duration) continue;
      const badge = document.createElement('div');
      badge.className = 'mc-deadline-badge';
      badge.dataset.elementId = element.id;
      badge.textContent = formatDuration(duration, locale);
      this.overlays.add(element.id, 'mc-deadline', { position: { bottom: is(element, 'bpmn:Activity') ? 8 : -4, left: 0 }, html: badge });
    }
  }
}

export const BudgetViewModule = {
  __init__: ['motcuaBudgetView'],
  motcuaBudgetView: ['type', BudgetView],
};
