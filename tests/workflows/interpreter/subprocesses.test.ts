import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileProcedure, DossierHarness, officer, type CompiledProcedure } from '../dossier-harness.js';

const lan = officer('lan', 'chuyen-vien', 'phong-kinh-te');

describe('embedded subprocess, error and escalation events', () => {
  let harness: DossierHarness;
  let procedure: CompiledProcedure;

  beforeAll(async () => {
    harness = await DossierHarness.create({ startAt: '2026-03-12T02:00:00Z' });
    procedure = await compileProcedure(new URL('../fixtures/subprocesses.bpmn', import.meta.url));
  });
  afterAll(() => harness?.teardown());

  it('runs the subprocess scope; an escalation end inside reaches the non-interrupting boundary while the subprocess completes', async () => {
    const handle = await harness.start(procedure, { dossierId: 'SP-0001' });
    const check = await harness.openTask(handle, 'Check');
    expect(check.taskId).toBe('SP-0001/Check/1');
    await harness.complete(handle, check.taskId, lan, {}, 'co');
    await harness.work(handle, 'Approve', lan);
    expect(await handle.result()).toMatchObject({ status: 'returned', variables: { hopLe: 'co' } });
    const actions = (await harness.state(handle)).history.map((entry) => entry.action);
    expect(actions).toContain('boundary-event');
    expect(actions).toContain('message-sent');
    await expect.poll(() => harness.store.notifications.findOne({ dossierId: 'SP-0001', kind: 'message' }).lean()).toMatchObject({ data: { message: 'bao-cao' } });
  });

  it('an error end inside is caught by the error boundary of the subprocess', async () => {
    const handle = await harness.start(procedure, { dossierId: 'SP-0002' });
    await harness.work(handle, 'Check', lan, {}, 'khong');
    await harness.work(handle, 'Reject', lan);
    expect(await handle.result()).toMatchObject({ status: 'rejected' });
    const caught = await harness.store.auditEvents.findOne({ stream: 'dossier:SP-0002', action: 'error-caught' }).lean();
    expect(caught).toMatchObject({ target: { id: 'Invalid' }, details: { errorCode: 'invalid', attachedTo: 'Verify' } });
  });
});
