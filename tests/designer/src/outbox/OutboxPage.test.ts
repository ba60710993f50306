// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ApiError } from '../../../../designer/src/api/problem.js';
import type { MotcuaApi } from '../../../../designer/src/api/motcua-api.js';
import type { OutboxEntry } from '../../../../designer/src/api/types.js';
import { createAppI18n } from '../../../../designer/src/i18n/i18n.js';
import OutboxPage from '../../../../designer/src/outbox/OutboxPage.vue';
import type { Session } from '../../../../designer/src/session/session.js';
import { sessionKey } from '../../../../designer/src/session/use-session.js';
import { householdCode, mails, notices, portalSync } from './fixtures/outbox-answers.js';

/** The live change stream, driven by the test. */
class FakeEventSource extends EventTarget {
  static opened: FakeEventSource[] = [];
  readyState = 1;
  constructor(readonly url: string) {
    super();
    FakeEventSource.opened.push(this);
  }
  announce(change: object) {
    this.dispatchEvent(Object.assign(new Event('change'), { data: JSON.stringify(change) }));
  }
  close() {}
}

function fakeApi() {
  return {
    outbox: vi.fn(async () => ({ items: notices })),
    mailbox: vi.fn(async () => ({ items: mails })),
    portalSync: vi.fn(async () => portalSync),
    eventsUrl: () => '/api/events?accessToken=t',
    me: vi.fn(),
  };
}

let api: ReturnType<typeof fakeApi>;

beforeEach(() => {
  api = fakeApi();
  FakeEventSource.opened = [];
  vi.stubGlobal('EventSource', FakeEventSource);
});
afterEach(() => vi.unstubAllGlobals());

async function mountPage(locale: 'vi' | 'en' = 'vi') {
  const i18n = createAppI18n(undefined);
  i18n.global.locale.value = locale;
  const session = { api: api as unknown as MotcuaApi } as Session;
  const wrapper = mount(OutboxPage, { global: { plugins: [i18n], provide: { [sessionKey as symbol]: session } } });
  await flushPromises();
  return wrapper;
}

type Page = Awaited<ReturnType<typeof mountPage>>;
const noticeCells = (page: Page, id: string) => page.findAll(`[data-notice-id="${id}"] td`).map((cell) => cell.text());
const figure = (page: Page, name: string) => page.find(`[data-figure="${name}"] strong`).text();
const forbidden = new ApiError({ type: 'about:blank', title: 'Forbidden', status: 403, detail: 'role agency-admin required', code: 'forbidden-role' });

