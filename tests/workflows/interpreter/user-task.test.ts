import { WorkflowUpdateFailedError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../engine/audit/audit-chain.js';
import type { ProjectionWrite } from '../../../activities/projection/projection-write.js';
import { completeTaskUpdate, updateRejections } from '../../../workflows/contract.js';
import { compileProcedure, DossierHarness, officer, type CompiledProcedure, type DossierHandle } from '../dossier-harness.js';

const lan = officer('lan', 'chuyen-vien', 'phong-kinh-te');
const minh = officer('minh', 'chuyen-vien', 'phong-kinh-te');
const outsider = officer('hoa', 'chuyen-vien', 'phong-tu-phap');

/** The update's rejection type, as the API will read it. */
async function rejection(update: Promise<unknown>): Promise<string | undefined> {
  try {
    await update;
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
    return ((error as WorkflowUpdateFailedError).cause as { type?: string }).type;
  }
}

describe('user task', () => {
  let harness: DossierHarness;
  let review: CompiledProcedure;
  let twoSteps: CompiledProcedure;

  beforeAll(async () => {
    // Thursday 12 March 2026, 09:00 in Hà Nội: an ordinary working week.
    harness = await DossierHarness.create({ startAt: '2026-03-12T02:00:00Z' });
    review = await compileProcedure(new URL('../fixtures/review.bpmn', import.meta.url));
    twoSteps = await compileProcedure(new URL('../fixtures/two-steps.bpmn', import.meta.url));
  });
  afterAll(() => harness?.teardown());

  it('puts the step in the worklist with its deadline, and completing it finishes the dossier', async () => {
    const handle = await harness.start(review, { dossierId: 'UT-0001' });
    const task = await harness.openTask(handle, 'Review');
    expect(task).toMatchObject({ taskId: 'UT-0001/Review/1', status: 'open', candidateRole: 'chuyen-vien', candidateUnit: 'phong-kinh-te' });
    // 2 working days from Thursday 12 March 09:00: the close of Monday 16 March.
    expect(new Date(task.dueAt!).toISOString()).toBe('2026-03-16T10:00:00.000Z');

    await expect.poll(() => harness.store.tasks.findById(task.taskId).lean()).toMatchObject({ dossierId: 'UT-0001', status: 'open', agencyId: 'ubnd-xa', outcomes: [{ value: 'dat', label: 'Đạt' }, { value: 'tu-choi', label: 'Từ chối' }] });
    expect((await harness.store.tasks.findById(task.taskId).lean())?.form.map((field) => field.key)).toEqual(['ghiChu', 'soTrang']);

    const completed = await harness.complete(handle, task.taskId, lan, { ghiChu: 'Hồ sơ hợp lệ', soTrang: 12 }, 'dat');
    expect(completed).toMatchObject({ status: 'completed', completedBy: 'lan', outcome: 'dat' });
    const result = await handle.result();
    expect(result).toMatchObject({ status: 'returned', punctuality: 'early', variables: { ketQua: 'dat', ghiChu: 'Hồ sơ hợp lệ' } });

    const dossier = await harness.store.dossiers.findById('UT-0001').lean();
    expect(dossier).toMatchObject({ status: 'returned', punctuality: 'early', currentSteps: [] });
    await expect.poll(() => harness.store.tasks.findById(task.taskId).lean()).toMatchObject({ status: 'completed', completedBy: 'lan', outcome: 'dat' });

    const audit = await harness.store.auditEvents.find({ stream: 'dossier:UT-0001' }).sort({ sequence: 1 }).lean();
    expect(audit.map((entry) => entry.action)).toEqual(['dossier-received', 'task-opened', 'task-completed', 'dossier-finished']);
    expect(verifyAuditChain(audit.map((entry) => ({ ...entry, at: entry.at.toISOString() })))).toEqual({ intact: true });
  });

  it('routes on the outcome: a refusal ends the dossier rejected', async () => {
    const handle = await harness.start(review, { dossierId: 'UT-0002' });
    await harness.work(handle, 'Review', lan, { ghiChu: 'Thiếu giấy tờ' }, 'tu-choi');
    expect(await handle.result()).toMatchObject({ status: 'rejected' });
    await expect.poll(() => harness.store.dossiers.findById('UT-0002').lean()).toMatchObject({ status: 'rejected' });
  });

  it('refuses bad completions in the validator, leaving the history untouched', async () => {
    const handle = await harness.start(review, { dossierId: 'UT-0003' });
    const task = await harness.openTask(handle, 'Review');
    const eventsBefore = (await handle.fetchHistory()).events!.length;

    expect(await rejection(harness.complete(handle, 'UT-0003/Nope/1', lan, { ghiChu: 'x' }, 'dat'))).toBe(updateRejections.unknownTask);
    expect(await rejection(harness.complete(handle, task.taskId, lan, {}, 'dat'))).toBe(updateRejections.invalidFormData);
    expect(await rejection(harness.complete(handle, task.taskId, lan, { ghiChu: 'x', soTrang: 'mười' }, 'dat'))).toBe(updateRejections.invalidFormData);
    expect(await rejection(harness.complete(handle, task.taskId, lan, { ghiChu: 'x', thuaRa: 1 }, 'dat'))).toBe(updateRejections.invalidFormData);
    expect(await rejection(harness.complete(handle, task.taskId, lan, { ghiChu: 'x' }, 'co-le'))).toBe(updateRejections.invalidFormData);
    expect(await rejection(harness.complete(handle, task.taskId, lan, { ghiChu: 'x' }))).toBe(updateRejections.invalidFormData);
    expect(await rejection(harness.complete(handle, task.taskId, outsider, { ghiChu: 'x' }, 'dat'))).toBe(updateRejections.notEligible);

    await harness.claim(handle, task.taskId, lan);
    expect(await rejection(harness.claim(handle, task.taskId, minh))).toBe(updateRejections.claimedBySomeoneElse);
    expect(await rejection(harness.complete(handle, task.taskId, minh, { ghiChu: 'x' }, 'dat'))).toBe(updateRejections.claimedBySomeoneElse);

    // Only the accepted claim reached the history.
    const claimEvents = (await handle.fetchHistory()).events!.slice(eventsBefore);
    expect(claimEvents.filter((event) => event.workflowExecutionUpdateAcceptedEventAttributes)).toHaveLength(1);

    await harness.complete(handle, task.taskId, lan, { ghiChu: 'Đạt' }, 'dat');
    await handle.result();
  });

  it('answers a completion once the workflow has recorded it; the store write follows, and the next step after it', async () => {
    const writesCompletion = (activityType: string, [write]: unknown[]) => activityType === 'projectDossier' && (write as ProjectionWrite).audit.some((entry) => entry.action === 'task-completed');
    const release = harness.holdActivities(writesCompletion);
    try {
      const handle = await harness.start(twoSteps, { dossierId: 'UT-0005' });
      const task = await harness.openTask(handle, 'Receive');
      await expect.poll(() => harness.store.tasks.findById(task.taskId).lean()).toMatchObject({ status: 'open' });
      const answer = harness.complete(handle, task.taskId, lan, { soTrang: 4 });
      const heldFor = new Promise<'still waiting'>((resolve) => setTimeout(() => resolve('still waiting'), 10_000));
      expect(await Promise.race([answer, heldFor])).toMatchObject({ taskId: task.taskId, status: 'completed', completedBy: 'lan' });
      expect(await harness.store.tasks.findById(task.taskId).lean()).toMatchObject({ status: 'open' });

      release();
      await expect.poll(() => harness.store.tasks.findById(task.taskId).lean()).toMatchObject({ status: 'completed', completedBy: 'lan' });
      await expect.poll(() => harness.store.tasks.findById('UT-0005/Approve/1').lean()).toMatchObject({ status: 'open' });
    } finally {
      release();
    }
  });

  it('lets exactly one of two concurrent completions through, and replays a retried one by its update id', async () => {
    // A two-step procedure keeps the dossier running after the first step, so the losing completion
    // always meets a running workflow that knows the step is closed.
    const handle: DossierHandle = await harness.start(twoSteps, { dossierId: 'UT-0004' });
    const task = await harness.openTask(handle, 'Receive');
    const attempts = await Promise.allSettled([
      harness.complete(handle, task.taskId, lan, { soTrang: 1 }, undefined, 'complete-lan'),
      harness.complete(handle, task.taskId, minh, { soTrang: 2 }, undefined, 'complete-minh'),
    ]);
    const succeeded = attempts.filter((attempt) => attempt.status === 'fulfilled');
    const refused = attempts.filter((attempt): attempt is PromiseRejectedResult => attempt.status === 'rejected');
    expect(succeeded).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(((refused[0]!.reason as WorkflowUpdateFailedError).cause as { type?: string }).type).toBe(updateRejections.taskClosed);

    const winner = (succeeded[0] as PromiseFulfilledResult<{ completedBy?: string }>).value.completedBy;
    const retried = await handle.executeUpdate(completeTaskUpdate, {
      args: [{ taskId: task.taskId, actor: winner === 'lan' ? lan : minh, formData: { soTrang: 99 } }],
      updateId: winner === 'lan' ? 'complete-lan' : 'complete-minh',
    });
    expect(retried).toMatchObject({ status: 'completed', completedBy: winner });
    // A new completion (another update id) of the completed step is refused.
    expect(await rejection(harness.complete(handle, task.taskId, winner === 'lan' ? lan : minh, { soTrang: 3 }, undefined, 'complete-again'))).toBe(updateRejections.taskClosed);
    expect((await harness.state(handle)).variables.soTrang).toBe(winner === 'lan' ? 1 : 2);
  });

  it('opens a step pre-filled only with what it may trust, and refuses a field that would write another step’s decision', async () => {
    const staffDecisions = await compileProcedure(new URL('../fixtures/staff-decisions.bpmn', import.meta.url));
    // What a citizen sent: their name (a start-form field) and, under staff fields' names, a licence and a decision.
    const handle = await harness.start(staffDecisions, { dossierId: 'UT-0020', variables: { hoTen: 'Nguyễn Văn An', soGiayPhep: 'GP-GIA', ngayCap: '2026-01-01', ketQua: 'dat' } });
    const values = async (elementId: string) => {
      const task = await harness.openTask(handle, elementId);
      await expect.poll(() => harness.store.tasks.findById(task.taskId).lean()).toBeTruthy();
      return { task, values: (await harness.store.tasks.findById(task.taskId).lean())!.values };
    };
    expect((await values('Receive')).values).toEqual({ hoTen: 'Nguyễn Văn An' });
    await harness.work(handle, 'Receive', lan, { hoTen: 'Nguyễn Văn An' });
    expect((await values('Appraise')).values).toBeUndefined();
    await harness.work(handle, 'Appraise', lan, { soGiayPhep: 'GP-0042' }, 'dat');
    const approve = await values('Approve');
    // The citizen's name, and the licence number the appraisal proposed; never the date or decision the citizen typed.
    expect(approve.values).toEqual({ hoTen: 'Nguyễn Văn An', soGiayPhep: 'GP-0042' });
    expect(await rejection(harness.complete(handle, approve.task.taskId, lan, { soGiayPhep: 'GP-0042', ketQua: 'tu-choi' }))).toBe(updateRejections.invalidFormData);
    await harness.complete(handle, approve.task.taskId, lan, { soGiayPhep: 'GP-0042', ngayCap: '2026-03-13' });
    expect(await handle.result()).toMatchObject({ status: 'returned', variables: { ketQua: 'dat', soGiayPhep: 'GP-0042' } });
  });
});
