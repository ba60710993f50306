import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileProcedure, DossierHarness, officer, type CompiledProcedure } from '../dossier-harness.js';

const lan = officer('lan', 'chuyen-vien', 'phong-kinh-te');

describe('multi-instance activities', () => {
  let harness: DossierHarness;
  let procedure: CompiledProcedure;

  beforeAll(async () => {
    harness = await DossierHarness.create({ startAt: '2026-03-12T02:00:00Z' });
    procedure = await compileProcedure(new URL('../fixtures/multi-instance.bpmn', import.meta.url));
  });
  afterAll(() => harness?.teardown());

  it('runs one instance per item in parallel until the completion condition holds, then one at a time in order', async () => {
    const handle = await harness.start(procedure, {
      dossierId: 'MI-0001',
      variables: { coQuan: ['cong-an', 'thue', 'tai-nguyen'], nguoiKy: ['pho-chu-tich', 'chu-tich'] },
    });
    const consults = await harness.until(handle, (state) => state.tasks.filter((task) => task.elementId === 'Consult').length === 3, 'three consultations');
    expect(consults.tasks.map((task) => task.taskId).sort()).toEqual(['MI-0001/Consult/1', 'MI-0001/Consult/2', 'MI-0001/Consult/3']);

    await harness.complete(handle, 'MI-0001/Consult/1', lan, { yKien: 'Đồng ý' });
    await harness.complete(handle, 'MI-0001/Consult/2', lan, { yKien: 'Đồng ý' });
    // Two of three answered: the completion condition holds and the third consultation is withdrawn.
    await harness.until(handle, (state) => state.tasks.some((task) => task.elementId === 'Sign'), 'the first signature');
    await expect.poll(() => harness.store.tasks.findById('MI-0001/Consult/3').lean()).toMatchObject({ status: 'cancelled' });

    const signing = (await harness.state(handle)).tasks.filter((task) => task.elementId === 'Sign');
    expect(signing.map((task) => task.taskId)).toEqual(['MI-0001/Sign/1']);
    await harness.complete(handle, 'MI-0001/Sign/1', lan);
    await harness.until(handle, (state) => state.tasks.some((task) => task.taskId === 'MI-0001/Sign/2'), 'the second signature');
    await harness.complete(handle, 'MI-0001/Sign/2', lan);
    expect(await handle.result()).toMatchObject({ status: 'returned' });
  });

  it('skips an activity whose collection is empty', async () => {
    const handle = await harness.start(procedure, { dossierId: 'MI-0002', variables: { coQuan: [], nguoiKy: [] } });
    expect(await handle.result()).toMatchObject({ status: 'returned' });
    await expect.poll(() => harness.store.tasks.countDocuments({ dossierId: 'MI-0002' })).toBe(0);
  });
});
