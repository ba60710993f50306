/**
 * Payment at submission end to end in headless Chromium, against the API with the built designer and
 * the payment simulator: the citizen submits a procedure whose fee is paid at submission, choosing to
 * receive the result by post (refused without an address), pays on the gateway's page, comes back to
 * tracking and sees the fee paid with its receipt and the chosen delivery; the officer sees it too.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { simulatedGateway } from '../../api/payments/simulated-gateway.js';
import { openDesignerApp, type DesignerApp } from '../support/designer-app.js';
import { journeyPage } from '../support/journey-page.js';
import { screenshot } from '../support/screenshots.js';

const secret = 'payment-journey-secret';
const address = 'Số 5 ngõ 12 phố Huế, Hai Bà Trưng, Hà Nội';

let app: DesignerApp;
let page: Page;
let gateway: Awaited<ReturnType<typeof simulatedGateway>>;
let procedureCode: string;
let journey: ReturnType<typeof journeyPage>;

beforeAll(async () => {
  gateway = await simulatedGateway(secret);
  app = await openDesignerApp(
    async (api) => {
      await gateway.reportTo(api.url);
      const xml = await readFile(new URL('../../workflows/fixtures/fee-at-submission.bpmn', import.meta.url), 'utf8');
      const created = await api.request('POST', '/api/procedures', { token: await api.token('reformer'), json: { xml } });
      expect((await api.request('POST', `/api/procedures/${created.body.code}/deploy`, { token: await api.token('admin') })).status).toBe(201);
      procedureCode = created.body.code;
    },
    { harness: { settings: { paymentCallbackSecret: secret }, services: gateway.services } },
  );
  page = app.page;
  journey = journeyPage(page, app.server.url);
}, 240_000);

afterAll(async () => {
  await app?.close();
  await gateway?.close();
});

test('the citizen pays the fee at submission on the gateway, comes back and sees it paid with the receipt and the postal delivery', async () => {
  await journey.signIn('an', `/submit/${procedureCode}`);
  const form = page.locator('[data-test="submission-form"]');
  await form.waitFor();
  await expect(page.locator('[data-test="fee-at-submission"]').textContent()).resolves.toMatch(/Lệ phí 8\.000 đồng nộp trực tuyến.*hoàn lại nếu hồ sơ bị từ chối/);
  await page.fill('#applicant-phone', '0912345678');
  await journey.field('hoTen').fill('Trần Thị Bình');
  await page.check('[data-test="delivery-post"]');
  // Postal delivery without an address: refused on the page, nothing submitted.
  await page.click('[data-test="submit"]');
  await expect(page.locator('[data-test="delivery-choice"] [data-test="field-error"]').textContent()).resolves.toBe('Vui lòng nhập địa chỉ nhận kết quả qua bưu chính.');
  expect(gateway.simulator.orders.size).toBe(0);
  await page.fill('[data-test="delivery-address"]', address);
  await page.click('[data-test="submit"]');

  await page.locator('[data-test="receipt"]').waitFor();
  const dossierId = (await page.locator('[data-test="receipt-code"]').textContent())!.trim();
  const pay = page.locator('[data-test="pay-at-submission"] [data-test="pay"]');
  await pay.waitFor();
  await expect(page.locator('[data-test="pay-at-submission"]').textContent()).resolves.toContain('8.000 đồng');
  await pay.click();

  // The gateway's page (the simulator), in Vietnamese.
  await page.waitForURL((url) => url.origin === gateway.simulator.url);
  await expect(page.locator('h1').textContent()).resolves.toBe('Thanh toán 8.000 đồng');
  await page.click('button[data-outcome="paid"]');

  await page.waitForURL(`${app.server.url}/track/${encodeURIComponent(dossierId)}`);
  const tracked = page.locator('[data-test="tracked-dossier"]');
  await tracked.waitFor();
  const fee = tracked.locator('[data-test="fee"]');
  await expect.poll(() => fee.getAttribute('data-status')).toBe('paid');
  await expect(fee.textContent()).resolves.toContain('Lệ phí cấp bản sao trích lục hộ tịch: 8.000 đ — Đã nộp');
  await expect(fee.locator('[data-test="fee-reference"]').textContent()).resolves.toMatch(/^mã giao dịch SIM-\d{6}$/);
  await expect(tracked.locator('[data-test="delivery"]').textContent()).resolves.toBe(`Qua dịch vụ bưu chính công ích: ${address}`);
  await expect.poll(() => tracked.getAttribute('data-status'), { timeout: 30_000 }).toBe('processing');
  await screenshot(page, 'payment-at-submission');

  // The one-stop officer sees the choice with the dossier.
  await journey.claimFromQueue('mot-cua', dossierId, 'Receive');
  await expect(page.locator('[data-test="delivery"]').textContent()).resolves.toBe(`Qua dịch vụ bưu chính công ích: ${address}`);
}, 180_000);
