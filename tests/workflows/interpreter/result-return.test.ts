import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileProcedure, DossierHarness, officer, type DossierHandle } from '../dossier-harness.js';

const at = (text: string) => Date.parse(text);

/**
 * A 2-working-day procedure received on Monday 2 March 2026 at 09:00 (Vietnam time): processed the
 * same day, its result left at the one-stop office, collected a week after the appointment.
 */
describe('the step that returns the result', () => {
  let harness: DossierHarness;
  let handle: DossierHandle;

  beforeAll(async () => {
    harness = await DossierHarness.create({ startAt: '2026-03-02T02:00:00Z' });
    const procedure = await compileProcedure(new URL('../fixtures/result-return.bpmn', import.meta.url));
    handle = await harness.start(procedure, { dossierId: 'RR-0001', receivedAt: at('2026-03-02T02:00:00Z') });
  });
  afterAll(() => harness?.teardown());

  it('ends processing when it opens: status processed, its time kept, the citizen told', async () => {
    await harness.work(handle, 'Process', officer('lan', 'chuyen-vien', 'phong-kinh-te'), { ketLuan: 'Đạt' });
    await harness.openTask(handle, 'Return');
    const state = await harness.state(handle);
    expect(state.status).toBe('processed');
    expect(state.history.filter((entry) => entry.action === 'dossier-processed')).toHaveLength(1);
    await expect.poll(() => harness.store.dossiers.findById('RR-0001').lean()).toMatchObject({ status: 'processed', processedAt: expect.any(Date) });
    await expect.poll(() => harness.store.notifications.findOne({ dossierId: 'RR-0001', kind: 'dossier-processed' }).lean()).toMatchObject({ recipients: { citizen: true } });
  });

  it('does not make the dossier overdue while the result waits to be collected, and counts it by when it was ready', async () => {
    // The appointment is Wednesday 4 March, 17:00; the citizen comes on Wednesday 11 March.
    await harness.advanceTo(at('2026-03-11T03:00:00Z'));
    await harness.work(handle, 'Return', officer('mot-cua', 'can-bo-mot-cua', 'bo-phan-mot-cua'), { nguoiNhan: 'Nguyễn Văn An' });
    expect(await handle.result()).toMatchObject({ status: 'returned', punctuality: 'early' });
    const dossier = (await harness.store.dossiers.findById('RR-0001').lean())!;
    expect(dossier.overdue).toBe(false);
    expect(dossier.processedAt!.getTime()).toBeLessThan(at('2026-03-03T00:00:00Z'));
    expect((await harness.state(handle)).history.some((entry) => entry.action === 'dossier-overdue')).toBe(false);
  });
});
