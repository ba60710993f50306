/**
 * The whole product in headless Chromium against `npm start`'s stack, started by the test on free
 * ports: a reformer and an agency admin put the household-business sample online; a citizen submits
 * with a document and gets a code; officers receive, ask for a supplement, appraise and approve; the
 * citizen supplements and sees the result returned. A second household dossier is refused with a
 * written reason: signed out, its citizen tracks it as refused and the outbox holds the Mẫu 03 notice
 * with the reason. A third dossier, of a procedure whose deadlines
 * are minutes of real time, is left alone: it goes overdue, reaches the supervisor's overdue queue
 * and the dashboard's count while the dashboard is open.
 */
import { cp, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchStart, prepareStack, startedLine, waitForOutput, type StackEnvironment, type StartRun } from '../../support/start-stack.js';
import { projectRoot } from '../../../scripts/runtime/config.js';
import { launchChromium, type Browser } from '../support/browser.js';
import { ApiClient } from '../../api/api-client.js';
import { journeyPage, requestFormPdf as pdf, stepWait, todayTyped } from '../support/journey-page.js';
import { screenshot } from '../support/screenshots.js';

const HOUSEHOLD = 'dang-ky-ho-kinh-doanh';
const QUICK = 'xac-nhan-nhanh';

let stack: StackEnvironment;
let run: StartRun;
let browser: Browser;
let page: Page;
let journey: ReturnType<typeof journeyPage>;
let householdCode: string;
let quickCode: string;
/** The API at the stack's URL, for the few set-up calls that are not the journey itself. */
let api: ApiClient;

/**
 * The shipped calendars plus `round-the-clock`, whose every minute is working time: the quick
 * procedure's minutes of real time then run out whatever the day and hour of the test run, where
 * the national calendar would start its clock at the next working morning.
 */
async function calendarDirectory(scratch: string): Promise<string> {
  const directory = path.join(scratch, 'calendars');
  const roundTheClock = path.join(directory, 'round-the-clock');
  await mkdir(directory, { recursive: true });
  await symlink(path.join(projectRoot, 'engine/calendar/data/vn-national'), path.join(directory, 'vn-national'));
  await cp(fileURLToPath(new URL('./fixtures/calendars/round-the-clock/', import.meta.url)), roundTheClock, { recursive: true });
  const thisYear = new Date().getUTCFullYear();
  for (const year of [thisYear - 1, thisYear, thisYear + 1]) {
    await writeFile(path.join(roundTheClock, `${year}.json`), JSON.stringify({ status: 'generated', daysOff: [], workingDays: [] }));
  }
  return directory;
}

beforeAll(async () => {
  stack = await prepareStack();
  run = launchStart({ ...stack.environment, MOTCUA_LOG_LEVEL: 'warn', MOTCUA_CALENDAR_DIR: await calendarDirectory(stack.scratch) });
  await waitForOutput(run, startedLine, 300_000);
  browser = await launchChromium();
  page = await browser.context.newPage();
  page.setDefaultTimeout(20_000);
  journey = journeyPage(page, stack.appUrl);
  api = new ApiClient(stack.appUrl);
  page.on('pageerror', (error) => {
    pageErrors.push(error.message);
    console.error(`page error: ${error.stack ?? error.message}`);
  });
}, 360_000);

/** What the pages threw: a step that must not break the page checks this stays empty. */
const pageErrors: string[] = [];

afterAll(async () => {
  await browser?.close();
  if (run && run.child.exitCode === null) {
    run.child.kill('SIGINT');
    await run.exited;
  }
  await stack?.dispose();
}, 60_000);

afterEach(async (context) => {
  if (context.task.result?.state !== 'fail') return;
  await screenshot(page, `failed-${context.task.name.slice(0, 40).replace(/[^a-z0-9]+/gi, '-')}`);
  console.error(`npm start said:\n${run.output().slice(-3000)}\n${run.errors().slice(-3000)}`);
});

const signIn = (username: string, path: string) => journey.signIn(username, path);
const taskRow = (dossier: string, elementId: string) => journey.taskRow(dossier, elementId);
const field = (key: string) => journey.field(key);
const claimFromQueue = (username: string, dossier: string, elementId: string) => journey.claimFromQueue(username, dossier, elementId);
const finishStep = (dossier: string, action: () => Promise<void>) => journey.finishStep(dossier, action);


