/**
 * Importing a Camunda 7 model in headless Chromium, against the API on the run's servers: a reformer
 * opens it as it is and sees what MotCua lacks; converts it with the groups mapped to roles and
 * units and the procedure's defaults, sees those errors gone and the conversion report, saves; the
 * mapping is kept for the agency and fills the dialog the next time.
 */
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { projectRoot } from '../../../scripts/runtime/config.js';
import { openDesignerApp, type DesignerApp } from '../support/designer-app.js';
import { journeyPage } from '../support/journey-page.js';
import { screenshot } from '../support/screenshots.js';

const FIXTURE = path.join(projectRoot, 'tests/designer/e2e/fixtures/camunda7-signboard-permit.bpmn');
const CODE = 'cap-phep-bien-hieu';
const mapping = {
  'front-office': { role: 'can-bo-mot-cua', unit: 'bo-phan-mot-cua' },
  appraisers: { role: 'chuyen-vien', unit: 'phong-kinh-te' },
};

let app: DesignerApp;
let page: Page;

beforeAll(async () => {
  app = await openDesignerApp();
  page = app.page;
}, 240_000);

afterAll(() => app?.close());

const shape = (id: string) => page.locator(`.djs-element[data-element-id="${id}"]`);
const dialog = () => page.locator('[data-test="import-dialog"]');
const person = (name: string) => page.locator(`[data-test="import-person"][data-name="${name}"]`);
/** The findings a model without MotCua's assignments has: no role, no unit on a step. */
const assignmentErrors = () => page.locator('[data-test="problem"].error[data-code="missing-role"], [data-test="problem"].error[data-code="missing-unit"]');

async function chooseFixture() {
  await page.setInputFiles('[data-test="import-file"]', FIXTURE);
  await dialog().waitFor();
  await expect(dialog().getAttribute('data-dialect')).resolves.toBe('camunda7');
}

test('reformer: a Camunda 7 model opened as it is lacks roles and units', async () => {
  await journeyPage(page, app.server.url).signIn('reformer', '/procedures/new');
  await page.locator('[data-test="problems"]').waitFor();
  await chooseFixture();
  await expect(dialog().locator('h2').textContent()).resolves.toBe('Chuyển đổi mô hình Camunda 7');
  await expect(person('front-office').locator('td').nth(2).textContent()).resolves.toBe('Tiếp nhận hồ sơ');
  await expect(person('appraisers').locator('td').nth(2).textContent()).resolves.toBe('Thẩm định biển hiệu');
  await screenshot(page, 'import-dialog');

  await page.click('[data-test="import-as-is"]');
  await dialog().waitFor({ state: 'detached' });
  await shape('Task_ThamDinh').waitFor();
  await page.locator('[data-test="problem"][data-code="missing-role"][data-element-id="Task_ThamDinh"]').waitFor();
  await expect(assignmentErrors().count()).resolves.toBe(4);
  await expect(page.locator('[data-test="import-report"]').count()).resolves.toBe(0);
});

test('reformer: converted with its groups mapped and the procedure’s defaults, it has no such error, shows its report, and saves', async () => {
  await chooseFixture();
  for (const [name, { role, unit }] of Object.entries(mapping)) {
    await expect(person(name).locator('[data-test="import-role"]').inputValue()).resolves.toBe('');
    await person(name).locator('select[data-test="import-role"]').selectOption(role);
    await person(name).locator('select[data-test="import-unit"]').selectOption(unit);
  }
  await expect(page.locator('[data-test="import-agency"]').inputValue()).resolves.toBe('ubnd-xa');
  await page.fill('[data-test="import-legalLimit-amount"]', '5');
  await page.fill('[data-test="import-stepDeadline-amount"]', '2');
  await page.click('[data-test="import-convert"]');
  await dialog().waitFor({ state: 'detached' });

  // The live diagnostics of the converted model: no error left; the warnings are about the other tool's markup, kept in the file.
  await expect.poll(() => page.locator('[data-test="problem-count"]').textContent(), { timeout: 10_000 }).toMatch(/^0 lỗi/);
  await expect(assignmentErrors().count()).resolves.toBe(0);
  const report = page.locator('[data-test="import-report"]');
  await expect(report.locator('[data-test="import-report-count"]').textContent()).resolves.toMatch(/^\d+ đã chuyển, 1 bỏ qua, 0 cần quyết định$/);
  const appraisal = report.locator('[data-test="import-line"][data-outcome="converted"][data-element-id="Task_ThamDinh"]').first();
  await expect(report.locator('[data-test="import-line"][data-element-id="Flow_DongY"]').textContent()).resolves.toContain('approved = true');
  await screenshot(page, 'import-report');

  // A line of the report selects its element.
  await appraisal.locator('button').click();
  await expect.poll(() => shape('Task_ThamDinh').getAttribute('class')).toContain('selected');

  await page.click('[data-test="save"]');
  await page.waitForURL(new RegExp(`/procedures/${CODE}$`));
  const token = await app.harness.token('reformer');
  const saved = await app.harness.request('GET', `/api/procedures/${CODE}`, { token });
  expect(saved.body.draftXml).toMatch(/<mc:step [^>]*role="chuyen-vien"[^>]*unit="phong-kinh-te"/);
  expect(saved.body.draftXml).toContain('legalLimit="5WD"');
  const kept = await app.harness.request('GET', '/api/agencies/ubnd-xa/import-mapping', { token });
  expect(kept.body).toMatchObject({ groups: mapping, users: {}, updatedBy: 'reformer' });
});

test('reformer: after a reload, the saved mapping fills the dialog', async () => {
  await page.reload();
  await shape('Task_ThamDinh').waitFor();
  await chooseFixture();
  for (const [name, { role, unit }] of Object.entries(mapping)) {
    await expect.poll(() => person(name).locator('[data-test="import-role"]').inputValue()).toBe(role);
    await expect(person(name).locator('[data-test="import-unit"]').inputValue()).resolves.toBe(unit);
  }
  await expect(page.locator('[data-test="import-incomplete"]').count()).resolves.toBe(0);
  await page.click('[data-test="import-cancel"]');
  await dialog().waitFor({ state: 'detached' });
});
