/**
 * The app's date inputs in a browser set to English (US), whose own date input would show and take
 * mm/dd/yyyy: the worklist filter, the dashboard period and a step's form (the approval's issue date,
 * as the apology letter's new appointment) are typed and shown as dd/mm/yyyy, and the API is asked
 * for the day meant — 12/03/2026 is 12 March.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { receiptForm } from '../../api/api-harness.js';
import { openDesignerApp, type DesignerApp } from '../support/designer-app.js';
import { journeyPage } from '../support/journey-page.js';

let app: DesignerApp;
let page: Page;
let approvalTaskId: string;

beforeAll(async () => {
  app = await openDesignerApp(async (api) => {
    const procedureCode = await api.deploySample('household-business-registration');
    const dossierId = (await api.submitOnline(procedureCode)).body.dossierId;
    // The dossier is received and appraised, so that the leader's approval, with its date field, is open.
    for (const [user, elementId, body] of [
      ['mot-cua', 'Task_TiepNhan', { formData: receiptForm }],
      ['lan', 'Task_ThamDinh', { outcome: 'dat', formData: {} }],
    ] as const) {
      const taskId = await api.openTask(dossierId, elementId);
      const token = await api.token(user);
      expect((await api.request('POST', `/api/tasks/${encodeURIComponent(taskId)}/claim`, { token })).status).toBe(200);
      expect((await api.request('POST', `/api/tasks/${encodeURIComponent(taskId)}/complete`, { token, json: body })).status).toBe(200);
    }
    approvalTaskId = await api.openTask(dossierId, 'Task_PheDuyet');
    expect((await api.request('POST', `/api/tasks/${encodeURIComponent(approvalTaskId)}/claim`, { token: await api.token('lanh-dao') })).status).toBe(200);
  }, { locale: 'en-US' });
  page = app.page;
}, 300_000);

afterAll(() => app?.close());

/** Types `text` into the date input and leaves it with Enter; resolves with the API request it causes. */
async function typeDay(selector: string, text: string, asked: (request: Request) => boolean): Promise<Request> {
  const request = page.waitForRequest(asked);
  await page.fill(selector, text);
  await page.press(selector, 'Enter');
  return request;
}

const apiRequest = (path: string) => (request: Request) => new URL(request.url()).pathname === path;

test('the browser really is in English (US)', async () => {
  expect(await page.evaluate(() => navigator.language)).toBe('en-US');
});

test('worklist: “due before” 12/03/2026 asks for tasks due before 12 March', async () => {
  await journeyPage(page, app.server.url).signIn('mot-cua', '/worklist');
  const request = await typeDay('[data-test="filter-due-before"]', '12/03/2026', (candidate) => apiRequest('/api/tasks')(candidate) && new URL(candidate.url()).searchParams.has('dueBefore'));
  expect(new URL(request.url()).searchParams.get('dueBefore')).toBe('2026-03-12T00:00:00+07:00');
  expect(await page.inputValue('[data-test="filter-due-before"]')).toBe('12/03/2026');
  expect(await page.getAttribute('[data-test="filter-due-before"]', 'placeholder')).toBe('dd/mm/yyyy');
});

test('dashboard: the period from 1/12/2026 to 3/12/2026 is 1 to 3 December, shown dd/mm/yyyy', async () => {
  await journeyPage(page, app.server.url).signIn('admin', '/dashboards');
  await page.locator('[data-figure="received"] strong').waitFor();
  const statsOf = (from: string) => (request: Request) => apiRequest('/api/stats')(request) && new URL(request.url()).searchParams.get('from') === from;
  await typeDay('[data-test="filter-from"]', '1/12/2026', statsOf('2026-12-01T00:00:00+07:00'));
  const request = await typeDay('[data-test="filter-to"]', '3/12/2026', (candidate) => statsOf('2026-12-01T00:00:00+07:00')(candidate) && new URL(candidate.url()).searchParams.get('to') === '2026-12-04T00:00:00+07:00');
  expect(new URL(request.url()).searchParams.get('to')).toBe('2026-12-04T00:00:00+07:00');
  expect(await page.inputValue('[data-test="filter-from"]')).toBe('01/12/2026');
  expect(await page.inputValue('[data-test="filter-to"]')).toBe('03/12/2026');
});

test('a step’s form: the issue date typed 12/03/2026 is sent as 12 March and shown as typed', async () => {
  await journeyPage(page, app.server.url).signIn('lanh-dao', `/tasks/${encodeURIComponent(approvalTaskId)}`);
  await page.locator('[data-test="task-form"]').waitFor();
  await page.fill('#field-maSoHoKinhDoanh', 'HKD-0001');
  await page.fill('#field-ngayCap', '12/03/2026');
  await page.press('#field-ngayCap', 'Enter');
  expect(await page.inputValue('#field-ngayCap')).toBe('12/03/2026');
  const completed = page.waitForRequest((request) => request.method() === 'POST' && new URL(request.url()).pathname.endsWith('/complete'));
  await page.click('[data-test="complete"]');
  expect((await completed).postDataJSON()).toMatchObject({ formData: { ngayCap: '2026-03-12' } });
  await page.waitForURL(/\/worklist/);
});
