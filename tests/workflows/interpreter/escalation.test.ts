import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BusinessCalendar } from '../../../engine/calendar/index.js';
import { extendDeadlineUpdate, updateRejections } from '../../../workflows/contract.js';
import { compileProcedure, DossierHarness, officer, type CompiledProcedure, type DossierHandle } from '../dossier-harness.js';

const iso = (instant: number) => new Date(instant).toISOString();
const at = (text: string) => Date.parse(text);
const supervisor = { id: 'hung', roles: ['truong-phong', 'supervisor'], units: ['phong-kinh-te'] };

/**
 * Decree 118/2025 escalation on the calendar of Tết 2026: a 5-working-day procedure received on
 * Thursday 12 February 2026 at 15:30, after the 15:00 cut-off, with Tết (Saturday 14 – Sunday 22)
 * ahead, and an officer who never acts.
 */
describe('escalation ladder across Tết 2026', () => {
  let harness: DossierHarness;
  let procedure: CompiledProcedure;
  let handle: DossierHandle;
  let taskId: string;

  /** The dossier's audit entries for an action, once the store has them (it follows the workflow a moment later). */
  async function audited(action: string) {
    await expect.poll(() => harness.store.auditEvents.countDocuments({ stream: 'dossier:TET-0001', action })).toBeGreaterThan(0);
    return harness.store.auditEvents.find({ stream: 'dossier:TET-0001', action }).sort({ sequence: 1 }).lean();
  }

  beforeAll(async () => {
    harness = await DossierHarness.create({ startAt: '2026-02-12T08:30:00Z' });
    procedure = await compileProcedure(new URL('../fixtures/tet-deadline.bpmn', import.meta.url));
    handle = await harness.start(procedure, { dossierId: 'TET-0001', receivedAt: at('2026-02-12T08:30:00Z') });
    taskId = (await harness.openTask(handle, 'Appraise')).taskId;
  });
  afterAll(() => harness?.teardown());

  it('counts the legal deadline from the next working day and across Tết: Friday 27 February, 17:00', async () => {
    const { legalClock } = await harness.state(handle);
    expect(iso(legalClock.clockStartsAt)).toBe('2026-02-13T01:00:00.000Z');
    expect(iso(legalClock.dueAt)).toBe('2026-02-27T10:00:00.000Z');
    const task = (await harness.state(handle)).tasks.find((candidate) => candidate.taskId === taskId)!;
    // The step has no cut-off: 5 working days after Thursday 12 February are Fri 13, Mon 23 – Thu 26.
    expect(iso(task.dueAt!)).toBe('2026-02-26T10:00:00.000Z');
    // Due soon once 80% of its working time is used, counted on the same calendar.
    const calendar = new BusinessCalendar(harness.calendar);
    const expectedDueSoon = calendar.addWorkingTime(task.createdAt, Math.round(calendar.workingTimeBetween(task.createdAt, task.dueAt!) * 0.8));
    expect(task.dueSoonAt).toBe(expectedDueSoon);
    expect(iso(expectedDueSoon).slice(0, 16)).toBe('2026-02-25T09:42');
  });

  it('sends the due-soon notice at the instant the calendar gives', async () => {
    await harness.advanceTo(at('2026-02-25T09:50:00Z'));
    await harness.until(handle, (state) => state.history.some((entry) => entry.action === 'task-due-soon'), 'the due-soon notice');
    const [dueSoon] = await audited('task-due-soon');
    const task = (await harness.state(handle)).tasks.find((candidate) => candidate.taskId === taskId)!;
    expect(dueSoon!.details.scheduledFor).toBe(task.dueSoonAt);
    expect(dueSoon!.at.getTime()).toBeGreaterThanOrEqual(task.dueSoonAt!);
    expect(dueSoon!.at.getTime() - task.dueSoonAt!).toBeLessThan(5_000);
    expect(dueSoon!.details.rule).toBe('escalation.dueSoonShare=0.8');
    await expect.poll(() => harness.store.notifications.findOne({ dossierId: 'TET-0001', kind: 'task-due-soon' }).lean()).toMatchObject({
      recipients: { roles: ['chuyen-vien'], units: ['phong-kinh-te'] },
    });
  });

  it('marks the step and the dossier overdue at 17:00 on 26 February and opens the apology task, due at once', async () => {
    await harness.advanceTo(at('2026-02-26T10:00:01Z'));
    await harness.openTask(handle, 'Appraise', 'apology');
    const [overdue] = await audited('task-overdue');
    expect(iso(overdue!.details.scheduledFor as number)).toBe('2026-02-26T10:00:00.000Z');
    expect(overdue!.at.getTime() - at('2026-02-26T10:00:00Z')).toBeLessThan(5_000);
    expect(overdue!.details.rule).toBe('deadline=5WD');

    await expect.poll(() => harness.store.tasks.findById('TET-0001/apology/1').lean()).toMatchObject({ kind: 'apology', candidateRole: 'truong-phong', candidateUnit: 'phong-kinh-te', status: 'open' });
    const apology = await harness.store.tasks.findById('TET-0001/apology/1').lean();
    // At least one working day before the legal deadline (Friday 27, 17:00): Thursday 26, 17:00 — now.
    expect(iso(apology!.dueAt!.getTime())).toBe('2026-02-26T10:00:00.000Z');
    // Proposed new appointment: one more working day after the legal deadline.
    expect(iso(apology!.data!.proposedDueAt as number)).toBe('2026-03-02T10:00:00.000Z');
    const [opened] = await audited('apology-task-opened');
    expect(opened!.details.rule).toBe('overdueActions=apology-letter');

    await expect.poll(() => harness.store.tasks.findById(taskId).lean()).toMatchObject({ overdue: true });
    await expect.poll(() => harness.store.dossiers.findById('TET-0001').lean()).toMatchObject({ overdue: true });
  });

  it('reassigns the step to the unit head one working day later, at 17:00 on 27 February', async () => {
    await harness.advanceTo(at('2026-02-27T10:00:01Z'));
    await harness.until(handle, (state) => state.history.some((entry) => entry.action === 'task-reassigned'), 'the reassignment');
    const [reassigned] = await audited('task-reassigned');
    expect(iso(reassigned!.details.scheduledFor as number)).toBe('2026-02-27T10:00:00.000Z');
    expect(reassigned!.at.getTime() - at('2026-02-27T10:00:00Z')).toBeLessThan(5_000);
    expect(reassigned!.details.rule).toBe('escalation.reassignAfter=1WD');
    await expect.poll(() => harness.store.tasks.findById(taskId).lean()).toMatchObject({ candidateRole: 'truong-phong', status: 'open' });
  });

  it('lets the supervisor issue the apology with a new appointment, once', async () => {
    const apology = await harness.openTask(handle, 'Appraise', 'apology');
    await harness.complete(handle, apology.taskId, supervisor, { newAppointment: '2026-03-04', reason: 'Thiếu cán bộ sau Tết' });
    const { legalClock } = await harness.state(handle);
    expect(iso(legalClock.dueAt)).toBe('2026-03-04T10:00:00.000Z');
    expect(iso(legalClock.originalDueAt!)).toBe('2026-02-27T10:00:00.000Z');
    await expect.poll(() => harness.store.notifications.findOne({ dossierId: 'TET-0001', kind: 'apology-letter' }).lean()).toMatchObject({ recipients: { citizen: true } });
    // The law allows one new appointment.
    await expect(
      handle.executeUpdate(extendDeadlineUpdate, { args: [{ actor: supervisor, newDueAt: at('2026-03-10T10:00:00Z'), reason: 'Lần hai' }] }),
    ).rejects.toMatchObject({ cause: { type: updateRejections.extensionRefused } });

    await harness.work(handle, 'Appraise', { id: 'hung', roles: ['truong-phong'], units: ['phong-kinh-te'] }, { ketLuan: 'Đạt' });
    expect(await handle.result()).toMatchObject({ status: 'returned', punctuality: 'late' });
  });
});
