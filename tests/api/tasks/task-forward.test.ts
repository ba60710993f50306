import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiHarness } from '../api-harness.js';

/** “Chuyển xử lý”: the claimant hands the step to a colleague or a unit with a handling opinion. */
describe('POST /api/tasks/:taskId/forward', () => {
  let api: ApiHarness;
  let dossierId: string;
  let taskId: string;
  const path = () => `/api/tasks/${encodeURIComponent(taskId)}/forward`;
  const opinion = 'Đề nghị kiểm tra lại vốn kinh doanh trước khi trình ký.';
  const forwards = () => api.store.auditEvents.countDocuments({ action: { $in: ['task-forward-requested', 'task-forwarded'] } });

  beforeAll(async () => {
    api = await ApiHarness.create();
    const procedureCode = await api.deploySample();
    dossierId = (await api.submitOnline(procedureCode)).body.dossierId;
    taskId = await api.passReceipt(dossierId);
    expect((await api.request('POST', `/api/tasks/${encodeURIComponent(taskId)}/claim`, { token: await api.token('lan') })).status).toBe(200);
  });
  afterAll(() => api.teardown());

  const refusals = [
    { name: 'a missing opinion', user: 'lan', json: { assignee: 'minh' }, status: 422, code: 'invalid-body' },
    { name: 'a blank opinion', user: 'lan', json: { assignee: 'minh', opinion: '   ' }, status: 422, code: 'invalid-body' },
    { name: 'no colleague nor unit', user: 'lan', json: { opinion }, status: 422, code: 'invalid-body' },
    { name: 'an unknown colleague', user: 'lan', json: { assignee: 'khong-co-ai', opinion }, status: 422, code: 'invalid-assignee' },
    { name: 'a colleague of another unit', user: 'lan', json: { assignee: 'mot-cua', opinion }, status: 422, code: 'invalid-assignee' },
    { name: 'a unit where nobody holds the step’s role', user: 'lan', json: { unit: 'tu-phap-ho-tich', opinion }, status: 422, code: 'no-role-holder' },
    { name: 'a task claimed by someone else', user: 'minh', json: { assignee: 'hung', opinion }, status: 409, code: 'not-claimed-by-you' },
    { name: 'a citizen', user: 'an', json: { assignee: 'minh', opinion }, status: 403, code: undefined },
    { name: 'an officer of another unit', user: 'mot-cua', json: { assignee: 'minh', opinion }, status: 403, code: 'other-unit' },
  ];
  for (const refusal of refusals) {
    it(`refuses ${refusal.name}: ${refusal.status} ${refusal.code ?? ""}, nothing changed`, async () => {
      const before = await api.store.tasks.findById(taskId).lean();
      const audit = await forwards();
      const response = await api.request('POST', path(), { token: await api.token(refusal.user), json: refusal.json });
      expect(response.status).toBe(refusal.status);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      if (refusal.code) expect(response.body.code).toBe(refusal.code);
      expect(await api.store.tasks.findById(taskId).lean()).toEqual(before);
      expect(await forwards()).toBe(audit);
    });
  }

  it('offers the colleagues holding the step’s role, without the claimant', async () => {
    const response = await api.request('GET', `/api/tasks/${encodeURIComponent(taskId)}/forward-targets`, { token: await api.token('lan') });
    expect(response.status).toBe(200);
    const ids = response.body.colleagues.map((colleague: { id: string }) => colleague.id);
    expect(ids).toContain('minh');
    expect(ids).not.toContain('lan');
    expect(ids).not.toContain('mot-cua');
    expect(response.body.units.map((unit: { id: string }) => unit.id)).toContain('phong-kinh-te');
  });

  it('hands the task to the colleague with the opinion: in their worklist, audited, in the staff timeline only', async () => {
    const response = await api.request('POST', path(), { token: await api.token('lan'), json: { assignee: 'minh', opinion } });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ assignee: 'minh', status: 'claimed', forwarded: { by: 'lan', opinion } });
    const minh = await api.token('minh');
    await expect
      .poll(async () => (await api.request('GET', '/api/tasks?view=mine', { token: minh })).body.items.find((item: { taskId: string }) => item.taskId === taskId)?.forwarded)
      .toMatchObject({ by: 'lan', opinion });
    const detail = await api.request('GET', `/api/tasks/${encodeURIComponent(taskId)}`, { token: minh });
    expect(detail.body.forwarded).toMatchObject({ by: 'lan', opinion });
    await expect.poll(() => api.store.auditEvents.findOne({ action: 'task-forwarded', 'target.id': taskId }).lean()).toMatchObject({ details: { opinion, after: { assignee: 'minh' } } });
    const staff = await api.request('GET', `/api/dossiers/${encodeURIComponent(dossierId)}/timeline`, { token: minh });
    expect(staff.body.find((entry: { action: string }) => entry.action === 'task-forwarded')).toMatchObject({ label: { vi: 'Chuyển xử lý' }, details: { opinion } });
    const citizen = await api.request('GET', `/api/dossiers/${encodeURIComponent(dossierId)}/timeline`, { token: await api.token('an') });
    expect(citizen.status).toBe(200);
    expect(JSON.stringify(citizen.body)).not.toContain(opinion);
    // Forwarded, the task is no longer the sender's: a second forward by them is refused.
    const again = await api.request('POST', path(), { token: await api.token('lan'), json: { unit: 'phong-kinh-te', opinion } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('not-claimed-by-you');
  });

  it('puts the task in a unit’s queue when forwarded to the unit', async () => {
    const response = await api.request('POST', path(), { token: await api.token('minh'), json: { unit: 'phong-kinh-te', opinion: 'Chuyển về phòng phân công lại.' } });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'open', candidateUnit: 'phong-kinh-te', forwarded: { by: 'minh', opinion: 'Chuyển về phòng phân công lại.' } });
    expect(response.body.assignee).toBeUndefined();
  });
});