test('reformer and agency admin put the household-business sample online', async () => {
  await signIn('reformer', '/procedures');
  await page.selectOption('[data-test="sample"]', 'household-business-registration');
  await page.click('[data-test="open-sample"]');
  await page.locator('.djs-element[data-element-id="Task_ThamDinh"]').waitFor();
  await page.locator('.no-problems').waitFor();
  await page.click('[data-test="save"]');
  await page.waitForURL(new RegExp(`/procedures/${HOUSEHOLD}$`));

  await signIn('admin', `/procedures/${HOUSEHOLD}`);
  // Deploy once the draft is loaded and checked (a click before that deploys nothing).
  await page.locator('.djs-element[data-element-id="Task_ThamDinh"]').waitFor();
  await page.locator('.no-problems').waitFor();
  await page.click('[data-test="deploy"]');
  await expect.poll(() => page.locator('[data-test="status"]').textContent()).toBe('Đã triển khai phiên bản 1');
}, 120_000);

test('a citizen finds the procedure, submits online with a document and gets a dossier code', async () => {
  await signIn('an', '/catalogue');
  const entry = page.locator(`[data-test="catalogue-entry"][data-procedure="${HOUSEHOLD}"]`);
  await expect(entry.textContent()).resolves.toContain('3 ngày làm việc');
  await expect(entry.textContent()).resolves.toContain('Giấy đề nghị đăng ký hộ kinh doanh');
  await screenshot(page, 'citizen-catalogue');
  await entry.locator('[data-test="submit-online"]').click();
  await page.locator('[data-test="submission-form"]').waitFor();

  // Sent empty: every required field says so, and nothing is submitted.
  await field('tenHoKinhDoanh').fill('');
  await page.click('[data-test="submit"]');
  await expect(page.locator('[data-field="tenHoKinhDoanh"] [data-test="field-error"]').textContent()).resolves.toBe('Vui lòng nhập thông tin này');
  await expect(page.locator('[data-field="giayDeNghi"] [data-test="field-error"]').textContent()).resolves.toBe('Vui lòng đính kèm giấy tờ này');

  await page.fill('#applicant-idNumber', '001099000001');
  await page.fill('#applicant-phone', '0912345678');
  await page.fill('#applicant-email', 'an@example.vn');
  await field('hoTen').fill('Nguyễn Văn An');
  await field('soDinhDanh').fill('001099000001');
  await field('tenHoKinhDoanh').fill('Quán Phở An');
  await field('nganhNghe').fill('Ăn uống');
  await field('vonKinhDoanh').fill('50000000');
  await page.setInputFiles('#file-giayDeNghi', pdf);
  await screenshot(page, 'citizen-submission');
  await page.click('[data-test="submit"]');
  await page.locator('[data-test="receipt"]').waitFor();
  householdCode = (await page.locator('[data-test="receipt-code"]').textContent())!.trim();
  expect(householdCode).toMatch(/^000\.00\.12\.H56-\d{6}-0001$/);
  await expect(page.locator('[data-test="receipt-appointment"]').textContent()).resolves.toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
  await screenshot(page, 'citizen-receipt');
}, 120_000);

test('the one-stop officer opens the receipt task before claiming it, and signs out from the worklist, without the page breaking', async () => {
  await signIn('mot-cua', '/worklist');
  await page.click('[data-test="view-unit"]');
  const row = taskRow(householdCode, 'Task_TiepNhan');
  await row.waitFor({ timeout: stepWait });
  const thrownBefore = pageErrors.length;
  await row.locator('[data-test="open-task"]').click();
  await page.locator('[data-test="task-form"]').waitFor();
  await expect(page.locator('[data-test="task-status"]').textContent()).resolves.toBe('Chờ nhận');
  await expect(page.locator('[data-test="claim"]').isVisible()).resolves.toBe(true);
  await screenshot(page, 'task-unclaimed');
  await page.goto(`${stack.appUrl}/worklist`);
  await page.locator('[data-test="task-table"]').waitFor();
  await page.click('[data-test="sign-out"]');
  await page.waitForURL(/\/sign-in/);
  expect(pageErrors.slice(thrownBefore)).toEqual([]);
});

