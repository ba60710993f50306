// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { ApiError } from '../../../../designer/src/api/problem.js';
import type { MotcuaApi } from '../../../../designer/src/api/motcua-api.js';
import type { Report } from '../../../../designer/src/api/types.js';
import { createAppI18n } from '../../../../designer/src/i18n/i18n.js';
import ReportsPage from '../../../../designer/src/reports/ReportsPage.vue';
import type { Session } from '../../../../designer/src/session/session.js';
import { sessionKey } from '../../../../designer/src/session/use-session.js';
import { handlingColumns, handlingRates } from '../../../../engine/reports/handling-report.js';

const figures = (received: number) => ({ ...Object.fromEntries(handlingColumns.map(({ id }) => [id, 0])), received, receivedOnline: received, inProgress: received, inProgressInTime: received }) as Report['total']['figures'];
const rates = { onTimeRate: null, overdueRate: 0, onlineShare: 100 };
const summary = { id: 'ubnd-xa~2026-11~field~abc', agencyId: 'ubnd-xa', agencyName: 'UBND xã', period: { kind: 'month', year: 2026, number: 11, key: '2026-11', title: 'Tháng 11 năm 2026' }, grouping: 'field' as const, scope: {}, from: '2026-10-31T17:00:00.000Z', until: '2026-11-30T17:00:00.000Z', producedAt: '2026-12-01T00:00:00.000Z', producedBy: 'schedule' };
const headings = { figures: handlingColumns.map((column) => ({ ...column })), rates: handlingRates.map((rate) => ({ ...rate })) };
const report: Report = { ...summary, rows: [{ key: 'Hộ tịch', title: 'Hộ tịch', figures: figures(3), rates }], total: { figures: figures(3), rates }, headings };

function fakeApi() {
  return {
    agencies: vi.fn(async () => [{ id: 'ubnd-xa', name: 'UBND xã' }]),
    units: vi.fn(async () => [{ id: 'bo-phan-mot-cua', agencyId: 'ubnd-xa', name: 'Bộ phận Một cửa' }]),
    reports: vi.fn(async () => ({ items: [summary] })),
    report: vi.fn(async () => report),
    produceReport: vi.fn(async () => report),
    reportFile: vi.fn(async () => new Blob(['x'])),
  };
}

let api: ReturnType<typeof fakeApi>;
beforeEach(() => {
  api = fakeApi();
  URL.createObjectURL = vi.fn(() => 'blob:x');
});

async function mountPage() {
  const i18n = createAppI18n(undefined);
  i18n.global.locale.value = 'vi';
  const session = { api: api as unknown as MotcuaApi, state: { user: { agencyId: 'ubnd-xa' } } } as unknown as Session;
  const page = mount(ReportsPage, { global: { plugins: [i18n], provide: { [sessionKey as symbol]: session } } });
  await flushPromises();
  return page;
}

describe('the reports page', () => {
  test('lists the kept reports of the user’s agency, the scheduled one said so, and opens one as the form’s table', async () => {
    const page = await mountPage();
    expect(api.reports).toHaveBeenCalledWith('ubnd-xa');
    expect(page.find('[data-test="kept-report"]').text()).toContain('tự động hằng tháng');
    await page.find('[data-test="kept-report"] button').trigger('click');
    await flushPromises();
    expect(api.report).toHaveBeenCalledWith(summary.id);
    expect(page.find('[data-test="report"] h2').text()).toBe('UBND xã — Tháng 11 năm 2026');
    expect(page.findAll('thead th').map((cell) => cell.text())).toContain('Số hồ sơ nhận giải quyết: Từ kỳ trước chuyển sang');
    expect(page.find('[data-test="report-total"]').findAll('td').map((cell) => cell.text()).slice(0, 2)).toEqual(['3', '3']);
  });

  test('produces the chosen period, grouping and unit, and downloads it', async () => {
    const page = await mountPage();
    await page.find('[data-test="report-unit"]').setValue('bo-phan-mot-cua');
    await page.find('[data-test="report-kind"]').setValue('quarter');
    await page.find('[data-test="report-number"]').setValue('4');
    await page.find('[data-test="report-year"]').setValue('2026');
    await page.find('[data-test="report-grouping"]').setValue('procedure');
    await page.find('form').trigger('submit');
    await flushPromises();
    expect(api.produceReport).toHaveBeenCalledWith({ agencyId: 'ubnd-xa', period: '2026-Q4', grouping: 'procedure', unitId: 'bo-phan-mot-cua' });
    await page.find('[data-test="report-download-xlsx"]').trigger('click');
    await flushPromises();
    expect(api.reportFile).toHaveBeenCalledWith(summary.id, 'xlsx');
  });

  test('shows a refusal in words', async () => {
    api.produceReport.mockRejectedValueOnce(new ApiError({ type: 'about:blank', title: 'Unprocessable', status: 422, detail: 'the period 2027-01 has not begun', code: 'future-period' }));
    const page = await mountPage();
    await page.find('form').trigger('submit');
    await flushPromises();
    expect(page.find('[data-test="report-error"]').exists()).toBe(true);
  });
});
