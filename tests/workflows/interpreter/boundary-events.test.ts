import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageSignal } from '../../../workflows/contract.js';
import { compileProcedure, DossierHarness, officer, type CompiledProcedure } from '../dossier-harness.js';

const lan = officer('lan', 'chuyen-vien', 'phong-kinh-te');
const steps = DossierHarness.openSteps;
const at = (iso: string) => Date.parse(iso);

describe('boundary events', () => {
  let harness: DossierHarness;
  let procedure: CompiledProcedure;

  beforeAll(async () => {
    // Thursday 12 March 2026, 09:00 in Hà Nội.
    harness = await DossierHarness.create({ startAt: '2026-03-12T02:00:00Z' });
    procedure = await compileProcedure(new URL('../fixtures/boundaries.bpmn', import.meta.url));
  });
  afterAll(() => harness?.teardown());

  it('a non-interrupting timer starts a branch beside the step; an interrupting one takes the step away (deemed to agree)', async () => {
    const handle = await harness.start(procedure, { dossierId: 'BE-0001' });
    const consult = await harness.openTask(handle, 'Consult');

    // 5 working days: the close of Thursday 19 March. The reminder goes out; the step stays open.
    await harness.advanceTo(at('2026-03-19T10:00:01Z'));
    await harness.until(handle, (state) => state.history.some((entry) => entry.action === 'message-sent'), 'the reminder');
    expect(steps(await harness.state(handle))).toEqual(['Consult']);
    await expect.poll(() => harness.store.notifications.findOne({ dossierId: 'BE-0001', kind: 'message' }).lean()).toMatchObject({
      data: { message: 'nhac-viec', elementId: 'Remind' },
      recipients: { citizen: true },
    });

    // 12 working days: the close of Monday 30 March. No answer: deemed to agree, the decision comes next.
    await harness.advanceTo(at('2026-03-30T10:00:01Z'));
    expect(steps(await harness.until(handle, (state) => steps(state).includes('Decide'), 'the decision step'))).toEqual(['Decide']);
    await expect.poll(() => harness.store.tasks.findById(consult.taskId).lean()).toMatchObject({ status: 'cancelled' });
    await expect.poll(() => harness.store.auditEvents.countDocuments({ stream: 'dossier:BE-0001', action: 'boundary-event' })).toBe(2);
    const fired = await harness.store.auditEvents.find({ stream: 'dossier:BE-0001', action: 'boundary-event' }).sort({ sequence: 1 }).lean();
    expect(fired.map((entry) => [entry.target.id, entry.details.interrupting])).toEqual([
      ['Reminder', false],
      ['Deemed', true],
    ]);

    await harness.work(handle, 'Decide', lan);
    expect(await handle.result()).toMatchObject({ status: 'returned' });
  });

  it('a message boundary interrupts the step; its terminate end stops the dossier', async () => {
    const handle = await harness.start(procedure, { dossierId: 'BE-0002' });
    const consult = await harness.openTask(handle, 'Consult');
    await handle.signal(messageSignal, { name: 'rut-y-kien' });
    expect(await handle.result()).toMatchObject({ status: 'stopped' });
    await expect.poll(() => harness.store.tasks.findById(consult.taskId).lean()).toMatchObject({ status: 'cancelled' });
    await expect.poll(() => harness.store.dossiers.findById('BE-0002').lean()).toMatchObject({ status: 'stopped', currentSteps: [] });
  });
});
