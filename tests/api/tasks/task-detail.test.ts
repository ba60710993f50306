import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiHarness } from '../api-harness.js';

/** The task page reads one task before anyone claims it: the detail must be whole then too. */
describe('GET /api/tasks/:taskId of an unclaimed task', () => {
  let api: ApiHarness;
  let procedureCode: string;

  beforeAll(async () => {
    api = await ApiHarness.create();
    procedureCode = await api.deploySample();
  });
  afterAll(() => api.teardown());

  it('answers the form, values and outcomes of an open task to an officer of its unit', async () => {
    const { body } = await api.submitOnline(procedureCode);
    const taskId = await api.openTask(body.dossierId, 'Task_TiepNhan');
    const detail = await api.request('GET', `/api/tasks/${encodeURIComponent(taskId)}`, { token: await api.token('mot-cua') });
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ taskId, status: 'open', form: expect.any(Array), values: expect.any(Object), outcomes: expect.any(Array) });
    expect(detail.body.form.length).toBeGreaterThan(0);
  });
});
