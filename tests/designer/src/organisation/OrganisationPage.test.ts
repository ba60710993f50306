// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { ApiError } from '../../../../designer/src/api/problem.js';
import type { MotcuaApi } from '../../../../designer/src/api/motcua-api.js';
import type { StaffMember } from '../../../../designer/src/api/types.js';
import { createAppI18n } from '../../../../designer/src/i18n/i18n.js';
import OrganisationPage from '../../../../designer/src/organisation/OrganisationPage.vue';
import type { Session } from '../../../../designer/src/session/session.js';
import { sessionKey } from '../../../../designer/src/session/use-session.js';

const lan: StaffMember = { id: 'lan', username: 'lan', name: 'Lê Thị Lan', agencyId: 'ubnd-xa', roles: ['officer'], units: ['phong-kinh-te'], positions: ['chuyen-vien'], email: 'lan@ubnd-xa.gov.vn', disabled: false, lastSignInAt: '2026-12-01T01:30:00.000Z' };

function fakeApi() {
  return {
    agencies: vi.fn(async () => [{ id: 'ubnd-xa', name: 'UBND xã', level: 'commune' as const, code: '000.00.12.H56' }]),
    units: vi.fn(async () => [{ id: 'bo-phan-mot-cua', agencyId: 'ubnd-xa', name: 'Bộ phận Một cửa' }, { id: 'phong-kinh-te', agencyId: 'ubnd-xa', name: 'Phòng Kinh tế' }]),
    positions: vi.fn(async () => [{ id: 'chuyen-vien', name: 'Chuyên viên' }]),
    staff: vi.fn(async () => ({ items: [lan] })),
    createUnit: vi.fn(async () => ({ id: 'tiep-dan', agencyId: 'ubnd-xa', name: 'Tổ tiếp dân' })),
    createStaff: vi.fn(async () => lan),
    changeStaff: vi.fn(async () => lan),
    resetPassword: vi.fn(async () => lan),
    revokeSessions: vi.fn(async () => lan),
  };
}

let api: ReturnType<typeof fakeApi>;
beforeEach(() => {
  api = fakeApi();
});

async function mountPage() {
  const i18n = createAppI18n(undefined);
  i18n.global.locale.value = 'vi';
  const session = { api: api as unknown as MotcuaApi, state: { user: { agencyId: 'ubnd-xa' } } } as unknown as Session;
  const page = mount(OrganisationPage, { global: { plugins: [i18n], provide: { [sessionKey as symbol]: session } } });
  await flushPromises();
  return page;
}

describe('the organisation page', () => {
  test('lists the agency’s units and staff with their unit, email, last sign-in and state', async () => {
    const page = await mountPage();
    expect(api.staff).toHaveBeenCalledWith('ubnd-xa');
    expect(page.findAll('[data-test="units"] li').map((item) => item.text())).toEqual(['Bộ phận Một cửa bo-phan-mot-cua', 'Phòng Kinh tế phong-kinh-te']);
    const cells = page.findAll('[data-member="lan"] td').map((cell) => cell.text());
    expect(cells[0]).toBe('Lê Thị Lan lan');
    expect(cells[3]).toBe('lan@ubnd-xa.gov.vn');
    expect(cells[4]).toBe('01/12/2026 08:30');
    expect(cells[5]).toBe('Đang hoạt động');
  });

  test('creates a unit and a staff member with the chosen role, unit, position and contacts', async () => {
    const page = await mountPage();
    await page.find('[data-test="new-unit-id"]').setValue('tiep-dan');
    await page.find('[data-test="new-unit-name"]').setValue('Tổ tiếp dân');
    await page.find('[data-test="new-unit"]').trigger('submit');
    await flushPromises();
    expect(api.createUnit).toHaveBeenCalledWith({ id: 'tiep-dan', agencyId: 'ubnd-xa', name: 'Tổ tiếp dân' });
    expect(page.find('[data-test="org-notice"]').text()).toBe('Đã thêm đơn vị.');

    for (const [field, value] of [['username', 'thu'], ['name', 'Ngô Thị Thu'], ['password', 'mat-khau-du-dai'], ['role', 'supervisor'], ['unit', 'bo-phan-mot-cua'], ['position', 'chuyen-vien'], ['email', 'thu@ubnd-xa.gov.vn']]) {
      await page.find(`[data-test="new-member-${field}"]`).setValue(value);
    }
    await page.find('[data-test="new-member"]').trigger('submit');
    await flushPromises();
    expect(api.createStaff).toHaveBeenCalledWith({ username: 'thu', name: 'Ngô Thị Thu', password: 'mat-khau-du-dai', agencyId: 'ubnd-xa', roles: ['supervisor'], units: ['bo-phan-mot-cua'], positions: ['chuyen-vien'], email: 'thu@ubnd-xa.gov.vn' });
  });

  test('moves, disables, resets the password and revokes the sessions of a staff member', async () => {
    const page = await mountPage();
    await page.find('[data-member="lan"] [data-test="member-unit"]').setValue('bo-phan-mot-cua');
    expect(api.changeStaff).toHaveBeenCalledWith('lan', { units: ['bo-phan-mot-cua'] });
    await page.find('[data-member="lan"] [data-test="member-toggle"]').trigger('click');
    await flushPromises();
    expect(api.changeStaff).toHaveBeenLastCalledWith('lan', { disabled: true });
    expect(page.find('[data-test="org-notice"]').text()).toContain('các phiên đăng nhập của người này đã chấm dứt');
    await page.find('[data-member="lan"] [data-test="member-password"]').setValue('mat-khau-moi-2026');
    await page.find('[data-member="lan"] [data-test="member-reset"]').trigger('click');
    await flushPromises();
    expect(api.resetPassword).toHaveBeenCalledWith('lan', 'mat-khau-moi-2026');
    await page.find('[data-member="lan"] [data-test="member-revoke"]').trigger('click');
    await flushPromises();
    expect(api.revokeSessions).toHaveBeenCalledWith('lan');
  });

  test('shows a refusal in words and keeps the form', async () => {
    api.createStaff.mockRejectedValueOnce(new ApiError({ type: 'about:blank', title: 'Conflict', status: 409, detail: 'the username lan is taken', code: 'username-taken' }));
    const page = await mountPage();
    await page.find('[data-test="new-member-username"]').setValue('lan');
    await page.find('[data-test="new-member"]').trigger('submit');
    await flushPromises();
    expect(page.find('[data-test="org-error"]').text()).toBe('Tên đăng nhập này đã có người dùng.');
    expect((page.find('[data-test="new-member-username"]').element as HTMLInputElement).value).toBe('lan');
  });
});
