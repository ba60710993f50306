/**
 * The designer end to end in headless Chromium, against the API on the run's servers: a reformer
 * breaks and fixes a sample, changes a deadline and sees the budget move, saves; an agency admin
 * is refused a deployment while the draft has errors, deploys two versions, and compares them.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openDesignerApp, type DesignerApp } from '../support/designer-app.js';
import { screenshot } from '../support/screenshots.js';

const CODE = 'dang-ky-ho-kinh-doanh';

let app: DesignerApp;
let harness: DesignerApp['harness'];
let server: DesignerApp['server'];
let page: Page;

beforeAll(async () => {
  app = await openDesignerApp();
  ({ harness, server, page } = app);
}, 240_000);

afterAll(() => app?.close());

async function signIn(username: string) {
  await page.goto(`${server.url}/procedures`);
  await page.waitForURL(/\/sign-in/);
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', 'motcua-demo');
  await page.click('form button[type="submit"]');
  await page.waitForURL(/\/procedures$/);
}

async function signOut() {
  await page.click('[data-test="sign-out"]');
  await page.waitForURL(/\/sign-in/);
}

const shape = (id: string) => page.locator(`.djs-element[data-element-id="${id}"]`);
const problem = (code: string, elementId: string) => page.locator(`[data-test="problem"][data-code="${code}"][data-element-id="${elementId}"]`);
const field = (id: string) => page.locator(`#bio-properties-panel-${id}`);

async function openGroup(groupId: string) {
  const header = page.locator(`[data-group-id="group-${groupId}"] > .bio-properties-panel-group-header`);
  if (!(await header.evaluate((element) => element.classList.contains('open')))) await header.click();
}

/**
 * Selects a shape by a click on it (a click on a selected shape deselects it). The click is dispatched
 * because the context pad of the shape selected before may lie over this one.
 */
async function select(elementId: string) {
  if (!(await shape(elementId).getAttribute('class'))?.includes('selected')) await shape(elementId).locator('.djs-hit').dispatchEvent('click');
  await expect.poll(() => shape(elementId).getAttribute('class')).toContain('selected');
}

async function setDeadline(elementId: string, amount: string) {
  await select(elementId);
  await openGroup('mc-step');
  await field('mc-step-deadline-amount').fill(amount);
}

