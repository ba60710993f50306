import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BusinessCalendar, type CalendarData } from '../../../engine/calendar/index.js';
import {
  calendarChangedSignal,
  extendDeadlineUpdate,
  reassignTaskUpdate,
  unclaimTaskUpdate,
  updateRejections,
  withdrawDossierSignal,
  type TaskView,
} from '../../../workflows/contract.js';
import type { ProjectionWrite } from '../../../activities/projection/projection-write.js';
import { compileProcedure, DossierHarness, officer, type CompiledProcedure, type DossierHandle } from '../dossier-harness.js';

const lan = officer('lan', 'chuyen-vien', 'phong-kinh-te');
const minh = officer('minh', 'chuyen-vien', 'phong-kinh-te');
const head = { id: 'hung', roles: ['truong-phong', 'supervisor'], units: ['phong-kinh-te'] };
const iso = (instant: number) => new Date(instant).toISOString();
const at = (text: string) => Date.parse(text);

describe('reassign, extend, withdraw and calendar messages', () => {
  let harness: DossierHarness;
  let review: CompiledProcedure;

  beforeAll(async () => {
    // Thursday 12 March 2026, 09:00 in Hà Nội.
    harness = await DossierHarness.create({ startAt: '2026-03-12T02:00:00Z' });
    review = await compileProcedure(new URL('../fixtures/review.bpmn', import.meta.url));
  });
  afterAll(() => harness?.teardown());

  it('reassigns a task to a colleague with a reason, for supervisors only', async () => {
    const handle = await harness.start(review, { dossierId: 'MS-0001' });
    const task = await harness.openTask(handle, 'Review');
    await harness.claim(handle, task.taskId, lan);

    const reassign = (actor: typeof head, reason: string, taskId = task.taskId) =>
      handle.executeUpdate(reassignTaskUpdate, { args: [{ taskId, actor, assignee: 'minh', reason }] });
    await expect(reassign(lan, 'Tôi bận')).rejects.toMatchObject({ cause: { type: updateRejections.notEligible } });
    await expect(reassign(head, '   ')).rejects.toMatchObject({ cause: { type: updateRejections.invalidFormData } });
    await expect(reassign(head, 'x', 'MS-0001/Khac/1')).rejects.toMatchObject({ cause: { type: updateRejections.unknownTask } });

    expect(await reassign(head, 'Chị Lan nghỉ phép')).toMatchObject({ assignee: 'minh', status: 'claimed' });
    await expect.poll(() => harness.store.tasks.findById(task.taskId).lean()).toMatchObject({ assignee: 'minh' });
    await expect.poll(() => harness.store.auditEvents.findOne({ stream: 'dossier:MS-0001', action: 'task-reassigned' }).lean()).toMatchObject({
      actor: { kind: 'person', id: 'hung' },
      details: { before: { assignee: 'lan' }, after: { assignee: 'minh' }, reason: 'Chị Lan nghỉ phép' },
    });
    await expect.poll(() => harness.store.notifications.findOne({ dossierId: 'MS-0001', kind: 'task-assigned' }).lean()).toMatchObject({ recipients: { userIds: ['minh'] } });

    // Lan no longer holds it; Minh does.
    await expect(harness.complete(handle, task.taskId, lan, { ghiChu: 'x' }, 'dat')).rejects.toMatchObject({ cause: { type: updateRejections.claimedBySomeoneElse } });
    await harness.complete(handle, task.taskId, minh, { ghiChu: 'Minh xử lý' }, 'dat');
    await handle.result();
  });

  it('hands a claimed task back to the queue: by its assignee or a supervisor, not by a colleague', async () => {
    const handle = await harness.start(review, { dossierId: 'MS-0005' });
    const task = await harness.openTask(handle, 'Review');
    const unclaim = (actor: typeof head) => handle.executeUpdate(unclaimTaskUpdate, { args: [{ taskId: task.taskId, actor }] });
    await expect(unclaim(lan)).rejects.toMatchObject({ cause: { type: updateRejections.taskClosed } });
    await harness.claim(handle, task.taskId, lan);
    await expect(unclaim(minh)).rejects.toMatchObject({ cause: { type: updateRejections.claimedBySomeoneElse } });
    const returned = await unclaim(lan);
    expect(returned.status).toBe('open');
    expect(returned.assignee).toBeUndefined();
    await expect.poll(() => harness.store.tasks.findById(task.taskId).lean()).toMatchObject({ status: 'open' });
    await harness.claim(handle, task.taskId, minh);
    expect(await unclaim(head)).toMatchObject({ status: 'open' });
    await harness.complete(handle, task.taskId, lan, { ghiChu: 'xong' }, 'dat');
    await handle.result();
  });

  it('sets the one new appointment a supervisor may set, and refuses a second or an earlier one', async () => {
    const handle = await harness.start(review, { dossierId: 'MS-0002', receivedAt: at('2026-03-12T02:00:00Z') });
    await harness.openTask(handle, 'Review');
    const extend = (actor: typeof head, newDueAt: number) => handle.executeUpdate(extendDeadlineUpdate, { args: [{ actor, newDueAt, reason: 'Chờ xác minh' }] });
    // 3WD from Thursday 12 March: Tuesday 17, 17:00.
    expect(iso((await harness.state(handle)).legalClock.dueAt)).toBe('2026-03-17T10:00:00.000Z');
    await expect(extend(lan, at('2026-03-20T10:00:00Z'))).rejects.toMatchObject({ cause: { type: updateRejections.notEligible } });
    await expect(extend(head, at('2026-03-16T10:00:00Z'))).rejects.toMatchObject({ cause: { type: updateRejections.extensionRefused } });

    const clock = await extend(head, at('2026-03-20T10:00:00Z'));
    expect(iso(clock.dueAt)).toBe('2026-03-20T10:00:00.000Z');
    expect(iso(clock.originalDueAt!)).toBe('2026-03-17T10:00:00.000Z');
    await expect(extend(head, at('2026-03-24T10:00:00Z'))).rejects.toMatchObject({ cause: { type: updateRejections.extensionRefused } });
    await expect.poll(() => harness.store.dossiers.findById('MS-0002').lean()).toMatchObject({ dueAt: new Date('2026-03-20T10:00:00.000Z') });
    await handle.signal(withdrawDossierSignal, { receivedAt: await harness.now(), reason: 'dọn dẹp' });
    await handle.result();
  });

  it('withdrawal stops the dossier and closes its open tasks', async () => {
    const handle = await harness.start(review, { dossierId: 'MS-0003' });
    const task = await harness.openTask(handle, 'Review');
    await handle.signal(withdrawDossierSignal, { receivedAt: await harness.now(), reason: 'Công dân xin rút hồ sơ' });
    expect(await handle.result()).toMatchObject({ status: 'stopped' });
    expect(await harness.store.tasks.findById(task.taskId).lean()).toMatchObject({ status: 'cancelled' });
    expect(await harness.store.dossiers.findById('MS-0003').lean()).toMatchObject({ status: 'stopped', currentSteps: [] });
    const actions = (await harness.store.auditEvents.find({ stream: 'dossier:MS-0003' }).sort({ sequence: 1 }).lean()).map((entry) => entry.action);
    expect(actions).toEqual(['dossier-received', 'task-opened', 'withdrawal-requested', 'task-cancelled', 'dossier-finished']);
    // A message after the end changes nothing.
    await expect(harness.complete(handle, task.taskId, lan, { ghiChu: 'muộn' }, 'dat')).rejects.toBeDefined();
  });

  /** The 2026 calendar with an extra day off on Friday 13 March. */
  function withFridayOff(): CalendarData {
    const corrected = structuredClone(harness.calendar) as CalendarData;
    corrected.years['2026']!.daysOff.push({ from: '2026-03-13', reason: 'Nghỉ bù theo quyết định của Chủ tịch UBND' });
    return corrected;
  }

  /** Sends the correction, then checks the step and legal deadlines moved one working day, once each. */
  async function correctCalendar(handle: DossierHandle, dossierId: string, task: TaskView, signalled: () => Promise<void> = async () => {}): Promise<void> {
    expect(iso(task.dueAt!)).toBe('2026-03-16T10:00:00.000Z');
    const corrected = withFridayOff();
    await handle.signal(calendarChangedSignal, { calendar: corrected, reason: 'Sửa lịch 2026' });
    await signalled();

    const moved = await harness.until(handle, (state) => state.tasks.find((candidate) => candidate.taskId === task.taskId)!.dueAt !== task.dueAt, 'the moved step deadline');
    expect(iso(moved.tasks.find((candidate) => candidate.taskId === task.taskId)!.dueAt!)).toBe('2026-03-17T10:00:00.000Z');
    expect(iso(moved.legalClock.dueAt)).toBe('2026-03-18T10:00:00.000Z');
    const corrections = new BusinessCalendar(corrected).version;
    expect(moved.legalClock.calendarVersion).toBe(corrections);
    expect(corrections).not.toBe(new BusinessCalendar(harness.calendar).version);
    await expect.poll(async () => (await harness.store.dossiers.findById(dossierId).lean())?.calendarHash).toBe(corrections);
    await expect.poll(() => harness.store.auditEvents.countDocuments({ stream: `dossier:${dossierId}`, action: 'task-deadline-moved' })).toBe(1);
    await expect.poll(async () => (await harness.store.dossiers.findById(dossierId).lean())?.dueAt?.toISOString()).toBe('2026-03-18T10:00:00.000Z');
    await harness.complete(handle, task.taskId, lan, { ghiChu: 'xong' }, 'dat');
    await handle.result();
  }

  it('moves deadlines still ahead when the calendar is corrected (an extra day off on Friday 13 March)', async () => {
    const handle = await harness.start(review, { dossierId: 'MS-0004', receivedAt: at('2026-03-12T02:00:00Z') });
    const task = await harness.openTask(handle, 'Review');
    await expect.poll(() => harness.store.tasks.findById(task.taskId).lean()).toMatchObject({ status: 'open' });
    await correctCalendar(handle, 'MS-0004', task);
  });

  it('moves the deadline of a task whose opening is still being written when the correction arrives', async () => {
    const opensTask = (activityType: string, [write]: unknown[]) => activityType === 'projectDossier' && (write as ProjectionWrite).audit.some((entry) => entry.action === 'task-opened');
    const release = harness.holdActivities(opensTask);
    try {
      const handle = await harness.start(review, { dossierId: 'MS-0006', receivedAt: at('2026-03-12T02:00:00Z') });
      const task = await harness.openTask(handle, 'Review');
      expect(await harness.store.tasks.findById(task.taskId).lean()).toBeNull();
      await correctCalendar(handle, 'MS-0006', task, async () => {
        await harness.until(handle, (state) => state.history.some((entry) => entry.action === 'calendar-changed'), 'the correction received');
        release();
      });
    } finally {
      release();
    }
  });
});
