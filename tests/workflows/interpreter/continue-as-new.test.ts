import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../engine/audit/audit-chain.js';
import { supplementDossierSignal } from '../../../workflows/contract.js';
import { compileProcedure, DossierHarness, officer, type CompiledProcedure } from '../dossier-harness.js';

const lan = officer('lan', 'chuyen-vien', 'phong-kinh-te');

describe('continue-as-new', () => {
  let harness: DossierHarness;
  let procedure: CompiledProcedure;

  beforeAll(async () => {
    // On the dev server: continue-as-new racing a signal is where the Java test server differs from
    // Temporal (it starts the next run even when the server-side completion is refused). No timer here.
    harness = await DossierHarness.create({ devServer: true });
    procedure = await compileProcedure(new URL('../fixtures/supplementation.bpmn', import.meta.url));
  });
  afterAll(() => harness?.teardown());

  it('continues a long dossier as new at a resumable wait, keeping its tasks, clock, variables and audit chain', async () => {
    // A tiny history limit, so rework rounds cross it several times.
    const dossierId = `CAN-${Date.now()}`;
    const handle = await harness.start(procedure, { dossierId, historyLimit: 40, variables: { nguoiNop: 'Nguyễn Văn An' } });
    const firstRunId = (await handle.describe()).runId;

    for (let round = 1; round <= 3; round++) {
      const task = await harness.openTask(handle, 'Appraise');
      expect(task.taskId).toBe(`${dossierId}/Appraise/${round}`);
      await harness.complete(handle, task.taskId, lan, { giayToThieu: `Lần ${round}` }, 'bo-sung');
      await harness.until(handle, (state) => state.status === 'supplement-requested', `supplementation wait ${round}`);
      // Past the limit and waiting for the citizen, a resumable point: the dossier continues as new there.
      if (round === 2) await expect.poll(async () => (await handle.describe()).runId, { timeout: 15_000 }).not.toBe(firstRunId);
      await handle.signal(supplementDossierSignal, { receivedAt: await harness.now(), variables: { [`boSung${round}`]: true } });
    }
    const last = await harness.openTask(handle, 'Appraise');
    expect(last.taskId).toBe(`${dossierId}/Appraise/4`);
    const before = await harness.state(handle);
    expect(before.legalClock.supplementations).toBe(3);
    await harness.complete(handle, last.taskId, lan, {}, 'dat');
    const result = await handle.result();
    expect(result).toMatchObject({ status: 'returned', variables: { nguoiNop: 'Nguyễn Văn An', boSung1: true, boSung2: true, boSung3: true } });

    // It really did continue as new: the first run ended that way, and the run that finished is another.
    const firstRun = harness.client.workflow.getHandle(dossierId, firstRunId);
    expect((await firstRun.describe()).status.name).toBe('CONTINUED_AS_NEW');
    expect((await firstRun.fetchHistory()).events!.at(-1)!.workflowExecutionContinuedAsNewEventAttributes).toBeTruthy();
    expect((await handle.describe()).runId).not.toBe(firstRunId);

    // One task per round in the store, one audit stream unbroken across runs.
    const tasks = await harness.store.tasks.find({ dossierId: dossierId }).sort({ _id: 1 }).lean();
    expect(tasks.map((task) => [task._id, task.status])).toEqual([
      [`${dossierId}/Appraise/1`, 'completed'],
      [`${dossierId}/Appraise/2`, 'completed'],
      [`${dossierId}/Appraise/3`, 'completed'],
      [`${dossierId}/Appraise/4`, 'completed'],
    ]);
    const audit = await harness.store.auditEvents.find({ stream: `dossier:${dossierId}` }).sort({ sequence: 1 }).lean();
    expect(verifyAuditChain(audit.map((entry) => ({ ...entry, at: entry.at.toISOString() })))).toEqual({ intact: true });
    expect(await harness.store.dossiers.findById(dossierId).lean()).toMatchObject({ status: 'returned', supplementationCount: 3 });
  });
});
