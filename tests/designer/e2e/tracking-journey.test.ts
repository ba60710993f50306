/**
 * Public tracking end to end in headless Chromium, against the API with the built designer: a
 * signed-out citizen finds the way from the sign-in page, is refused with a wrong second factor,
 * tracks the dossier with the last 4 digits of the phone number, and downloads the receipt; the page
 * shows no diagram, no engine events and no staff usernames, signed out or signed in.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { testDocumentIssuer } from '../../activities/support/document-fixtures.js';
import { openDesignerApp, type DesignerApp } from '../support/designer-app.js';
import { screenshot } from '../support/screenshots.js';

let app: DesignerApp;
let server: DesignerApp['server'];
let page: Page;
let dossierId: string;

beforeAll(async () => {
  app = await openDesignerApp(async (api) => {
    const procedureCode = await api.deploySample();
    dossierId = (await api.submitOnline(procedureCode, 'an', { name: 'Trần Thị Bình', phone: '0912 345 678' })).body.dossierId;
    // An officer takes the receipt step: the dossier's audit trail now names staff and engine events.
    const taskId = await api.openTask(dossierId, 'Task_TiepNhan');
    expect((await api.request('POST', `/api/tasks/${encodeURIComponent(taskId)}/claim`, { token: await api.token('mot-cua') })).status).toBe(200);
    await testDocumentIssuer(api.store).issue({ dossierId, form: 'mau-01', sourceId: 'tracking-journey', details: {} });
  });
  ({ server, page } = app);
}, 240_000);

afterAll(() => app?.close());

async function expectNoInternals() {
  const text = (await page.locator('main').textContent()) ?? '';
  for (const internal of ['mot-cua', 'Task_', 'Cán bộ nhận xử lý', 'Chuyển bước xử lý']) expect(text).not.toContain(internal);
  expect(await page.locator('.djs-container, .bjs-container').count()).toBe(0);
  expect(await page.locator('[data-test="timeline"] .actor').count()).toBe(0);
}

test('a signed-out citizen tracks the dossier with the last 4 digits of the phone and downloads the receipt', async () => {
  await page.goto(`${server.url}/sign-in`);
  await page.click('[data-test="public-track-link"]');
  await page.waitForURL(/\/track$/);
  await page.fill('[data-test="track-code"]', dossierId);
  await page.fill('[data-test="track-factor"]', '1111');
  await page.click('[data-test="track-submit"]');
  await expect.poll(() => page.locator('[data-test="track-error"]').textContent()).toContain('Không tìm thấy hồ sơ có mã và 4 số cuối này');
  expect(await page.locator('[data-test="tracked-dossier"]').count()).toBe(0);

  await page.fill('[data-test="track-factor"]', '5678');
  await page.click('[data-test="track-submit"]');
  const tracked = page.locator('[data-test="tracked-dossier"]');
  await tracked.waitFor();
  expect(await tracked.locator('h2').textContent()).toBe(dossierId);
  expect(await tracked.locator('[data-test="status-text"]').textContent()).toMatch(/Đã tiếp nhận|Đang giải quyết/);
  expect(await tracked.locator('[data-test="appointment"]').textContent()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
  expect(await tracked.textContent()).toContain('Đăng ký');
  expect(await tracked.locator('[data-test="timeline"] [data-action="dossier-submitted"]').count()).toBe(1);
  expect(await tracked.locator('[data-test="documents"] [data-form="mau-01"]').textContent()).toContain('Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01)');
  await expectNoInternals();
  await screenshot(page, 'citizen-public-tracking');

  const [download] = await Promise.all([page.waitForEvent('download'), tracked.locator('[data-test="documents"] [data-form="mau-01"] [data-test="download-document"]').click()]);
  expect(download.suggestedFilename()).toBe(`${dossierId}-mau-01.pdf`);
  const bytes = await readFile((await download.path())!);
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
});

test('signed in, the citizen’s tracking page shows no diagram and names no staff', async () => {
  await page.goto(`${server.url}/sign-in`);
  await page.fill('input[name="username"]', 'an');
  await page.fill('input[name="password"]', 'motcua-demo');
  await page.click('form button[type="submit"]');
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await page.goto(`${server.url}/track/${encodeURIComponent(dossierId)}`);
  await page.locator('[data-test="tracked-dossier"]').waitFor();
  await page.locator('[data-test="timeline"] [data-action="dossier-submitted"]').waitFor();
  await expectNoInternals();
  expect(await page.locator('[data-test="timeline"] [data-action="task-claimed"]').count()).toBe(0);
});
