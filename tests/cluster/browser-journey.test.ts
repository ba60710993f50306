/**
 * The citizen → officer → result journey in headless Chromium through the cluster's one origin
 * (HAProxy in front of two API processes, two workers on the Temporal server's services): each page
 * load and call may reach either API process, and the live worklist must still show each step.
 */
import { afterAll, afterEach, beforeAll, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { ApiClient } from '../api/api-client.js';
import { launchChromium, type Browser } from '../designer/support/browser.js';
import { journeyPage, requestFormPdf, todayTyped } from '../designer/support/journey-page.js';
import { screenshot } from '../designer/support/screenshots.js';

const clusterUrl = inject('clusterUrl');
let browser: Browser;
let page: Page;
let journey: ReturnType<typeof journeyPage>;
let procedureCode: string;

const HOUSEHOLD = 'dang-ky-ho-kinh-doanh';

/**
 * The sign-in limit is kept in the store for every process and counts this machine's address as one
 * client: after the coherence file's sign-in burst it refuses for up to a minute. Waits until it signs in.
 */
async function untilSignInsAllowed(): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const response = await fetch(`${clusterUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'an', password: 'motcua-demo' }) });
    if (response.status !== 429) return;
    await new Promise((resolve) => setTimeout(resolve, 5_000));
  }
  throw new Error('sign-ins still refused after 100 s');
}

beforeAll(async () => {
  await untilSignInsAllowed();
  const api = new ApiClient(clusterUrl);
  // Another file of the run may have put the sample online already, in the same store.
  procedureCode = (await api.request('GET', `/api/catalogue/${HOUSEHOLD}`)).status === 200 ? HOUSEHOLD : await api.deploySample();
  browser = await launchChromium();
  page = await browser.context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (error) => console.error(`page error: ${error.stack ?? error.message}`));
  journey = journeyPage(page, clusterUrl);
}, 240_000);

afterAll(async () => {
  await browser?.close();
});

afterEach(async (context) => {
  if (context.task.result?.state === 'fail') await screenshot(page, 'cluster-failed-journey');
});

test('a citizen submits through the cluster, officers on either API process take each step, and the citizen sees the result returned', async () => {
  const { signIn, field, claimFromQueue, finishStep, trackUntil } = journey;

  await signIn('an', '/catalogue');
  await page.locator(`[data-test="catalogue-entry"][data-procedure="${procedureCode}"] [data-test="submit-online"]`).click();
  await page.locator('[data-test="submission-form"]').waitFor();
  await page.fill('#applicant-idNumber', '001099000001');
  await page.fill('#applicant-phone', '0912345678');
  await page.fill('#applicant-email', 'an@example.vn');
  await field('hoTen').fill('Nguyễn Văn An');
  await field('soDinhDanh').fill('001099000001');
  await field('tenHoKinhDoanh').fill('Quán Phở An');
  await field('nganhNghe').fill('Ăn uống');
  await field('vonKinhDoanh').fill('50000000');
  await page.setInputFiles('#file-giayDeNghi', requestFormPdf);
  await page.click('[data-test="submit"]');
  await page.locator('[data-test="receipt"]').waitFor();
  const dossier = (await page.locator('[data-test="receipt-code"]').textContent())!.trim();
  expect(dossier).toMatch(/^000\.00\.12\.H56-\d{6}-\d{4}$/);

  // The officer's form opens with what the citizen gave.
  await claimFromQueue('mot-cua', dossier, 'Task_TiepNhan');
  await expect(field('tenHoKinhDoanh').inputValue()).resolves.toBe('Quán Phở An');
  await finishStep(dossier, () => page.click('[data-test="complete"]'));

  await claimFromQueue('lan', dossier, 'Task_ThamDinh');
  await finishStep(dossier, () => page.click('[data-test="outcome"][data-outcome="dat"]'));

  await claimFromQueue('lanh-dao', dossier, 'Task_PheDuyet');
  await field('maSoHoKinhDoanh').fill('HKD-000123');
  await field('ngayCap').fill(todayTyped());
  await finishStep(dossier, () => page.click('[data-test="complete"]'));

  await trackUntil(dossier, 'processed');
  await expect(page.locator('[data-test="status-text"]').textContent()).resolves.toContain('Đã có kết quả');

  await claimFromQueue('mot-cua', dossier, 'Task_TraKetQua');
  await field('hinhThucTra').selectOption('truc-tuyen');
  await finishStep(dossier, () => page.click('[data-test="complete"]'));

  await trackUntil(dossier, 'returned');
  await expect(page.locator('[data-test="status-text"]').textContent()).resolves.toContain('Đã trả kết quả');
  await screenshot(page, 'cluster-citizen-result-returned');
}, 300_000);