test('the one-stop officer claims the receipt from the worklist and completes it; the form checks its fields', async () => {
  await signIn('mot-cua', '/worklist');
  await page.click('[data-test="view-unit"]');
  const row = taskRow(householdCode, 'Task_TiepNhan');
  await row.waitFor({ timeout: stepWait });
  // The badge counts on the dossier's pinned calendar once it has arrived.
  await expect.poll(() => row.locator('[data-test="sla"]').textContent()).toMatch(/^(Còn|Sắp đến hạn: còn) .*làm việc$/);
  await screenshot(page, 'worklist');
  await row.locator('[data-test="claim"]').click();
  await expect.poll(() => page.locator('[data-test="worklist-message"]').textContent()).toBe(`Đã nhận xử lý “Tiếp nhận, kiểm tra hồ sơ” của hồ sơ ${householdCode}`);
  await page.click('[data-test="view-mine"]');
  await taskRow(householdCode, 'Task_TiepNhan').locator('[data-test="open-task"]').click();
  await page.locator('[data-test="task-form"]').waitFor();

  await expect(page.locator('[data-test="applicant"]').textContent()).resolves.toContain('Nguyễn Văn An');
  await page.locator('.djs-element.mc-current-step[data-element-id="Task_TiepNhan"]').waitFor();
  const download = page.waitForEvent('download');
  await page.locator('[data-test="attachment"]').first().locator('[data-test="download-attachment"]').click();
  expect((await download).suggestedFilename()).toBe('giay-de-nghi.pdf');

  // The officer's form opens with what the citizen gave under the same keys, the document included.
  await expect(field('hoTen').inputValue()).resolves.toBe('Nguyễn Văn An');
  await expect(field('tenHoKinhDoanh').inputValue()).resolves.toBe('Quán Phở An');
  await expect(field('vonKinhDoanh').inputValue()).resolves.toBe('50000000');
  const requestForm = page.locator('[data-field="giayDeNghi"] input[type="checkbox"]').first();
  await expect(requestForm.isChecked()).resolves.toBe(true);
  await requestForm.uncheck();
  await field('vonKinhDoanh').fill('nhiều');
  await page.click('[data-test="complete"]');
  await expect(page.locator('[data-field="vonKinhDoanh"] [data-test="field-error"]').textContent()).resolves.toBe('Vui lòng nhập một số');
  await expect(page.locator('[data-field="giayDeNghi"] [data-test="field-error"]').textContent()).resolves.toBe('Vui lòng nhập thông tin này');
  await screenshot(page, 'task-validation');
  await field('vonKinhDoanh').fill('50000000');
  await requestForm.check();
  await finishStep(householdCode, () => page.click('[data-test="complete"]'));
}, 180_000);

test('the appraisal officer asks for a supplement', async () => {
  await claimFromQueue('lan', householdCode, 'Task_ThamDinh');
  await page.locator('.djs-element.mc-current-step[data-element-id="Task_ThamDinh"]').waitFor();
  await expect(page.locator('[data-test="timeline"]').textContent()).resolves.toContain('Tiếp nhận hồ sơ');
  // A supplementation request shows its fields (documents, reason) once chosen, then is confirmed.
  await page.click('[data-test="outcome"][data-outcome="bo-sung"]');
  await field('giayToThieu').fill('Bản sao hợp đồng thuê địa điểm kinh doanh');
  await field('lyDoBoSung').fill('Thiếu hợp đồng thuê địa điểm kinh doanh');
  await screenshot(page, 'task-appraisal');
  await finishStep(householdCode, () => page.click('[data-test="confirm-outcome"]'));
}, 180_000);

test('the citizen sees what to supplement and sends it', async () => {
  await signIn('an', `/track/${householdCode}`);
  await expect.poll(() => page.locator('[data-test="tracked-dossier"]').getAttribute('data-status'), { timeout: stepWait }).toBe('supplement-requested');
  await expect(page.locator('[data-test="status-text"]').textContent()).resolves.toContain('Cần bổ sung hồ sơ');
  await expect(page.locator('[data-test="to-supplement"]').textContent()).resolves.toContain('Bản sao hợp đồng thuê địa điểm kinh doanh');
  await screenshot(page, 'citizen-supplement');
  await page.setInputFiles('input[name="supplement-files"]', { ...pdf, name: 'hop-dong-thue.pdf' });
  await page.fill('textarea[name="note"]', 'Bổ sung hợp đồng thuê');
  await page.click('[data-test="send-supplement"]');
  await expect.poll(() => page.locator('[data-test="track-message"]').textContent()).toBe('Đã gửi hồ sơ bổ sung. Cơ quan sẽ tiếp tục xử lý.');
  await expect.poll(() => page.locator('[data-test="attachment"]').count()).toBe(2);
}, 120_000);

