/**
 * Counter intake end to end in headless Chromium: the one-stop officer registers a walk-in citizen's
 * dossier with one document scanned and the request form seen in the original, the fee collected at
 * the counter, prints the receipt and downloads the signed Form 01; the dossier then waits in the
 * unit's worklist like an online one, and the citizen tracks it with the phone number given.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { loggingChannel } from '../../../activities/notifications/channels.js';
import { createNotificationDelivery } from '../../../activities/notifications/notification-delivery.js';
import { startPolling, type Poller } from '../../../activities/outbox/poller.js';
import { testDocumentIssuer } from '../../activities/support/document-fixtures.js';
import { openDesignerApp, type DesignerApp } from '../support/designer-app.js';
import { journeyPage, requestFormPdf, stepWait } from '../support/journey-page.js';
import { screenshot } from '../support/screenshots.js';

let app: DesignerApp;
let page: Page;
let journey: ReturnType<typeof journeyPage>;
let procedureCode: string;
let dossierId: string;
let delivery: Poller;

beforeAll(async () => {
  app = await openDesignerApp(async (api) => {
    procedureCode = await api.deploySample();
  });
  // The notification outbox's delivery loop, as `npm start` runs it: it issues Form 01 even when the walk-in citizen gave no email.
  const silent = (name: 'email' | 'sms' | 'zalo') => loggingChannel(name, () => {});
  const notifications = createNotificationDelivery({ store: app.harness.store, channels: { email: silent('email'), sms: silent('sms'), zalo: silent('zalo') }, documents: testDocumentIssuer(app.harness.store) });
  delivery = startPolling(() => notifications.deliverPending(), { intervalMs: 200, onError: (error) => console.error(error) });
  page = app.page;
  journey = journeyPage(page, app.server.url);
}, 240_000);

afterAll(async () => {
  await delivery?.stop();
  await app?.close();
});

test('the one-stop officer registers a walk-in dossier: a scan, an original seen, the fee collected', async () => {
  await journey.signIn('mot-cua', '/counter');
  await page.selectOption('[data-test="counter-procedure"]', procedureCode);
  await page.locator('[data-test="submission-form"]').waitFor();
  expect(await page.locator('[data-test="counter-channel"]').inputValue()).toBe('in-person');

  await page.fill('#applicant-name', 'Trần Văn Bình');
  await page.fill('#applicant-phone', '0987 654 321');
  await journey.field('hoTen').fill('Trần Văn Bình');
  await journey.field('soDinhDanh').fill('001088000042');
  await journey.field('tenHoKinhDoanh').fill('Tiệm may Bình');
  await journey.field('nganhNghe').fill('May mặc');
  await journey.field('vonKinhDoanh').fill('30000000');
  // Neither scanned nor seen: the request form is missing.
  await page.click('[data-test="submit"]');
  await expect(page.locator('[data-field="giayDeNghi"] [data-test="field-error"]').textContent()).resolves.toBe('Quét giấy tờ này hoặc đánh dấu đã xem bản gốc');

  await page.locator('[data-field="giayDeNghi"] [data-test="seen-original"]').check();
  expect(await page.locator('#file-giayDeNghi').isDisabled()).toBe(true);
  await page.setInputFiles('#file-more', { ...requestFormPdf, name: 'ban-chup-cccd.pdf' });
  await page.locator('[data-test="fee-collected"]').check();
  expect(await page.locator('[data-test="counter-fee"]').textContent()).toContain('100.000 đ');
  // The fee collected needs its receipt number.
  await page.click('[data-test="submit"]');
  await expect(page.locator('#fee-receipt-number ~ [data-test="field-error"]').textContent()).resolves.toBe('Vui lòng nhập thông tin này');
  await page.fill('#fee-receipt-number', 'BL-0042');
  await screenshot(page, 'counter-intake');
  await page.click('[data-test="submit"]');

  const receipt = page.locator('[data-test="receipt"]');
  await receipt.waitFor();
  dossierId = (await page.locator('[data-test="receipt-code"]').textContent())!.trim();
  expect(dossierId).toMatch(/-\d{6}-\d{4}$/);
  await expect(page.locator('[data-test="receipt-appointment"]').textContent()).resolves.toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
  const documents = page.locator('[data-test="receipt-documents"] li');
  expect(await documents.allTextContents()).toEqual(['ban-chup-cccd.pdf', 'Giấy đề nghị đăng ký hộ kinh doanh — Đã xem bản gốc']);
  await expect(page.locator('[data-test="receipt-fee"]').textContent()).resolves.toBe('100.000 đ, đã thu tại quầy, biên lai số BL-0042');
}, 120_000);

test('the receipt prints without the page around it, and the signed Form 01 downloads', async () => {
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    // The print dialog is the browser's own; the page only has to ask for it.
    window.print = () => void (window as unknown as { printed: number }).printed++;
  });
  await page.click('[data-test="print-receipt"]');
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('.app-header').isVisible()).toBe(false);
  expect(await page.locator('[data-test="download-form01"]').isVisible()).toBe(false);
  expect(await page.locator('[data-test="receipt-code"]').isVisible()).toBe(true);
  await screenshot(page, 'counter-receipt');
  await page.emulateMedia({ media: 'screen' });

  const download = page.locator('[data-test="download-form01"]');
  await expect.poll(() => download.isEnabled(), { timeout: stepWait }).toBe(true);
  const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
  expect(file.suggestedFilename()).toMatch(/\.pdf$/);
  const bytes = await (await file.createReadStream()).toArray();
  expect(Buffer.concat(bytes).subarray(0, 5).toString()).toBe('%PDF-');
}, 120_000);

test('the walk-in dossier waits in the unit worklist like an online one, and the citizen tracks it by phone', async () => {
  await journey.claimFromQueue('mot-cua', dossierId, 'Task_TiepNhan');
  const attachments = page.locator('[data-test="attachment"]');
  await expect.poll(() => attachments.count()).toBe(2);
  await expect(page.locator('[data-test="original-seen"]').count()).resolves.toBe(1);

  await page.click('[data-test="sign-out"]');
  await page.goto(`${app.server.url}/track`);
  await page.fill('[data-test="track-code"]', dossierId);
  await page.fill('[data-test="track-factor"]', '4321');
  await page.click('[data-test="track-submit"]');
  const tracked = page.locator('[data-test="tracked-dossier"]');
  await tracked.waitFor();
  expect(await tracked.locator('[data-test="documents"] [data-form="mau-01"]').count()).toBe(1);
}, 120_000);
