/**
 * Lighthouse (mobile settings: a mid-range phone, slow 4G, 4× CPU slowdown) on the three pages a
 * citizen opens on a phone: the catalogue, the submission form (signed in) and public tracking. It
 * prints each page's figures and the audits that cost points; each category must reach 90.
 * Run alone (`npm run test:lighthouse`, part of `npm test`), as its timings would measure the other
 * test files' load rather than the pages.
 */
import lighthouse from 'lighthouse';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { findFreePort } from '../../../scripts/runtime/ports.js';
import { launchChromium, type Browser } from '../support/browser.js';
import { openDesignerApp, type DesignerApp } from '../support/designer-app.js';

const categories = ['performance', 'accessibility'] as const;
const threshold = 0.9;

let app: DesignerApp;
let browser: Browser;
let port: number;
let procedureCode: string;

beforeAll(async () => {
  app = await openDesignerApp(async (api) => {
    procedureCode = await api.deploySample();
  });
  port = await findFreePort();
  browser = await launchChromium({ debuggingPort: port });
  // The submission form is for a signed-in citizen: the session the app keeps in the browser's storage.
  const login = await app.harness.request('POST', '/api/auth/login', { json: { username: 'an', password: 'motcua-demo' } });
  const page = await browser.context.newPage();
  await page.goto(`${app.server.url}/sign-in`);
  await page.evaluate((tokens) => localStorage.setItem('motcua.session', JSON.stringify(tokens)), { accessToken: login.body.accessToken, refreshToken: login.body.refreshToken });
  await page.close();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

test.each([
  ['catalogue', () => '/catalogue'],
  ['submission', () => `/submit/${procedureCode}`],
  ['public tracking', () => '/track'],
])('%s at mobile settings', async (_name, path) => {
  const url = `${app.server.url}${path()}`;
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...categories], disableStorageReset: true });
  const report = result!.lhr;
  expect(report.runtimeError).toBeUndefined();
  expect(new URL(report.finalDisplayedUrl).pathname).toBe(path());
  const scores = Object.fromEntries(categories.map((category) => [category, Math.round((report.categories[category]?.score ?? 0) * 100)]));
  const costly = Object.values(report.audits)
    .filter((audit) => audit.score !== null && audit.score < threshold && ['numeric', 'binary', 'metricSavings'].includes(audit.scoreDisplayMode))
    .map((audit) => `${audit.id} ${audit.displayValue ?? audit.score}`);
  console.log(`lighthouse ${path()}: performance ${scores.performance}, accessibility ${scores.accessibility}${costly.length ? ` (costly: ${costly.join(', ')})` : ''}`);
  for (const category of categories) expect(scores[category], `${category} of ${path()}`).toBeGreaterThanOrEqual(threshold * 100);
}, 120_000);
