/**
 * bpmn-js-token-simulation writes its English texts straight into the page (it has no `translate`
 * calls): this passes each text and title it puts in the canvas through the `translate` service, as
 * it appears. Its sentences with a name inside ("Set animation speed = Fast", "Process started")
 * are read back into their templates first.
 */
type Translate = (template: string, replacements?: Record<string, string>) => string;

/** The token simulation's sentences that carry a value, as `translate` templates. */
const TEMPLATES = ['Set animation speed = {speed}', 'Focus process instance {id}', '{name} started', '{name} finished', '{name} canceled'];

const templatePatterns = TEMPLATES.map((template) => {
  const names = [...template.matchAll(/{(\w+)}/g)].map((match) => match[1]!);
  const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/{\w+}/g, '(.+)');
  return { template, names, pattern: new RegExp(`^${source}$`) };
});

/** One English text of the simulation in the reader's language ('' stays ''). */
export function translateSimulationText(text: string, translate: Translate): string {
  const trimmed = text.trim();
  if (!trimmed) return text;
  const direct = translate(trimmed);
  if (direct !== trimmed) return text.replace(trimmed, direct);
  for (const { template, names, pattern } of templatePatterns) {
    const match = pattern.exec(trimmed);
    if (!match) continue;
    const values = Object.fromEntries(names.map((name, index) => [name, translate(match[index + 1]!)]));
    return text.replace(trimmed, translate(template, values));
  }
  return text;
}

const TRANSLATED_ATTRIBUTES = ['title', 'aria-label'];
const SIMULATION = '[class^="bts-"], [class*=" bts-"]';

function translateText(node: Node, translate: Translate): void {
  if (!node.parentElement?.closest(SIMULATION)) return;
  const translated = translateSimulationText(node.textContent ?? '', translate);
  if (translated !== node.textContent) node.textContent = translated;
}

function translateAttributes(element: Element, translate: Translate): void {
  if (!element.matches(SIMULATION)) return;
  for (const attribute of TRANSLATED_ATTRIBUTES) {
    const value = element.getAttribute(attribute);
    if (value === null) continue;
    const translated = translateSimulationText(value, translate);
    if (translated !== value) element.setAttribute(attribute, translated);
  }
}

/** The simulation's texts and titles under `root`; the diagram's SVG is not looked into. */
function translateTree(root: Node, translate: Translate): void {
  if (root.nodeType === Node.TEXT_NODE) return translateText(root, translate);
  if (!(root instanceof HTMLElement)) return;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT, {
    acceptNode: (node) => (node instanceof SVGElement ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  translateAttributes(root, translate);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) translateText(node, translate);
    else translateAttributes(node as Element, translate);
  }
}

export class TokenSimulationTexts {
  static $inject = ['canvas', 'translate', 'eventBus'];

  private readonly observer: MutationObserver;

  constructor(canvas: { getContainer(): HTMLElement }, translate: Translate, eventBus: { on(event: string, callback: () => void): void }) {
    const container = canvas.getContainer();
    translateTree(container, translate);
    this.observer = new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        if (mutation.type === 'attributes') translateAttributes(mutation.target as Element, translate);
        else if (mutation.type === 'characterData') translateText(mutation.target, translate);
        else for (const node of mutation.addedNodes) translateTree(node, translate);
      }
    });
    this.observer.observe(container, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: TRANSLATED_ATTRIBUTES });
    eventBus.on('diagram.destroy', () => this.observer.disconnect());
  }
}

export const TokenSimulationTextsModule = {
  __init__: ['tokenSimulationTexts'],
  tokenSimulationTexts: ['type', TokenSimulationTexts],
};