test('officers appraise and approve; the citizen sees the result ready, then returned', async () => {
  await claimFromQueue('lan', householdCode, 'Task_ThamDinh');
  await finishStep(householdCode, () => page.click('[data-test="outcome"][data-outcome="dat"]'));

  await claimFromQueue('lanh-dao', householdCode, 'Task_PheDuyet');
  await field('maSoHoKinhDoanh').fill('HKD-000123');
  await field('ngayCap').fill(todayTyped());
  await finishStep(householdCode, () => page.click('[data-test="complete"]'));

  // After the approval the tax authority is notified by a service task; once the return step is
  // open, processing has ended and the citizen sees the result is ready.
  await signIn('an', `/track/${householdCode}`);
  await expect.poll(() => page.locator('[data-test="tracked-dossier"]').getAttribute('data-status'), { timeout: stepWait }).toBe('processed');
  await expect(page.locator('[data-test="status-text"]').textContent()).resolves.toContain('Đã có kết quả');
  await page.locator('[data-test="processed-at"]').waitFor();
  // The result is ready: withdrawing is no longer offered.
  await expect(page.locator('[data-test="withdraw"]').count()).resolves.toBe(0);

  await claimFromQueue('mot-cua', householdCode, 'Task_TraKetQua');
  await field('hinhThucTra').selectOption('truc-tuyen');
  await finishStep(householdCode, () => page.click('[data-test="complete"]'));

  await signIn('an', `/track/${householdCode}`);
  await expect.poll(() => page.locator('[data-test="tracked-dossier"]').getAttribute('data-status'), { timeout: stepWait }).toBe('returned');
  await expect(page.locator('[data-test="status-text"]').textContent()).resolves.toContain('Đã trả kết quả');
  await screenshot(page, 'citizen-result-returned');
}, 240_000);

test('the appraisal officer refuses a second dossier, only with a written reason; the citizen tracks it as refused, never returned, and gets the Mẫu 03 notice with the reason', async () => {
  const household = { hoTen: 'Nguyễn Văn An', soDinhDanh: '001099000001', tenHoKinhDoanh: 'Quán Bún An', nganhNghe: 'Ăn uống', vonKinhDoanh: 30_000_000 };
  const submitted = await api.submitOnline(HOUSEHOLD, 'an', { name: 'Nguyễn Văn An', phone: '0912345678', email: 'an@example.vn' }, household);
  expect(submitted.status).toBe(201);
  const refusedCode: string = submitted.body.dossierId;
  await claimFromQueue('mot-cua', refusedCode, 'Task_TiepNhan');
  await finishStep(refusedCode, () => page.click('[data-test="complete"]'));

  await claimFromQueue('lan', refusedCode, 'Task_ThamDinh');
  await page.click('[data-test="outcome"][data-outcome="tu-choi"]');
  // Only the refusal's own field shows, required; confirming without it sends nothing.
  await expect(page.locator('[data-field="lyDo"]').isVisible()).resolves.toBe(true);
  await expect(page.locator('[data-field="giayToThieu"]').count()).resolves.toBe(0);
  await page.click('[data-test="confirm-outcome"]');
  await expect(page.locator('[data-field="lyDo"] [data-test="field-error"]').textContent()).resolves.toBe('Vui lòng nhập thông tin này');
  expect(page.url()).toContain('/tasks/');
  const reason = 'Ngành nghề đăng ký thuộc danh mục cấm kinh doanh tại địa điểm này';
  await field('lyDo').fill(reason);
  await screenshot(page, 'refusal-form');
  await finishStep(refusedCode, () => page.click('[data-test="confirm-outcome"]'));

  // Signed out, as anyone holding the receipt: the code and the phone's last 4 digits.
  await page.click('[data-test="sign-out"]');
  await page.waitForURL(/\/sign-in/);
  await page.goto(`${stack.appUrl}/track`);
  await page.fill('[data-test="track-code"]', refusedCode);
  await page.fill('[data-test="track-factor"]', '5678');
  const tracked = page.locator('[data-test="tracked-dossier"]');
  await expect
    .poll(async () => {
      await page.click('[data-test="track-submit"]');
      await tracked.waitFor();
      return tracked.getAttribute('data-status');
    }, { timeout: stepWait, interval: 2_000 })
    .toBe('rejected');
  await expect(tracked.locator('[data-test="status-text"]').textContent()).resolves.toContain('Không được giải quyết');
  expect(await tracked.textContent()).not.toContain('Đã trả kết quả');
  await expect
    .poll(async () => {
      await page.click('[data-test="track-submit"]');
      return tracked.locator('[data-test="documents"] [data-form="mau-03"]').count();
    }, { timeout: stepWait, interval: 2_000 })
    .toBe(1);
  await screenshot(page, 'citizen-refused');

  await signIn('admin', '/outbox');
  const notice = page.locator('[data-test="mail"]', { hasText: `Thông báo từ chối giải quyết hồ sơ ${refusedCode}` });
  await notice.waitFor({ timeout: stepWait });
  await notice.locator('[data-test="open-mail"]').click();
  await expect(page.locator('[data-test="mail-text"]').textContent()).resolves.toContain(`Lý do từ chối: ${reason}`);
  await expect(page.locator('[data-test="mail-attachment"]').first().textContent()).resolves.toContain('.pdf');
  expect(await page.locator('[data-test="mail"]', { hasText: `Kết quả giải quyết hồ sơ ${refusedCode}` }).count()).toBe(0);
}, 300_000);

