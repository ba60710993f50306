import type { Page } from 'playwright-core';
import { createApp } from '../../../api/app.js';
import { listen, type RunningHttpServer } from '../../../api/http-server.js';
import { consoleReporter } from '../../../scripts/provision/progress.js';
import { designerDist, ensureDesignerBuilt } from '../../../scripts/runtime/designer-build.js';
import { ApiHarness } from '../../api/api-harness.js';
import { launchChromium, type Browser, type Device } from './browser.js';

/** The product's one origin for a browser test: the API with the built designer, as `npm start` serves it, and a Chromium page on it. */
export interface DesignerApp {
  harness: ApiHarness;
  server: RunningHttpServer;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

/**
 * `prepare` runs on the API before the browser starts (deploying, submitting, issuing documents);
 * `locale` is the browser's language (launchChromium's default unless given); `device` its screen
 * (launchChromium's desktop unless given); `harness`: the API's settings and the worker's outside
 * services (a payment gateway…).
 */
export async function openDesignerApp(prepare: (harness: ApiHarness) => Promise<void> = async () => {}, options: { locale?: string; device?: Device; harness?: Parameters<typeof ApiHarness.create>[0] } = {}): Promise<DesignerApp> {
  await ensureDesignerBuilt(consoleReporter);
  const harness = await ApiHarness.create(options.harness);
  const server = await listen(createApp({ probes: [], api: harness.context, designerDir: designerDist }), 0, '127.0.0.1');
  await prepare(harness);
  const browser = await launchChromium({ locale: options.locale, device: options.device });
  const page = await browser.context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (error) => console.error(`page error: ${error.stack ?? error.message}`));
  return {
    harness,
    server,
    browser,
    page,
    async close() {
      await browser.close();
      await server.close();
      await harness.teardown();
    },
  };
}
