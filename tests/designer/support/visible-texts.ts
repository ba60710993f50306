import type { Page } from 'playwright-core';

/** One string a reader sees, and where: the element (tag, data-test or class) and, for an attribute, its name. */
export interface VisibleText {
  text: string;
  where: string;
}

/**
 * Every string the page shows a reader: visible text nodes, the options of visible lists, and the
 * placeholder, title, aria-label and alt of visible elements. Not read: what was typed or loaded into
 * fields (their values, editable text), the labels the diagram draws (the model's own names) and
 * bpmn-js's "Powered by bpmn.io" watermark, which its licence says must stay as it is.
 */
export function visibleTexts(page: Page): Promise<VisibleText[]> {
  return page.evaluate(() => {
    const found: Array<{ text: string; where: string }> = [];
    const describe = (element: Element) => {
      const test = element.getAttribute('data-test');
      const classes = typeof element.className === 'string' ? element.className.trim().split(/\s+/).slice(0, 2).join('.') : '';
      return `<${element.tagName.toLowerCase()}${test ? ` data-test="${test}"` : classes ? ` class="${classes}"` : ''}>`;
    };
    const skipped = (element: Element) => element.closest('script, style, textarea, [contenteditable=""], [contenteditable="true"], .djs-container svg, template, .bjs-powered-by') !== null;
    const shown = (element: Element) => element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim();
      if (!text || !parent || skipped(parent) || parent.closest('option')) continue;
      if (shown(parent)) found.push({ text, where: describe(parent) });
    }
    for (const select of document.querySelectorAll('select')) {
      if (!shown(select) || skipped(select)) continue;
      for (const option of select.options) if (option.text.trim()) found.push({ text: option.text.trim(), where: `${describe(select)} option` });
    }
    for (const element of document.querySelectorAll('[placeholder], [title], [aria-label], [alt]')) {
      if (!shown(element) || element.closest('script, style, template, .bjs-powered-by')) continue;
      for (const attribute of ['placeholder', 'title', 'aria-label', 'alt']) {
        const text = element.getAttribute(attribute)?.trim();
        if (text) found.push({ text, where: `${describe(element)}[${attribute}]` });
      }
    }
    return found;
  });
}