test('a dossier left alone goes overdue: the open dashboard counts it live, and it reaches the supervisor’s overdue queue', async () => {
  const admin = await api.token('admin');
  const xml = await readFile(new URL('./fixtures/quick-deadline.bpmn', import.meta.url), 'utf8');
  const created = await fetch(`${stack.appUrl}/api/procedures`, { method: 'POST', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body: JSON.stringify({ xml }) });
  expect(created.status).toBe(201);
  expect((await fetch(`${stack.appUrl}/api/procedures/${QUICK}/deploy`, { method: 'POST', headers: { authorization: `Bearer ${admin}` } })).status).toBe(201);

  const form = new FormData();
  form.append('data', JSON.stringify({ procedureCode: QUICK, channel: 'online', applicant: { name: 'Trần Thị Bình' } }));
  form.append('attachments', new Blob([pdf.buffer], { type: 'application/pdf' }), 'don.pdf');
  const submitted = await fetch(`${stack.appUrl}/api/dossiers`, { method: 'POST', headers: { authorization: `Bearer ${await api.token('an')}` }, body: form });
  expect(submitted.status).toBe(201);
  quickCode = ((await submitted.json()) as { dossierId: string }).dossierId;

  await signIn('admin', '/dashboards');
  const figure = (name: string) => page.locator(`[data-figure="${name}"] strong`);
  await expect.poll(() => figure('received').textContent()).toBe('3');
  expect(await figure('overdue-now').textContent()).toBe('0');
  // The refused dossier is counted apart, never as finished early or on time.
  expect(await figure('refused').textContent()).toBe('1');
  expect(Number(await figure('early').textContent()) + Number(await figure('on-time').textContent())).toBe(1);
  // Nothing reloads the page: the count moves when the dossier's two minutes are up.
  await expect.poll(() => figure('overdue-now').textContent(), { timeout: 240_000, interval: 2_000 }).toBe('1');
  await page.locator('.mc-heat[data-element-id="Task_ThamDinh"]').waitFor();
  await screenshot(page, 'dashboard');

  // The figure opens the dossier behind it; its definition shows on hover; the list exports.
  await page.hover('[data-figure="overdue-now"]');
  await expect.poll(() => page.locator('#definition-overdue-now').isVisible()).toBe(true);
  await page.click('[data-figure="overdue-now"]');
  await page.locator(`[data-test="figure-dossier"][data-dossier-id="${quickCode}"]`).waitFor();
  const [exported] = await Promise.all([page.waitForEvent('download'), page.click('[data-test="figure-dossiers"] [data-test="export-csv"]')]);
  expect(exported.suggestedFilename()).toBe('ho-so-overdue-now.csv');
  const csv = await readFile((await exported.path())!, 'utf8');
  expect(csv.split('\r\n').filter((line) => line.includes(quickCode))).toHaveLength(1);
  const legend = (await page.locator('[data-test="trend-legend"]').boundingBox())!;
  const chart = (await page.locator('[data-test="trend-chart"]').boundingBox())!;
  expect(legend.y + legend.height).toBeLessThanOrEqual(chart.y);
  await screenshot(page, 'dashboard-drill-down');

  await signIn('hung', '/supervision');
  const row = taskRow(quickCode, 'Task_XacNhan');
  await row.waitFor({ timeout: stepWait });
  await expect.poll(() => row.locator('[data-test="sla"]').textContent()).toMatch(/^Quá hạn/);
  await page.locator(`[data-test="overdue-dossiers"] [data-dossier-id="${quickCode}"]`).waitFor();
  await row.locator('[data-test="select-task"]').check();
  await page.selectOption('[data-test="reassign-to"]', 'minh');
  await page.fill('[data-test="reassign-reason"]', 'Chuyển cán bộ xử lý ngay hồ sơ quá hạn');
  await page.click('[data-test="bulk-reassign"]');
  await expect.poll(() => page.locator('[data-test="bulk-result"]').textContent()).toContain('1 việc thành công, 0 việc bị từ chối.');
  await expect.poll(() => page.locator(`[data-test="officer-load"] [data-officer="minh"] td`).nth(1).textContent()).toBe('1');
  await expect(row.locator('td').nth(4).textContent()).resolves.toBe('minh');
  await screenshot(page, 'supervision-overdue');
}, 360_000);

