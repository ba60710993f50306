import { WorkflowUpdateFailedError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateRejections, withdrawDossierSignal } from '../../../workflows/contract.js';
import { compileProcedure, DossierHarness, officer, sampleFile, type CompiledProcedure } from '../dossier-harness.js';

const oneStop = officer('mot-cua', 'can-bo-mot-cua', 'bo-phan-mot-cua');
const appraiser = officer('lan', 'chuyen-vien', 'phong-kinh-te');
const received = { hoTen: 'Trần Văn Bình', soDinhDanh: '001190054321', tenHoKinhDoanh: 'Quán Bình', nganhNghe: 'Ăn uống', vonKinhDoanh: 50_000_000, giayDeNghi: 'giay-de-nghi' };

/** The update's rejection type and message, as the API will read them. */
async function rejection(update: Promise<unknown>): Promise<{ type?: string; message: string } | undefined> {
  try {
    await update;
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
    const cause = (error as WorkflowUpdateFailedError).cause as { type?: string; message: string };
    return { type: cause.type, message: cause.message };
  }
}

describe('outcomes as the law reads them', () => {
  let harness: DossierHarness;
  let household: CompiledProcedure;

  beforeAll(async () => {
    // Thursday 12 March 2026, 09:00 in Hà Nội: an ordinary working week.
    harness = await DossierHarness.create({ startAt: '2026-03-12T02:00:00Z' });
    household = await compileProcedure(sampleFile('household-business-registration'));
  });
  afterAll(() => harness?.teardown());

  it('refuses a refusal without its written reason, then ends a reasoned one refused, with the reason in the notice', async () => {
    const handle = await harness.start(household, { dossierId: 'OC-0001' });
    await harness.work(handle, 'Task_TiepNhan', oneStop, received);
    const appraisal = await harness.openTask(handle, 'Task_ThamDinh');
    for (const formData of [{}, { lyDo: '   ' }, { giayToThieu: 'Bản sao CCCD' }]) {
      expect(await rejection(harness.complete(handle, appraisal.taskId, appraiser, formData, 'tu-choi'))).toEqual({
        type: updateRejections.invalidFormData,
        message: 'lyDo: required for outcome tu-choi',
      });
    }
    expect((await harness.state(handle)).tasks.find((task) => task.taskId === appraisal.taskId)?.status).toBe('open');

    await harness.complete(handle, appraisal.taskId, appraiser, { lyDo: 'Ngành, nghề thuộc danh mục cấm kinh doanh' }, 'tu-choi');
    const result = await handle.result();
    expect(result.status).toBe('rejected');
    // A refusal is counted apart: it is neither early, on time nor late.
    expect(result.punctuality).toBeUndefined();
    await expect.poll(() => harness.store.dossiers.findById('OC-0001').lean()).toMatchObject({ status: 'rejected' });
    await expect.poll(() => harness.store.notifications.findOne({ dossierId: 'OC-0001', kind: 'dossier-finished' }).lean()).toMatchObject({
      recipients: { citizen: true },
      data: { status: 'rejected', reason: 'Ngành, nghề thuộc danh mục cấm kinh doanh' },
    });
  });

  it('refuses a supplementation request that lists nothing or gives no reason', async () => {
    const handle = await harness.start(household, { dossierId: 'OC-0002' });
    await harness.work(handle, 'Task_TiepNhan', oneStop, received);
    const appraisal = await harness.openTask(handle, 'Task_ThamDinh');
    expect(await rejection(harness.complete(handle, appraisal.taskId, appraiser, { lyDoBoSung: 'Thiếu giấy tờ' }, 'bo-sung'))).toEqual({
      type: updateRejections.invalidFormData,
      message: 'giayToThieu: required for outcome bo-sung',
    });
    expect(await rejection(harness.complete(handle, appraisal.taskId, appraiser, {}, 'bo-sung'))).toMatchObject({
      message: 'giayToThieu: required for outcome bo-sung; lyDoBoSung: required for outcome bo-sung',
    });
    await harness.complete(handle, appraisal.taskId, appraiser, { giayToThieu: 'Bản sao hợp đồng thuê địa điểm', lyDoBoSung: 'Thiếu hợp đồng thuê' }, 'bo-sung');
    await harness.until(handle, (state) => state.status === 'supplement-requested', 'the supplementation request');
    await handle.terminate('test over');
  });

  it('ignores a withdrawal once the result is ready, and the dossier is returned as processed', async () => {
    const procedure = await compileProcedure(new URL('../fixtures/result-return.bpmn', import.meta.url));
    const handle = await harness.start(procedure, { dossierId: 'OC-0003' });
    await harness.work(handle, 'Process', appraiser, { ketLuan: 'Đạt' });
    await harness.openTask(handle, 'Return');
    await handle.signal(withdrawDossierSignal, { receivedAt: await harness.now(), reason: 'Không cần nữa', actor: { id: 'an', roles: ['citizen'], units: [] } });
    await harness.until(handle, (state) => state.history.some((entry) => entry.action === 'withdrawal-refused'), 'the refused withdrawal');
    expect((await harness.state(handle)).status).toBe('processed');
    await harness.work(handle, 'Return', oneStop, { nguoiNhan: 'Trần Văn Bình' });
    expect(await handle.result()).toMatchObject({ status: 'returned' });
  });
});
