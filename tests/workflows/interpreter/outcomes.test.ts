import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withdrawDossierSignal } from '../../../workflows/contract.js';
import { compileProcedure, DossierHarness, officer, sampleFile, type CompiledProcedure } from '../dossier-harness.js';

const oneStop = officer('mot-cua', 'can-bo-mot-cua', 'bo-phan-mot-cua');
const appraiser = officer('lan', 'chuyen-vien', 'phong-kinh-te');
const received = { hoTen: 'Trần Văn Bình', soDinhDanh: '001190054321', tenHoKinhDoanh: 'Quán Bình', nganhNghe: 'Ăn uống', vonKinhDoanh: 50_000_000, giayDeNghi: 'giay-de-nghi' };

describe('outcomes as the law reads them', () => {
  let harness: DossierHarness;
  let household: CompiledProcedure;

  beforeAll(async () => {
    // Thursday 12 March 2026, 09:00 in Hà Nội: an ordinary working week.
    harness = await DossierHarness.create({ startAt: '2026-03-12T02:00:00Z' });
    household = await compileProcedure(sampleFile('household-business-registration'));
  });
  afterAll(() => harness?.teardown());

  it('ends a reasoned refusal refused, with the reason in the notice, counted neither early nor late', async () => {
    const handle = await harness.start(household, { dossierId: 'OC-0001' });
    await harness.work(handle, 'Task_TiepNhan', oneStop, received);
    const appraisal = await harness.openTask(handle, 'Task_ThamDinh');
    await harness.complete(handle, appraisal.taskId, appraiser, { lyDo: 'Ngành, nghề thuộc danh mục cấm kinh doanh' }, 'tu-choi');
    const result = await handle.result();
    expect(result.status).toBe('rejected');
    // A refusal is counted apart: it is neither early, on time nor late.
    expect(result.punctuality).toBeUndefined();
    await expect.poll(() => harness.store.dossiers.findById('OC-0001').lean()).toMatchObject({ status: 'rejected' });
    // Nor in the projection the dashboards count.
    expect((await harness.store.dossiers.findById('OC-0001').lean())?.punctuality).toBeUndefined();
    await expect.poll(() => harness.store.notifications.findOne({ dossierId: 'OC-0001', kind: 'dossier-finished' }).lean()).toMatchObject({
      recipients: { citizen: true },
      data: { status: 'rejected', reason: 'Ngành, nghề thuộc danh mục cấm kinh doanh' },
    });
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