test('the supervisor sends the apology letter with the appointment the calendar proposes, and the citizen withdraws the late dossier', async () => {
  await signIn('hung', '/supervision');
  await page.click('[data-test="queue-apology"]');
  const row = taskRow(quickCode, 'Task_XacNhan');
  await row.waitFor({ timeout: stepWait });
  await row.locator('[data-test="select-task"]').check();
  await page.click('[data-test="bulk-claim"]');
  await expect.poll(() => page.locator('[data-test="bulk-result"]').textContent()).toContain('1 việc thành công');
  await row.locator('[data-test="open-task"]').click();
  await page.locator('[data-test="task-form"]').waitFor();
  await expect.poll(() => page.locator('[data-test="task-status"]').textContent()).toContain('Đang xử lý');
  const proposed = await field('newAppointment').inputValue();
  expect(proposed).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
  // The dossier was received today: the proposed appointment is a later day, never one before the reception.
  const asDay = (typed: string) => typed.split('/').reverse().join('-');
  expect(asDay(proposed) > asDay(todayTyped())).toBe(true);
  await field('reason').fill('Hồ sơ quá hạn do chưa có cán bộ xử lý; xin lỗi ông/bà và hẹn lại ngày trả kết quả.');
  await screenshot(page, 'apology-letter');
  await page.click('[data-test="complete"]');
  await page.waitForURL(/\/worklist\?completed=/);

  await signIn('an', `/track/${quickCode}`);
  await page.fill('input[name="withdraw-reason"]', 'Tôi không còn cần giấy xác nhận này');
  await page.click('[data-test="withdraw"]');
  await expect.poll(() => page.locator('[data-test="tracked-dossier"]').getAttribute('data-status'), { timeout: stepWait }).toBe('stopped');
}, 240_000);

test('the agency admin reads the household dossier’s receipt email in the outbox, and its notice as delivered', async () => {
  await signIn('admin', '/outbox');
  const receipt = page.locator('[data-test="mail"]', { hasText: `Tiếp nhận hồ sơ ${householdCode}` });
  await receipt.waitFor({ timeout: stepWait });
  await expect(receipt.textContent()).resolves.toContain('an@example.vn');
  await receipt.locator('[data-test="open-mail"]').click();
  await expect(page.locator('[data-test="mail-text"]').textContent()).resolves.toContain(`mã hồ sơ ${householdCode}`);
  await expect(page.locator('[data-test="mail-attachment"]').first().textContent()).resolves.toContain('.pdf');

  await page.fill('[data-test="filter-dossier"]', householdCode);
  await page.press('[data-test="filter-dossier"]', 'Enter');
  await page.selectOption('[data-test="filter-state"]', 'delivered');
  // Only the household dossier's delivered notices remain (the quick dossier's are filtered out), its receipt among them.
  const shown = () => page.locator('[data-test="notice"]').evaluateAll((rows) => [...new Set(rows.map((row) => `${row.querySelectorAll('td')[1]?.textContent} ${row.getAttribute('data-state')}`))]);
  await expect.poll(shown).toEqual([`${householdCode} delivered`]);
  await expect(page.locator('[data-test="notice"]', { hasText: 'Tiếp nhận hồ sơ' }).locator('[data-test="notice-recipient"]').textContent()).resolves.toBe('an@example.vn');
  await page.locator('[data-test="portal-sync"]').waitFor();
  await screenshot(page, 'outbox');
}, 120_000);
