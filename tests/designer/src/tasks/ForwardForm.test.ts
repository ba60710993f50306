// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { beforeEach, expect, test, vi } from 'vitest';
import { ApiError } from '../../../../designer/src/api/problem.js';
import type { ForwardTargets } from '../../../../designer/src/api/types.js';
import ForwardForm from '../../../../designer/src/tasks/ForwardForm.vue';
import { mountPage } from '../../support/mount-page.js';

const targets: ForwardTargets = {
  colleagues: [
    { id: 'minh', name: 'Lê Văn Minh', unit: 'phong-kinh-te', unitName: 'Phòng Kinh tế' },
    { id: 'thu', name: 'Phạm Thu', unit: 'phong-tu-phap', unitName: 'Phòng Tư pháp' },
  ],
  units: [{ id: 'phong-kinh-te', name: 'Phòng Kinh tế' }, { id: 'phong-tu-phap', name: 'Phòng Tư pháp' }],
};

function fakeApi() {
  return { forwardTargets: vi.fn(async () => targets), forward: vi.fn(async () => ({})) };
}

let api: ReturnType<typeof fakeApi>;
beforeEach(() => {
  api = fakeApi();
});

async function mountForm() {
  const form = mountPage(ForwardForm, api, 'lan', {}, { taskId: 'task-1' });
  await flushPromises();
  return form;
}

test('offers the colleagues by unit and each unit’s queue', async () => {
  const form = await mountForm();
  expect(api.forwardTargets).toHaveBeenCalledWith('task-1');
  const groups = form.findAll('[data-test="forward-to"] optgroup');
  expect(groups.map((group) => group.attributes('label'))).toEqual(['Phòng Kinh tế', 'Phòng Tư pháp', 'Hàng chờ của đơn vị']);
  expect(groups[0]!.findAll('option').map((option) => option.text())).toEqual(['Lê Văn Minh (minh)']);
  expect(groups[2]!.findAll('option').map((option) => option.text())).toEqual(['Hàng chờ của Phòng Kinh tế', 'Hàng chờ của Phòng Tư pháp']);
});

test('asks for a recipient and an opinion before sending anything', async () => {
  const form = await mountForm();
  await form.find('[data-test="forward-opinion"]').setValue('   ');
  await form.find('form').trigger('submit');
  await flushPromises();
  expect(form.find('[data-field="assignee"] [data-test="field-error"]').text()).toBe('Chọn người hoặc đơn vị nhận.');
  expect(form.find('[data-field="opinion"] [data-test="field-error"]').text()).toBe('Vui lòng nhập ý kiến xử lý.');
  expect(api.forward).not.toHaveBeenCalled();
  expect(form.emitted('forwarded')).toBeUndefined();
});

test('forwards to a colleague in their unit, or to a unit’s queue, with the opinion', async () => {
  const form = await mountForm();
  await form.find('[data-test="forward-to"]').setValue('user:thu:phong-tu-phap');
  await form.find('[data-test="forward-opinion"]').setValue('  Nhờ chị kiểm tra hộ tịch.  ');
  await form.find('form').trigger('submit');
  await flushPromises();
  expect(api.forward).toHaveBeenCalledWith('task-1', { assignee: 'thu', unit: 'phong-tu-phap', opinion: 'Nhờ chị kiểm tra hộ tịch.' });
  expect(form.emitted('forwarded')).toHaveLength(1);

  await form.find('[data-test="forward-to"]').setValue('unit:phong-kinh-te');
  await form.find('form').trigger('submit');
  await flushPromises();
  expect(api.forward).toHaveBeenLastCalledWith('task-1', { unit: 'phong-kinh-te', opinion: 'Nhờ chị kiểm tra hộ tịch.' });
});

test('says in Vietnamese why the API refused, and stays open', async () => {
  api.forward.mockRejectedValueOnce(new ApiError({ type: 'about:blank', title: 'Conflict', status: 409, code: 'not-claimed-by-you', detail: 'task task-1 is not claimed by lan' }));
  const form = await mountForm();
  await form.find('[data-test="forward-to"]').setValue('user:minh:phong-kinh-te');
  await form.find('[data-test="forward-opinion"]').setValue('Chuyển anh Minh.');
  await form.find('form').trigger('submit');
  await flushPromises();
  expect(form.find('[data-test="forward-error"]').text()).toBe('Bạn chưa nhận xử lý công việc này nên không thể chuyển xử lý.');
  expect(form.emitted('forwarded')).toBeUndefined();
});
