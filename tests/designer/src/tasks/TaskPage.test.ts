// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { beforeEach, expect, test, vi } from 'vitest';
import type { Dossier, TaskDetail } from '../../../../designer/src/api/types.js';
import TaskPage from '../../../../designer/src/tasks/TaskPage.vue';
import { mountPage, silenceLiveUpdates } from '../../support/mount-page.js';

const router = vi.hoisted(() => ({ push: vi.fn() }));
vi.mock('vue-router', async (actual) => ({ ...(await actual<typeof import('vue-router')>()), useRouter: () => router }));

const opinion = 'Đề nghị kiểm tra lại vốn kinh doanh trước khi trình ký.';

function taskDetail(changes: Partial<TaskDetail> = {}): TaskDetail {
  return {
    taskId: 'task-1', dossierId: 'H01.1-261203-0001', procedureCode: 'HKD', agencyId: 'ubnd-xa', elementId: 'Task_ThamDinh', name: 'Thẩm định hồ sơ', kind: 'step',
    candidateRole: 'chuyen-vien', candidateUnit: 'phong-kinh-te', assignee: 'minh', status: 'claimed', createdAt: '2026-12-03T01:00:00.000Z',
    dueAt: null, dueSoonAt: null, overdue: false, escalationLevel: 0, outcome: null, forwarded: { by: 'lan', opinion, at: '2026-12-03T02:30:00.000Z' },
    form: [], values: {}, outcomes: [], data: null, calendar: null, dossier: {}, ...changes,
  };
}

const dossier: Dossier = {
  dossierId: 'H01.1-261203-0001', procedureCode: 'HKD', procedureVersion: 1, agencyId: 'ubnd-xa', channel: 'online', applicantName: 'Nguyễn Văn An', status: 'processing',
  receivedAt: '2026-12-03T01:00:00.000Z', dueAt: null, overdue: false, currentSteps: [], processedAt: null, finishedAt: null, punctuality: null,
  applicant: { name: 'Nguyễn Văn An' }, supplementationCount: 0, attachments: [],
} as unknown as Dossier;

function fakeApi(detail: TaskDetail) {
  return {
    task: vi.fn(async () => detail),
    dossier: vi.fn(async () => dossier),
    timeline: vi.fn(async () => [
      { at: '2026-12-03T02:30:00.000Z', action: 'task-forwarded', label: { vi: 'Chuyển xử lý', en: 'Step forwarded' }, actor: { kind: 'person', id: 'lan' }, target: { kind: 'task', id: 'task-1' }, details: { opinion } },
    ]),
    diagram: vi.fn(async () => ({ xml: '<definitions/>' })),
    forwardTargets: vi.fn(async () => ({ colleagues: [{ id: 'hung', name: 'Trần Hùng', unit: 'phong-kinh-te', unitName: 'Phòng Kinh tế' }], units: [{ id: 'phong-kinh-te', name: 'Phòng Kinh tế' }] })),
    forward: vi.fn(async () => ({})),
    comments: vi.fn(async () => [{ id: 'c1', dossierId: 'H01.1-261203-0001', author: 'lan', authorName: 'Lê Thị Lan', text: 'Đã gọi người nộp.', at: '2026-12-03T02:00:00.000Z' }]),
    addComment: vi.fn(async (dossierId: string, text: string) => ({ id: 'c2', dossierId, author: 'minh', authorName: 'Phạm Văn Minh', text, at: '2026-12-03T03:00:00.000Z' })),
    pinnedCalendar: vi.fn(),
    eventsUrl: () => '/api/events?accessToken=t',
  };
}

let api: ReturnType<typeof fakeApi>;
beforeEach(() => {
  api = fakeApi(taskDetail());
  router.push.mockReset();
});
silenceLiveUpdates();

async function mountTask(userId: string) {
  const page = mountPage(TaskPage, api, userId, { ProcessDiagram: true }, { taskId: 'task-1' });
  await flushPromises();
  return page;
}

test('the recipient of a forwarded task reads who forwarded it and the handling opinion, also in the timeline', async () => {
  const page = await mountTask('minh');
  const notice = page.find('[data-test="forwarded-opinion"]');
  expect(notice.text()).toContain('Được lan chuyển xử lý lúc');
  expect(notice.find('[data-test="opinion"]').text()).toBe(opinion);
  expect(page.find('[data-test="timeline"] [data-action="task-forwarded"] [data-test="timeline-opinion"]').text()).toBe(opinion);
});

test('the claimant may release the task (“Bỏ nhận việc”) or open the forward form', async () => {
  const page = await mountTask('minh');
  expect(page.find('[data-test="unclaim"]').text()).toBe('Bỏ nhận việc');
  expect(page.find('[data-test="forward-form"]').exists()).toBe(false);
  await page.find('[data-test="forward"]').trigger('click');
  await flushPromises();
  expect(page.find('[data-test="forward-form"]').exists()).toBe(true);
  expect(api.forwardTargets).toHaveBeenCalledWith('task-1');
  await page.find('[data-test="forward-cancel"]').trigger('click');
  expect(page.find('[data-test="forward-form"]').exists()).toBe(false);
});

test('once forwarded, the officer lands on the worklist, which names the dossier', async () => {
  const page = await mountTask('minh');
  await page.find('[data-test="forward"]').trigger('click');
  await flushPromises();
  await page.find('[data-test="forward-to"]').setValue('user:hung:phong-kinh-te');
  await page.find('[data-test="forward-opinion"]').setValue('Anh Hùng xử lý tiếp giúp em.');
  await page.find('[data-test="forward-form"]').trigger('submit');
  await flushPromises();
  expect(api.forward).toHaveBeenCalledWith('task-1', { assignee: 'hung', unit: 'phong-kinh-te', opinion: 'Anh Hùng xử lý tiếp giúp em.' });
  expect(router.push).toHaveBeenCalledWith({ name: 'worklist', query: { forwarded: 'H01.1-261203-0001' } });
});

test('someone who has not claimed the task is offered neither release nor forward, and a task never forwarded shows no opinion', async () => {
  api = fakeApi(taskDetail({ forwarded: null }));
  const page = await mountTask('hung');
  expect(page.find('[data-test="unclaim"]').exists()).toBe(false);
  expect(page.find('[data-test="forward"]').exists()).toBe(false);
  expect(page.find('[data-test="forwarded-opinion"]').exists()).toBe(false);
});

test('staff comments: listed with their author, one added below them, an empty one refused before sending', async () => {
  const page = await mountTask('minh');
  expect(api.comments).toHaveBeenCalledWith('H01.1-261203-0001');
  expect(page.findAll('[data-test="comment"]').map((comment) => comment.attributes('data-author'))).toEqual(['lan']);
  await page.find('[data-test="comment-new"]').setValue('   ');
  await page.find('.comment-form').trigger('submit');
  await flushPromises();
  expect(page.find('[data-test="comment-error"]').text()).toBe('Vui lòng nhập nội dung ý kiến.');
  expect(api.addComment).not.toHaveBeenCalled();
  await page.find('[data-test="comment-new"]').setValue(' Em đã kiểm tra vốn. ');
  await page.find('.comment-form').trigger('submit');
  await flushPromises();
  expect(api.addComment).toHaveBeenCalledWith('H01.1-261203-0001', 'Em đã kiểm tra vốn.');
  expect(page.findAll('[data-test="comment-text"]').map((comment) => comment.text())).toEqual(['Đã gọi người nộp.', 'Em đã kiểm tra vốn.']);
  expect((page.find('[data-test="comment-new"]').element as HTMLTextAreaElement).value).toBe('');
});
