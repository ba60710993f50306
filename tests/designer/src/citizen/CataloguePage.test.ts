// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { beforeEach, expect, test, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { CatalogueEntry, CatalogueQuery } from '../../../../designer/src/api/types.js';
import CataloguePage from '../../../../designer/src/citizen/CataloguePage.vue';
import { mountPage } from '../../support/mount-page.js';

function entry(code: string, name: string, more: Partial<CatalogueEntry> = {}): CatalogueEntry {
  return {
    code, nationalCode: null, name, field: 'Hộ tịch', agencyId: 'ubnd-xa', agencyName: 'UBND xã', version: 1, legalLimit: '3WD', legalBasis: null,
    requiredDocuments: [], fees: 0, onlineLevel: 'full', feeAtSubmission: null, ...more,
  };
}

const birth = entry('dang-ky-khai-sinh', 'Đăng ký khai sinh', { nationalCode: '1.001193' });
const household = entry('dang-ky-ho-kinh-doanh', 'Đăng ký thành lập hộ kinh doanh', { field: 'Thành lập và hoạt động của hộ kinh doanh', onlineLevel: 'none', agencyId: 'ubnd-huyen', agencyName: 'UBND huyện' });

let api: { catalogue: ReturnType<typeof vi.fn<(query?: CatalogueQuery) => Promise<CatalogueEntry[]>>> };
beforeEach(() => {
  // Answers as the API does: the field filter narrows, no filter lists everything.
  api = { catalogue: vi.fn(async (query: CatalogueQuery = {}) => [birth, household].filter((candidate) => !query.field || candidate.field === query.field)) };
});

async function mountCatalogue(address = '/catalogue') {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/catalogue', name: 'catalogue', component: CataloguePage }, { path: '/submit/:code', name: 'submit', component: CataloguePage }] });
  await router.push(address);
  const page = mountPage(CataloguePage, api, 'an', {}, {}, [router]);
  await flushPromises();
  return { page, router };
}

const typingPause = () => new Promise((resolve) => setTimeout(resolve, 300));

test('shows each procedure’s national code, field, agency and online level, and no online submission for an in-person-only one', async () => {
  const { page } = await mountCatalogue();
  const [first, second] = page.findAll('[data-test="catalogue-entry"]');
  expect(first!.find('[data-test="national-code"]').text()).toBe('1.001193');
  expect(first!.find('[data-test="online-level"]').text()).toBe('Toàn trình');
  expect(first!.find('[data-test="submit-online"]').exists()).toBe(true);
  expect(second!.find('[data-test="national-code"]').text()).toBe('Chưa công bố');
  expect(second!.text()).toContain('UBND huyện');
  expect(second!.find('[data-test="submit-online"]').exists()).toBe(false);
  expect(second!.find('[data-test="in-person-only"]').exists()).toBe(true);
});

test('offers the fields and agencies of the catalogue as filters, asks the API with the chosen ones and keeps them in the address', async () => {
  const { page, router } = await mountCatalogue();
  expect(page.findAll('[data-test="catalogue-field"] option').map((option) => option.text())).toEqual(['Tất cả lĩnh vực', 'Hộ tịch', 'Thành lập và hoạt động của hộ kinh doanh']);
  expect(page.findAll('[data-test="catalogue-agency"] option').map((option) => option.attributes('value'))).toEqual(['', 'ubnd-huyen', 'ubnd-xa']);
  await page.find('[data-test="catalogue-search"]').setValue('khai sinh');
  await page.find('[data-test="catalogue-field"]').setValue('Hộ tịch');
  await typingPause();
  await flushPromises();
  expect(api.catalogue).toHaveBeenLastCalledWith({ q: 'khai sinh', field: 'Hộ tịch', agencyId: undefined, onlineLevel: undefined });
  expect(router.currentRoute.value.query).toEqual({ q: 'khai sinh', field: 'Hộ tịch' });
  expect(page.findAll('[data-test="catalogue-entry"]').map((found) => found.attributes('data-procedure'))).toEqual(['dang-ky-khai-sinh']);
  expect(page.find('[data-test="catalogue-count"]').text()).toBe('Tìm thấy 1 thủ tục.');
  await page.find('[data-test="catalogue-clear"]').trigger('click');
  await typingPause();
  await flushPromises();
  expect(page.findAll('[data-test="catalogue-entry"]')).toHaveLength(2);
  expect(router.currentRoute.value.query).toEqual({});
});

test('opens with the filters of the address it was given', async () => {
  const { page } = await mountCatalogue('/catalogue?field=Th%C3%A0nh%20l%E1%BA%ADp%20v%C3%A0%20ho%E1%BA%A1t%20%C4%91%E1%BB%99ng%20c%E1%BB%A7a%20h%E1%BB%99%20kinh%20doanh');
  expect(api.catalogue).toHaveBeenLastCalledWith(expect.objectContaining({ field: 'Thành lập và hoạt động của hộ kinh doanh' }));
  expect(page.findAll('[data-test="catalogue-entry"]').map((found) => found.attributes('data-procedure'))).toEqual(['dang-ky-ho-kinh-doanh']);
});
