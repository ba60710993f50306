import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileProcedure, DossierHarness, officer, type CompiledProcedure } from '../dossier-harness.js';

const police = officer('tuan', 'can-bo-cong-an', 'cong-an-xa');
const lan = officer('lan', 'chuyen-vien', 'phong-kinh-te');

describe('call activity', () => {
  let harness: DossierHarness;
  let caller: CompiledProcedure;

  beforeAll(async () => {
    harness = await DossierHarness.create({ startAt: '2026-03-12T02:00:00Z' });
    caller = await compileProcedure(new URL('../fixtures/caller.bpmn', import.meta.url));
    await harness.deploy(await compileProcedure(new URL('../fixtures/callee.bpmn', import.meta.url)));
  });
  afterAll(() => harness?.teardown());

  it('runs the called procedure as a child on the same dossier: its task joins the worklist, its variables come back', async () => {
    const handle = await harness.start(caller, { dossierId: 'CA-0001' });
    const child = harness.client.workflow.getHandle('CA-0001/Residence/1') as typeof handle;
    const register = await harness.openTask(child, 'Register');
    await expect.poll(() => harness.store.tasks.findById(register.taskId).lean()).toMatchObject({ dossierId: 'CA-0001', agencyId: 'cong-an-xa', candidateUnit: 'cong-an-xa' });

    await harness.complete(child, register.taskId, police, { soHoKhau: 'HK-123' }, 'dat');
    await harness.work(handle, 'Finish', lan);
    expect(await handle.result()).toMatchObject({ status: 'returned', variables: { soHoKhau: 'HK-123', cuTru: 'dat' } });
    // The child wrote its own audit stream on the caller's dossier, and left the dossier document to its caller.
    await expect.poll(() => harness.store.auditEvents.countDocuments({ stream: 'dossier:CA-0001/Residence:1' })).toBeGreaterThan(0);
    await expect.poll(() => harness.store.dossiers.findById('CA-0001').lean()).toMatchObject({ status: 'returned', procedureCode: 'lien-thong' });
  });

  it('turns a BPMN error ending the called procedure into an error its caller catches', async () => {
    const handle = await harness.start(caller, { dossierId: 'CA-0002' });
    const child = harness.client.workflow.getHandle('CA-0002/Residence/1') as typeof handle;
    const register = await harness.openTask(child, 'Register');
    await harness.complete(child, register.taskId, police, {}, 'khong');
    expect(await handle.result()).toMatchObject({ status: 'rejected' });
  });
});