describe('the notices', () => {
  test('show when, dossier, kind, channel, recipient, state, attempts, last error and delivery, with Vietnamese dates', async () => {
    const page = await mountPage();
    expect(page.find('h1').text()).toBe('Hộp thư đi');
    expect(api.outbox).toHaveBeenCalledWith({ state: undefined, dossierId: undefined });
    expect(page.findAll('[data-test="notice"]').map((row) => row.attributes('data-state'))).toEqual(['delivered', 'failing', 'delivered']);
    expect(noticeCells(page, 'n-received')).toEqual(['10/03/2026 09:05', householdCode, 'Tiếp nhận hồ sơ', 'Thư điện tử', 'an@example.vn', 'Đã gửi', '0', '', '10/03/2026 09:06']);
    // Not delivered yet: the channel it asks for, the citizen as recipient, the failures so far.
    expect(noticeCells(page, 'n-supplement')).toEqual([
      '11/03/2026 15:30',
      householdCode,
      'Yêu cầu bổ sung hồ sơ',
      'SMS',
      'Công dân',
      'Gửi lỗi, đang thử lại',
      '2',
      'connect ECONNREFUSED 127.0.0.1:2525',
      '—',
    ]);
    // For staff only: no channel, the role it is for.
    expect(noticeCells(page, 'n-overdue').slice(2, 6)).toEqual(['Hồ sơ quá hạn', '—', 'supervisor', 'Đã gửi']);
  });

  test('a kind the page does not know is shown as it is', async () => {
    api.outbox.mockResolvedValue({ items: [{ ...notices[2]!, id: 'n-new', kind: 'escalated-to-head' }] });
    const page = await mountPage();
    expect(noticeCells(page, 'n-new')[2]).toBe('escalated-to-head');
  });

  test('filter by state and dossier code: each change asks the API again with both', async () => {
    const page = await mountPage();
    api.outbox.mockResolvedValueOnce({ items: [notices[1]!] });
    await page.find('[data-test="filter-state"]').setValue('failing');
    await flushPromises();
    expect(api.outbox).toHaveBeenLastCalledWith({ state: 'failing', dossierId: undefined });
    expect(page.findAll('[data-test="notice"]').map((row) => row.attributes('data-notice-id'))).toEqual(['n-supplement']);

    api.outbox.mockResolvedValueOnce({ items: [] });
    const code = page.find<HTMLInputElement>('[data-test="filter-dossier"]');
    code.element.value = `  ${householdCode} `;
    await code.trigger('change');
    await flushPromises();
    expect(api.outbox).toHaveBeenLastCalledWith({ state: 'failing', dossierId: householdCode });
    expect(page.find('[data-test="notices"] .empty').text()).toBe('Không có thông báo nào.');

    await page.find('[data-test="filter-state"]').setValue('');
    await flushPromises();
    expect(api.outbox).toHaveBeenLastCalledWith({ state: undefined, dossierId: householdCode });
  });

  test('a slow answer to an earlier filter does not replace the answer to the current one', async () => {
    const page = await mountPage();
    let answerEarlier!: (value: { items: OutboxEntry[] }) => void;
    api.outbox.mockImplementationOnce(() => new Promise((resolve) => (answerEarlier = resolve)));
    api.outbox.mockResolvedValueOnce({ items: [notices[0]!] });
    await page.find('[data-test="filter-state"]').setValue('failing');
    await page.find('[data-test="filter-state"]').setValue('delivered');
    await flushPromises();
    answerEarlier({ items: [notices[1]!] });
    await flushPromises();
    expect(page.findAll('[data-test="notice"]').map((row) => row.attributes('data-notice-id'))).toEqual(['n-received']);
  });
});

describe('the local mailbox', () => {
  test('lists subject, recipients and time; a chosen message shows its text and its attachments’ names', async () => {
    const page = await mountPage();
    const rows = page.findAll('[data-test="mail"]');
    expect(rows.map((row) => row.findAll('td').map((cell) => cell.text()))).toEqual([
      ['Thanh toán phí, lệ phí hồ sơ 000.00.12.H56-260310-0002', 'binh@example.vn', '12/03/2026 10:00'],
      [`Tiếp nhận hồ sơ ${householdCode}`, 'an@example.vn', '10/03/2026 09:06'],
    ]);
    expect(page.find('[data-test="mail-message"]').exists()).toBe(false);

    await rows[1]!.find('[data-test="open-mail"]').trigger('click');
    expect(page.find('[data-test="mail-subject"]').text()).toBe(`Tiếp nhận hồ sơ ${householdCode}`);
    expect(page.find('[data-test="mail-text"]').text()).toContain(`mã hồ sơ ${householdCode}`);
    expect(page.findAll('[data-test="mail-attachment"]').map((item) => item.text())).toEqual([`mau-01-${householdCode}.pdf application/pdf · 47 KB`]);
    expect(rows[1]!.attributes('aria-selected')).toBe('true');

    await rows[0]!.find('[data-test="open-mail"]').trigger('click');
    expect(page.find('[data-test="mail-text"]').text()).toBe('Kính gửi Bà Trần Thị Bình,');
    expect(page.find('[data-test="mail-message"]').text()).toContain('Không có tệp đính kèm.');
  });
});

