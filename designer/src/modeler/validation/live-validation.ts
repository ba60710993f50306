/**
 * Live validation: the compiler's own diagnostics (one source of truth for the rules) on every
 * change, debounced, drawn as markers on the elements they name. Other views — the problems list,
 * the deadline budget — listen to `motcua.validated`.
 */
import { compileDefinitions, type CompileResult } from '@engine/compiler/compile.js';
import type { Diagnostic } from '@engine/diagnostics/diagnostic.js';
import type { ModdleElement } from '@engine/moddle/moddle-element.js';
import type { MotcuaConfig } from '../motcua-config.js';

/** Quiet time after the last change before compiling: a burst of edits compiles once. */
export const VALIDATION_DEBOUNCE_MS = 250;
/**
 * States the soundness check may explore per scope while drawing: well below the deploy-time bound,
 * so an unstructured model stays fluid (the check then says "inconclusive" until deployment decides).
 */
export const LIVE_MAX_STATES = 5_000;

export const VALIDATED_EVENT = 'motcua.validated';

export interface ValidatedEvent {
  result: CompileResult;
  /** Time the compile took, in milliseconds. */
  duration: number;
}

const severityMarker: Record<Diagnostic['severity'], string> = { error: 'mc-has-error', warning: 'mc-has-warning', info: 'mc-has-info' };
const severityRank: Record<Diagnostic['severity'], number> = { error: 0, warning: 1, info: 2 };

interface Overlays {
  add(elementId: string, type: string, overlay: { position: Record<string, number>; html: HTMLElement }): string;
  remove(filter: { type: string }): void;
}

export class LiveValidation {
  static $inject = ['eventBus', 'bpmnjs', 'canvas', 'overlays', 'elementRegistry', 'config.motcua'];

  private timer: ReturnType<typeof setTimeout> | null = null;
  private marked = new Map<string, string>();
  private latest: CompileResult | null = null;

  constructor(
    private readonly eventBus: { on(event: string, callback: (...args: any[]) => void): void; fire(event: string, data: unknown): void },
    private readonly bpmnjs: { getDefinitions(): unknown },
    private readonly canvas: { addMarker(id: string, marker: string): void; removeMarker(id: string, marker: string): void },
    private readonly overlays: Overlays,
    private readonly elementRegistry: { get(id: string): unknown },
    private readonly config: MotcuaConfig,
  ) {
    eventBus.on('import.done', () => this.validateNow());
    eventBus.on('commandStack.changed', () => this.schedule());
    eventBus.on('diagram.destroy', () => this.timer && clearTimeout(this.timer));
  }

  /** The last result, or null before the first import. */
  get result(): CompileResult | null {
    return this.latest;
  }

  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.validateNow(), VALIDATION_DEBOUNCE_MS);
  }

  validateNow(): CompileResult | null {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const definitions = this.bpmnjs.getDefinitions() as ModdleElement | undefined;
    if (!definitions) return null;
    const started = performance.now();
    const result = compileDefinitions(definitions, { procedures: this.config.procedures(), maxStates: LIVE_MAX_STATES });
    const duration = performance.now() - started;
    this.latest = result;
    this.draw(result.diagnostics);
    this.eventBus.fire(VALIDATED_EVENT, { result, duration } satisfies ValidatedEvent);
    return result;
  }

  /** One marker per element, for its worst finding, and a badge counting its findings. */
  private draw(diagnostics: Diagnostic[]): void {
    // Elements gone since (another diagram opened, an element deleted) took their markers with them.
    for (const [id, marker] of this.marked) if (this.elementRegistry.get(id)) this.canvas.removeMarker(id, marker);
    this.marked.clear();
    this.overlays.remove({ type: 'mc-diagnostics' });
    const byElement = new Map<string, Diagnostic[]>();
    for (const diagnostic of diagnostics) {
      if (!diagnostic.elementId || !this.elementRegistry.get(diagnostic.elementId)) continue;
      byElement.set(diagnostic.elementId, [...(byElement.get(diagnostic.elementId) ?? []), diagnostic]);
    }
    const locale = this.config.locale();
    for (const [id, found] of byElement) {
      const worst = found.reduce((a, b) => (severityRank[b.severity] < severityRank[a.severity] ? b : a));
      const marker = severityMarker[worst.severity];
      this.canvas.addMarker(id, marker);
      this.marked.set(id, marker);
      const badge = document.createElement('div');
      badge.className = `mc-diagnostic-badge mc-${worst.severity}`;
      badge.dataset.elementId = id;
      badge.textContent = String(found.length);
      badge.title = found.map((diagnostic) => diagnostic.message[locale]).join('\n');
      this.overlays.add(id, 'mc-diagnostics', { position: { top: -10, right: 10 }, html: badge });
    }
  }
}

export const LiveValidationModule = {
  __init__: ['motcuaLiveValidation'],
  motcuaLiveValidation: ['type', LiveValidation],
};
