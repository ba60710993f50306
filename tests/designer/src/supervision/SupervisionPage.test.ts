// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { beforeEach, expect, test, vi } from 'vitest';
import type { WorklistItem, WorklistQuery } from '../../../../designer/src/api/types.js';
import SupervisionPage from '../../../../designer/src/supervision/SupervisionPage.vue';
import { mountPage, silenceLiveUpdates } from '../../support/mount-page.js';

function task(taskId: string, kind: WorklistItem['kind']): WorklistItem {
  return {
    taskId, dossierId: 'H01.1-261203-0001', procedureCode: 'HKD', agencyId: 'ubnd-xa', elementId: 'Task_XacNhan', name: 'Xác nhận', kind,
    candidateRole: 'chuyen-vien', candidateUnit: 'mot-cua', assignee: null, status: 'open', createdAt: '2026-12-03T01:00:00.000Z',
    dueAt: '2026-12-03T02:00:00.000Z', dueSoonAt: null, overdue: kind === 'step', escalationLevel: 0, outcome: null, forwarded: null, calendar: null,
  };
}

/** Answers each worklist view when the test says so, so loads can finish out of order. */
function fakeApi() {
  const pending = new Map<string, Array<(items: WorklistItem[]) => void>>();
  return {
    answer(view: string, items: WorklistItem[]) {
      for (const resolve of pending.get(view) ?? []) resolve(items);
      pending.delete(view);
    },
    tasks: vi.fn((query: WorklistQuery) => new Promise((resolve) => {
      pending.set(query.view, [...(pending.get(query.view) ?? []), (items) => resolve({ items, nextCursor: null })]);
    })),
    officers: vi.fn(async () => ({ officers: [] })),
    overdue: vi.fn(async () => ({ dossiers: [] })),
    bulkClaim: vi.fn(),
    pinnedCalendar: vi.fn(),
    eventsUrl: () => '/api/events?accessToken=t',
    me: vi.fn(),
  };
}

let api: ReturnType<typeof fakeApi>;
beforeEach(() => {
  api = fakeApi();
});
silenceLiveUpdates();

test('switching queues shows only the new queue, even when the old queue answers last, and keeps the selection', async () => {
  const page = mountPage(SupervisionPage, api, 'hung');
  await flushPromises();

  // The overdue queue has not answered yet when the supervisor opens the apology queue.
  await page.find('[data-test="queue-apology"]').trigger('click');
  await flushPromises();
  api.answer('unit', [task('apology-1', 'apology')]);
  api.answer('mine', []);
  await flushPromises();
  await page.find('[data-task-id="apology-1"] [data-test="select-task"]').setValue(true);
  expect(page.find('[data-test="bulk-claim"]').attributes('disabled')).toBeUndefined();

  api.answer('overdue', [task('overdue-1', 'step')]);
  await flushPromises();
  expect(page.findAll('[data-test="task"]').map((row) => row.attributes('data-task-id'))).toEqual(['apology-1']);
  expect(page.find('[data-test="bulk-claim"]').attributes('disabled')).toBeUndefined();
});