describe('the portal sync', () => {
  test('shows the backlog, the oldest wait, the failing entries and the lag p50/p95/max', async () => {
    const page = await mountPage();
    expect(['backlog', 'oldest-pending', 'failing', 'lag-p50', 'lag-p95', 'lag-max'].map((name) => figure(page, name))).toEqual(['3', '2 phút 5 giây', '1', '850 ms', '12,5 giây', '1 giờ 1 phút']);
    expect(page.find('[data-test="lag-count"]').text()).toContain('42 lần gửi gần nhất');
    expect(page.find('[data-figure="failing"]').classes()).toContain('late');
  });

  test('nothing sent yet and nothing waiting: no lag figures to show', async () => {
    api.portalSync.mockResolvedValue({ pending: 0, oldestPendingMs: 0, failingAttempts: 0, lagMs: { p50: 0, p95: 0, max: 0, count: 0 } });
    const page = await mountPage();
    expect(['backlog', 'oldest-pending', 'failing', 'lag-p50', 'lag-p95', 'lag-max'].map((name) => figure(page, name))).toEqual(['0', '—', '0', '—', '—', '—']);
    expect(page.find('[data-figure="failing"]').classes()).not.toContain('late');
  });
});

describe('refused and failed calls', () => {
  test('each part shows its own problem and the others still show', async () => {
    api.outbox.mockRejectedValue(forbidden);
    api.mailbox.mockRejectedValue(new TypeError('Failed to fetch'));
    const page = await mountPage();
    expect(page.find('[data-test="notices-error"]').text()).toBe('Vai trò của bạn không được thực hiện thao tác này.');
    expect(page.find('[data-test="notices-error"]').attributes('role')).toBe('alert');
    expect(page.find('[data-test="mailbox-error"]').text()).toBe('Không kết nối được máy chủ, hãy thử lại.');
    expect(page.find('[data-test="portal-error"]').exists()).toBe(false);
    expect(figure(page, 'backlog')).toBe('3');
  });

  test('the portal figures refused: a problem message instead of figures; the next good answer clears it', async () => {
    api.portalSync.mockRejectedValueOnce(forbidden);
    const page = await mountPage();
    expect(page.find('[data-test="portal-error"]').text()).toBe('Vai trò của bạn không được thực hiện thao tác này.');
    expect(page.find('[data-test="portal-sync"]').exists()).toBe(false);

    FakeEventSource.opened[0]!.announce({ kind: 'dossier', id: householdCode, dossierId: householdCode, change: 'status' });
    await vi.waitFor(() => expect(api.portalSync).toHaveBeenCalledTimes(2));
    await flushPromises();
    expect(page.find('[data-test="portal-error"]').exists()).toBe(false);
    expect(figure(page, 'backlog')).toBe('3');
  });
});

test('refreshes live when dossiers change: notices (with the current filter), mailbox and portal sync', async () => {
  const page = await mountPage();
  expect(FakeEventSource.opened.map((source) => source.url)).toEqual(['/api/events?accessToken=t']);
  await page.find('[data-test="filter-state"]').setValue('delivered');
  await flushPromises();
  const received: typeof mails = [{ ...mails[1]!, id: 'm-3', subject: `Kết quả giải quyết hồ sơ ${householdCode}`, receivedAt: '2026-03-13T02:00:00.000Z' }, ...mails];
  api.mailbox.mockResolvedValue({ items: received });

  FakeEventSource.opened[0]!.announce({ kind: 'dossier', id: householdCode, dossierId: householdCode, change: 'returned' });
  await vi.waitFor(() => expect(api.mailbox).toHaveBeenCalledTimes(2));
  await flushPromises();
  expect(api.outbox).toHaveBeenLastCalledWith({ state: 'delivered', dossierId: undefined });
  expect(api.portalSync).toHaveBeenCalledTimes(2);
  expect(page.findAll('[data-test="mail"]')[0]!.text()).toContain(`Kết quả giải quyết hồ sơ ${householdCode}`);
});

test('in English when switched', async () => {
  const page = await mountPage('en');
  expect(page.find('h1').text()).toBe('Outbox');
  expect(noticeCells(page, 'n-supplement').slice(0, 6)).toEqual(['11/03/2026 15:30', householdCode, 'Supplement requested', 'SMS', 'Citizen', 'Failing, retrying']);
  expect(noticeCells(page, 'n-received')[3]).toBe('Email');
  expect(['oldest-pending', 'lag-p95', 'lag-max'].map((name) => figure(page, name))).toEqual(['2 min 5 s', '12.5 s', '1 h 1 min']);
  expect(page.findAll('[data-test="mail"]')[1]!.findAll('td')[2]!.text()).toBe('10/03/2026 09:06');
});
