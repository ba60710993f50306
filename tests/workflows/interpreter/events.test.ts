import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { messageSignal } from '../../../workflows/contract.js';
import { compileProcedure, DossierHarness, type CompiledProcedure } from '../dossier-harness.js';

const at = (iso: string) => Date.parse(iso);

describe('timer and message events, event-based gateway, service task', () => {
  let harness: DossierHarness | undefined;
  let procedure: CompiledProcedure;

  beforeAll(async () => {
    procedure = await compileProcedure(new URL('../fixtures/events.bpmn', import.meta.url));
  });
  afterEach(() => harness?.teardown());

  /** Audit entries of a dossier's timers: which element, and the instant each was due. */
  async function timersFired(dossierId: string): Promise<Array<[string, string]>> {
    const entries = await harness!.store.auditEvents.find({ stream: `dossier:${dossierId}`, action: 'timer-fired' }).sort({ sequence: 1 }).lean();
    for (const entry of entries) {
      // Fired when due, give or take the moment the worker takes to run the workflow task.
      expect(entry.at.getTime() - (entry.details.dueAt as number)).toBeGreaterThanOrEqual(0);
      expect(entry.at.getTime() - (entry.details.dueAt as number)).toBeLessThan(5_000);
    }
    return entries.map((entry) => [entry.target.id, new Date(entry.details.dueAt as number).toISOString()]);
  }

  it('waits one working day, then the payment message wins the race and the service task runs with its FEEL input', async () => {
    // Thursday 12 March 2026, 09:00 in Hà Nội.
    harness = await DossierHarness.create({ startAt: '2026-03-12T02:00:00Z' });
    const handle = await harness.start(procedure, { dossierId: 'EV-0001' });
    // A message before anyone waits for it is kept for later.
    await handle.signal(messageSignal, { name: 'thanh-toan', variables: { soTien: 150000 } });
    await harness.advanceTo(at('2026-03-13T09:59:00Z'));
    expect((await harness.state(handle)).history.map((entry) => entry.action)).not.toContain('timer-fired');

    // The 1WD timer: the close of Friday 13 March (17:00 +07:00).
    await harness.advanceTo(at('2026-03-13T10:00:01Z'));
    expect(await handle.result()).toMatchObject({ status: 'returned', variables: { soTien: 150000 } });
    expect(await timersFired('EV-0001')).toEqual([['Cooling', '2026-03-13T10:00:00.000Z']]);
    expect((await harness.state(handle)).history.map((entry) => entry.action)).toContain('service-task-completed');
    const receipt = await harness.store.notifications.findOne({ dossierId: 'EV-0001', kind: 'service-notification' }).lean();
    expect(receipt?.data).toMatchObject({ message: 'Đã nhận 150000 đồng', elementId: 'Receipt' });
  });

  it('takes the timer branch when no message comes: an error end stops the dossier', async () => {
    harness = await DossierHarness.create({ startAt: '2026-03-12T02:00:00Z' });
    const handle = await harness.start(procedure, { dossierId: 'EV-0002' });
    await harness.advance(10 * 24 * 3_600_000);
    expect((await handle.result()).status).toBe('stopped');
    // 1WD: the close of Friday 13 March. The 2WD wait starts just after that close, so, like a dossier
    // received after hours, it counts from Monday 16: the close of Wednesday 18 March.
    expect(await timersFired('EV-0002')).toEqual([
      ['Cooling', '2026-03-13T10:00:00.000Z'],
      ['Expired', '2026-03-18T10:00:00.000Z'],
    ]);
    await expect.poll(() => harness!.store.dossiers.findById('EV-0002').lean()).toMatchObject({ status: 'stopped' });
  });
});
