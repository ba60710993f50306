import type { Page } from 'playwright-core';

/** One control a finger must hit, where it is on the page and its size in CSS pixels. */
export interface TouchTarget {
  what: string;
  width: number;
  height: number;
  /** Shows no text (an icon): its width counts too. */
  iconOnly: boolean;
}

/**
 * Every visible control of the page a finger taps: buttons, links styled as buttons, the header's
 * links, links standing alone in their line, fields, lists and text areas, and the labels of check
 * boxes and radio buttons (the label is what a finger taps; a box outside a label counts itself).
 * Links inside running text are not counted (WCAG 2.5.8's inline exception).
 */
export function touchTargets(page: Page): Promise<TouchTarget[]> {
  return page.evaluate(() => {
    const choice = 'input[type="checkbox"], input[type="radio"]';
    const candidates = new Set<Element>(document.querySelectorAll(`button, [role="button"], a.button, .app-header a, summary, select, textarea, input:not([type="hidden"])`));
    for (const link of document.querySelectorAll('a[href]')) {
      if (link.parentElement && link.parentElement.textContent?.trim() === link.textContent?.trim()) candidates.add(link);
    }
    for (const box of document.querySelectorAll(choice)) {
      const label = box.closest('label');
      if (label) {
        candidates.delete(box);
        candidates.add(label);
      }
    }
    const describe = (element: Element) => {
      const test = element.getAttribute('data-test');
      const name = element.getAttribute('name') ?? element.querySelector('[name]')?.getAttribute('name');
      const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `<${element.tagName.toLowerCase()}${test ? ` data-test="${test}"` : ''}${name ? ` name="${name}"` : ''}>${text ? ` "${text}"` : ''}`;
    };
    return [...candidates]
      .filter((element) => element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }))
      .map((element) => {
        const box = element.getBoundingClientRect();
        const iconOnly = !['INPUT', 'SELECT', 'TEXTAREA', 'LABEL'].includes(element.tagName) && !(element.textContent ?? '').trim();
        return { what: describe(element), width: Math.round(box.width * 10) / 10, height: Math.round(box.height * 10) / 10, iconOnly };
      })
      .filter((target) => target.width > 0 && target.height > 0);
  });
}

/** The targets a finger may miss: under `minimum` pixels tall, or, showing no text, under `minimum` wide. */
export function tooSmall(targets: TouchTarget[], minimum: number): string[] {
  return targets.filter((target) => target.height < minimum || (target.iconOnly && target.width < minimum)).map((target) => `${target.what} ${target.width}×${target.height}`);
}
