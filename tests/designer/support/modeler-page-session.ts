import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import type { Locale } from '../../../designer/src/i18n/i18n.js';
import type { OrganisationDirectory } from '../../../designer/src/modeler/motcua-config.js';
import { launchChromium } from './browser.js';
import type { ModelerPage, OpenTimes } from './modeler-page/modeler-page.js';

export const sampleXml = (name: string) => readFile(new URL(`../../../engine/samples/${name}.bpmn`, import.meta.url), 'utf8');

export interface ModelerPageSession {
  page: Page;
  open(xml: string, options?: { locale?: Locale; directory?: OrganisationDirectory }): Promise<OpenTimes>;
  /** Runs a function of `window.modelerPage` in the browser. */
  call<K extends keyof ModelerPage>(name: K, ...args: Parameters<ModelerPage[K]>): Promise<Awaited<ReturnType<ModelerPage[K]>>>;
}

/** The modeler page (built once per run, tests/designer/support/global-modeler-page.ts) in headless Chromium for the file's tests. */
export function useModelerPage(): ModelerPageSession {
  const teardown: Array<() => Promise<void>> = [];
  let page: Page;
  beforeAll(async () => {
    const browser = await launchChromium();
    teardown.push(browser.close);
    page = await browser.context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => console.error(`page error: ${error.stack ?? error.message}`));
    await page.goto(inject('modelerPageUrl'));
    await page.waitForFunction(() => 'modelerPage' in window);
  });
  afterAll(async () => {
    for (const step of teardown.reverse()) await step();
  });
  const call: ModelerPageSession['call'] = (name, ...args) =>
    page.evaluate(([method, parameters]) => (window as any).modelerPage[method](...parameters), [name, args] as const);
  return {
    get page() {
      return page;
    },
    open: (xml, options) => call('open', xml, options),
    call,
  };
}
