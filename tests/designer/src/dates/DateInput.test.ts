/**
 * Dates typed and shown as dd/mm/yyyy in a browser set to English (US), whose own date input would
 * show and take mm/dd/yyyy: 12/03/2026 must read 12 March, not 3 December.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildTestPage, launchChromium, serveDirectory, type Browser } from '../../support/browser.js';

let page: Page;
const teardown: Array<() => Promise<void>> = [];

beforeAll(async () => {
  const built = await buildTestPage('date-input-page');
  teardown.push(built.dispose);
  const server = await serveDirectory(built.directory);
  teardown.push(server.close);
  const browser: Browser = await launchChromium({ locale: 'en-US' });
  teardown.push(browser.close);
  page = await browser.context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${server.url}/index.html`);
});

afterAll(async () => {
  for (const step of teardown.reverse()) await step();
});

const field = () => page.locator('#field-newAppointment');
const model = () => page.locator('#model');

async function type(text: string) {
  await field().fill(text);
  await field().press('Enter');
}

test('the browser really is in English (US)', async () => {
  expect(await page.evaluate(() => navigator.language)).toBe('en-US');
  expect(await page.evaluate(() => new Date(Date.UTC(2026, 11, 3, 12)).toLocaleDateString())).toBe('12/3/2026');
});

test('a held day is shown as dd/mm/yyyy', async () => {
  await expect.poll(() => field().inputValue()).toBe('03/12/2026');
  expect(await field().getAttribute('type')).toBe('text');
});

test('a typed dd/mm/yyyy day is read day first', async () => {
  await type('12/03/2026');
  await expect.poll(() => model().textContent()).toBe('2026-03-12');
  expect(await field().inputValue()).toBe('12/03/2026');
  await type('5/1/2027');
  await expect.poll(() => model().textContent()).toBe('2027-01-05');
  expect(await field().inputValue()).toBe('05/01/2027');
});

test('an impossible day is refused in Vietnamese and the value kept', async () => {
  await type('12/03/2026');
  await type('31/02/2026');
  await expect.poll(() => page.locator('[data-test="date-error"]').textContent()).toBe('Ngày không hợp lệ: nhập theo dạng dd/mm/yyyy');
  expect(await model().textContent()).toBe('2026-03-12');
  await type('2026-03-12');
  expect(await page.locator('[data-test="date-error"]').isVisible()).toBe(true);
  expect(await model().textContent()).toBe('2026-03-12');
});

test('clearing the field clears the value', async () => {
  await type('');
  await expect.poll(() => model().textContent()).toBe('');
  expect(await page.locator('[data-test="date-error"]').count()).toBe(0);
});