test('reformer: open a sample, break it, fix it, change a deadline, save', async () => {
  await page.goto(`${server.url}/sign-in`);
  await screenshot(page, 'sign-in');
  await signIn('reformer');
  await expect(page.locator('[data-test="user"]').textContent()).resolves.toContain('Cán bộ cải cách');

  await page.selectOption('[data-test="sample"]', 'household-business-registration');
  await page.click('[data-test="open-sample"]');
  await shape('Task_ThamDinh').waitFor();
  await expect(page.locator('.no-problems').textContent()).resolves.toBe('Không có vấn đề nào: thủ tục hợp lệ.');
  await expect(page.locator('[data-test="budget-total"]').textContent()).resolves.toBe('Thời gian xấu nhất: 3 ngày làm việc');
  await expect(page.locator('[data-test="budget-verdict"]').textContent()).resolves.toBe('Trong thời hạn');

  // Break it: delete the flow into the appraisal, through the context pad.
  await page.locator('.djs-connection[data-element-id="Flow_HopNhat_ThamDinh"]').dispatchEvent('click');
  await page.click('.djs-context-pad [data-action="delete"]');
  await problem('missing-flow', 'Gateway_HopNhat').waitFor();
  await expect(shape('Gateway_HopNhat').getAttribute('class')).resolves.toContain('mc-has-error');
  await expect(page.locator('[data-test="problem"].error').count()).resolves.toBe(1);
  await screenshot(page, 'designer-problems');

  // The problem selects its element.
  await problem('missing-flow', 'Gateway_HopNhat').locator('button').click();
  await expect(shape('Gateway_HopNhat').getAttribute('class')).resolves.toContain('selected');

  // Fix it: undo brings the flow back.
  await page.click('text=Hoàn tác');
  await page.locator('.no-problems').waitFor();
  await expect(shape('Gateway_HopNhat').getAttribute('class')).resolves.not.toContain('mc-has-error');

  // A longer appraisal deadline: the budget exceeds the legal limit.
  await setDeadline('Task_ThamDinh', '2');
  await expect.poll(() => page.locator('[data-test="budget-total"]').textContent()).toBe('Thời gian xấu nhất: 4 ngày làm việc');
  await expect(page.locator('[data-test="budget-verdict"]').textContent()).resolves.toBe('Vượt thời hạn');
  await expect(page.locator('.mc-deadline-badge[data-element-id="Task_ThamDinh"]').textContent()).resolves.toBe('2 ngày làm việc');
  await problem('deadline-budget-exceeded', 'Process_DangKyHoKinhDoanh').waitFor();
  await screenshot(page, 'designer-budget');

  await page.click('[data-test="save"]');
  await page.waitForURL(new RegExp(`/procedures/${CODE}$`));
  await expect(page.locator('[data-test="status"]').textContent()).resolves.toMatch(/^Đã lưu bản nháp lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  const saved = await harness.request('GET', `/api/procedures/${CODE}`, { token: await harness.token('reformer') });
  expect(saved.body.draftXml).toContain('deadline="2WD"');
  // Reformers draft; only agency admins deploy.
  await expect(page.locator('[data-test="deploy"]').count()).resolves.toBe(0);
  await signOut();
});

test('agency admin: deployment is refused with the errors, then two versions are deployed', async () => {
  await signIn('admin');
  await page.click(`[data-code="${CODE}"] a`);
  await shape('Task_ThamDinh').waitFor();
  await page.click('[data-test="deploy"]');
  await page.locator('[data-test="deploy-errors"]').waitFor();
  await expect(page.locator('[data-test="failure"]').textContent()).resolves.toBe('Không thể triển khai: bản nháp còn 1 lỗi');
  await expect(page.locator('[data-test="deploy-errors"]').textContent()).resolves.toMatch(/Tổng thời hạn trên đường găng là .*, vượt thời hạn giải quyết/);
  await screenshot(page, 'designer-deploy-refused');

  await setDeadline('Task_ThamDinh', '1');
  await page.locator('.no-problems').waitFor();
  await page.click('[data-test="deploy"]');
  await expect.poll(() => page.locator('[data-test="status"]').textContent()).toBe('Đã triển khai phiên bản 1');

  // Version 2 receives faster: 2 working hours instead of 4.
  await select('Task_TiepNhan');
  await openGroup('mc-step');
  await field('mc-step-deadline-unit').selectOption('working-hours');
  await field('mc-step-deadline-amount').fill('2');
  await expect.poll(() => page.locator('[data-test="budget-total"]').textContent()).toBe('Thời gian xấu nhất: 2 ngày làm việc 6 giờ làm việc');
  await page.click('[data-test="deploy"]');
  await expect.poll(() => page.locator('[data-test="status"]').textContent()).toBe('Đã triển khai phiên bản 2');
  await expect.poll(() => page.locator('[data-test="versions"] li').count()).toBe(2);
  await screenshot(page, 'designer-versions');
});

test('comparing the two versions: coloured diagrams and the metric deltas', async () => {
  await page.goto(`${server.url}/compare?code=${CODE}&from=1&to=2`);
  await page.locator('[data-test="comparison-report"]').waitFor();
  const row = (metric: string) => page.locator(`tr[data-metric="${metric}"]`);
  await expect(row('legalTime').locator('[data-test="before"]').textContent()).resolves.toBe('3 ngày làm việc');
  await expect(row('legalTime').locator('[data-test="after"]').textContent()).resolves.toBe('2 ngày làm việc 6 giờ làm việc');
  await expect(row('legalTime').locator('[data-test="delta"]').textContent()).resolves.toBe('−8,3%');
  await expect(row('steps').locator('[data-test="delta"]').textContent()).resolves.toBe('0%');
  await expect(page.locator('[data-test="verdict"]').textContent()).resolves.toContain('Chưa đạt mục tiêu cắt giảm 20%');
  await expect(page.locator('[data-test="element-changes"]').textContent()).resolves.toBe('0 thêm, 0 bỏ, 1 thay đổi');
  await page.locator('[data-test="diagram-after"] .djs-element.mc-diff-changed[data-element-id="Task_TiepNhan"]').waitFor();
  await screenshot(page, 'compare-versions');

  // The printed report: navigation and controls hidden, the report title shown.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.app-header').isVisible()).resolves.toBe(false);
  await expect(page.locator('.print-only h1').textContent()).resolves.toBe('Báo cáo so sánh phương án cải cách');
  await screenshot(page, 'compare-print');
  await page.emulateMedia({ media: 'screen' });

  // English on request.
  await page.selectOption('[data-test="locale"]', 'en');
  await expect(row('legalTime').locator('th').textContent()).resolves.toBe('Legal time on the critical path');
  await expect(row('legalTime').locator('[data-test="after"]').textContent()).resolves.toBe('2 working days 6 working hours');
});
