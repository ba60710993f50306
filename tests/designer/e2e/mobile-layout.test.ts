/**
 * The citizen's pages on a 390 px phone (3× pixels, touch) in headless Chromium, against the API
 * with the built designer: on the sign-in page, the catalogue, the submission form and tracking
 * (signed out and signed in) every control a finger taps is at least 44 px tall (and wide when it
 * shows no text), the header stays on one line and nothing is wider than the screen. Signed in, the
 * header's links sit behind a menu button that says whether it is open.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openDesignerApp, type DesignerApp } from '../support/designer-app.js';
import { journeyPage } from '../support/journey-page.js';
import { screenshot } from '../support/screenshots.js';
import { tooSmall, touchTargets } from '../support/touch-targets.js';

const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, hasTouch: true, isMobile: true };
/** The smallest target a finger hits reliably (WCAG 2.5.5, Apple's and Android's guidelines). */
const minimumTarget = 44;
/** One line of header: a 44 px control and its padding. */
const headerOneLine = 64;

let app: DesignerApp;
let page: Page;
let procedureCode: string;
let dossierId: string;

beforeAll(async () => {
  app = await openDesignerApp(async (api) => {
    procedureCode = await api.deploySample();
    dossierId = (await api.submitOnline(procedureCode, 'an', { name: 'Trần Thị Bình', phone: '0912 345 678' })).body.dossierId;
  }, { device: phone });
  page = app.page;
}, 240_000);

afterAll(() => app?.close());

const journey = () => journeyPage(page, app.server.url);

/** The page as it stands: its too-small targets, its header's height and its width. */
async function layout() {
  const targets = await touchTargets(page);
  const smallest = Math.min(...targets.map((target) => target.height));
  const header = (await page.locator('.app-header').boundingBox())!;
  const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
  console.log(`${new URL(page.url()).pathname}: ${targets.length} targets, smallest ${smallest} px tall, header ${header.height} px, page ${width} px wide`);
  return { tooSmall: tooSmall(targets, minimumTarget), headerHeight: header.height, width };
}

async function expectPhoneLayout() {
  const { tooSmall: small, headerHeight, width } = await layout();
  expect(small, 'targets under 44 px').toEqual([]);
  expect(headerHeight, 'header height').toBeLessThanOrEqual(headerOneLine);
  expect(width, 'page width').toBeLessThanOrEqual(phone.viewport.width);
}

test('signed out: the sign-in page, the catalogue and public tracking', async () => {
  await page.goto(`${app.server.url}/sign-in`);
  await page.locator('form button[type="submit"]').waitFor();
  await expectPhoneLayout();

  await page.goto(`${app.server.url}/catalogue`);
  await page.locator('[data-test="catalogue-entry"]').first().waitFor();
  await expectPhoneLayout();

  await page.goto(`${app.server.url}/track`);
  await page.fill('[data-test="track-code"]', dossierId);
  await page.fill('[data-test="track-factor"]', '5678');
  await page.tap('[data-test="track-submit"]');
  await page.locator('[data-test="tracked-dossier"]').waitFor();
  await expectPhoneLayout();
});

test('signed in: the catalogue, the submission form and the dossier’s tracking page', async () => {
  await journey().signIn('an', '/catalogue');
  await page.locator('[data-test="catalogue-entry"]').first().waitFor();
  await expectPhoneLayout();
  await screenshot(page, 'citizen-catalogue-phone');

  await page.goto(`${app.server.url}/submit/${procedureCode}`);
  await page.locator('[data-test="submission-form"]').waitFor();
  await expectPhoneLayout();

  await page.goto(`${app.server.url}/track/${encodeURIComponent(dossierId)}`);
  await page.locator('[data-test="tracked-dossier"]').waitFor();
  await expectPhoneLayout();
});

test('signed in, the header’s links and sign-out open behind the menu button; the language stays in the bar', async () => {
  await journey().signIn('an', '/catalogue');
  const toggle = page.locator('[data-test="menu-toggle"]');
  await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
  await expect(page.locator('[data-test="locale"]').isVisible()).resolves.toBe(true);
  await expect(page.locator('[data-test="nav-track"]').isVisible()).resolves.toBe(false);
  await expect(page.locator('[data-test="sign-out"]').isVisible()).resolves.toBe(false);

  await toggle.tap();
  await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
  await expect(page.locator('[data-test="sign-out"]').isVisible()).resolves.toBe(true);
  const { tooSmall: small, width } = await layout();
  expect(small, 'targets under 44 px, menu open').toEqual([]);
  expect(width, 'page width, menu open').toBeLessThanOrEqual(phone.viewport.width);
  await screenshot(page, 'citizen-phone-menu');

  await page.tap('[data-test="nav-track"]');
  await page.waitForURL(/\/track$/);
  await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
  await expect(page.locator('[data-test="nav-track"]').isVisible()).resolves.toBe(false);

  // In English too (the longer words) the header is one line.
  await page.selectOption('[data-test="locale"]', 'en');
  await expect.poll(() => toggle.textContent()).toContain('Menu');
  const { tooSmall: smallInEnglish, headerHeight } = await layout();
  expect(smallInEnglish, 'targets under 44 px, in English').toEqual([]);
  expect(headerHeight, 'header height, in English').toBeLessThanOrEqual(headerOneLine);
});
