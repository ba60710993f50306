/**
 * Officer tools end to end in headless Chromium, against the API with the built designer: an officer
 * claims the appraisal step, forwards it (“Chuyển xử lý”) to a colleague with a handling opinion; the
 * colleague finds it in their worklist with the opinion, opens it, reads the opinion and adds a staff
 * comment; the citizen's tracking shows neither.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openDesignerApp, type DesignerApp } from '../support/designer-app.js';
import { journeyPage } from '../support/journey-page.js';
import { screenshot } from '../support/screenshots.js';

let app: DesignerApp;
let page: Page;
let dossierId: string;
let journey: ReturnType<typeof journeyPage>;
const opinion = 'Đề nghị anh Minh kiểm tra lại vốn kinh doanh với đăng ký thuế trước khi trình ký.';
const comment = 'Đã đối chiếu với cơ quan thuế: vốn khai đúng.';

beforeAll(async () => {
  app = await openDesignerApp(async (api) => {
    const procedureCode = await api.deploySample();
    dossierId = (await api.submitOnline(procedureCode)).body.dossierId;
    await api.passReceipt(dossierId);
  });
  page = app.page;
  journey = journeyPage(page, app.server.url);
}, 240_000);

afterAll(() => app?.close());

test('an officer forwards the claimed step to a colleague with a handling opinion; nothing goes without the opinion', async () => {
  await journey.claimFromQueue('lan', dossierId, 'Task_ThamDinh');
  await expect(page.locator('[data-test="unclaim"]').textContent()).resolves.toBe('Bỏ nhận việc');
  await page.click('[data-test="forward"]');
  const form = page.locator('[data-test="forward-form"]');
  await form.locator('[data-test="forward-to"] option[value="user:minh:phong-kinh-te"]').waitFor({ state: 'attached' });
  await form.locator('[data-test="forward-to"]').selectOption('user:minh:phong-kinh-te');
  await form.locator('[data-test="forward-submit"]').click();
  await expect(form.locator('[data-field="opinion"] [data-test="field-error"]').textContent()).resolves.toBe('Vui lòng nhập ý kiến xử lý.');
  await form.locator('[data-test="forward-opinion"]').fill(opinion);
  await form.locator('[data-test="forward-submit"]').click();
  await page.waitForURL(/\/worklist\?forwarded=/);
  await expect(page.locator('[data-test="worklist-message"]').textContent()).resolves.toBe(`Đã chuyển xử lý hồ sơ ${dossierId}`);
  await expect.poll(() => journey.taskRow(dossierId, 'Task_ThamDinh').count()).toBe(0);
}, 120_000);

test('the colleague finds it in their worklist with the opinion, reads it on the task and adds a staff comment', async () => {
  await journey.signIn('minh', '/worklist');
  const row = journey.taskRow(dossierId, 'Task_ThamDinh');
  await row.waitFor();
  await expect(row.locator('[data-test="forwarded"]').textContent()).resolves.toContain(opinion);
  await row.locator('[data-test="open-task"]').click();
  await page.locator('[data-test="task-form"]').waitFor();
  const notice = page.locator('[data-test="forwarded-opinion"]');
  await expect(notice.textContent()).resolves.toContain('Được lan chuyển xử lý lúc');
  await expect(notice.locator('[data-test="opinion"]').textContent()).resolves.toBe(opinion);
  await expect(page.locator('[data-test="timeline"] [data-action="task-forwarded"] [data-test="timeline-opinion"]').textContent()).resolves.toBe(opinion);

  await page.fill('[data-test="comment-new"]', comment);
  await page.click('[data-test="comment-submit"]');
  await expect.poll(() => page.locator('[data-test="comment"][data-author="minh"] [data-test="comment-text"]').textContent()).toBe(comment);
  await screenshot(page, 'forward-with-opinion');

  // Opened again, the comment is still there: it was stored, not only shown.
  await page.reload();
  await expect.poll(() => page.locator('[data-test="comment"] [data-test="comment-text"]').allTextContents()).toEqual([comment]);
}, 120_000);

test('the citizen’s tracking page shows neither the opinion nor the comment', async () => {
  await journey.signIn('an', `/track/${dossierId}`);
  await page.locator('[data-test="tracked-dossier"]').waitFor();
  await page.locator('[data-test="timeline"] [data-action="dossier-submitted"]').waitFor();
  const text = (await page.locator('main').textContent()) ?? '';
  expect(text).not.toContain(opinion);
  expect(text).not.toContain(comment);
});
