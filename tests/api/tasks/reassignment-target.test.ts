import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../../api/auth/passwords.js';
import { reassignTaskUpdate } from '../../../workflows/contract.js';
import { ApiHarness } from '../api-harness.js';

/** Finding 1 of the security review: a reassignment is checked against its target, and a task sent astray can be taken back. */
describe('reassignment validates its target', () => {
  let api: ApiHarness;
  let dossierId: string;
  let taskId: string;
  const path = () => `/api/tasks/${encodeURIComponent(taskId)}/reassign`;

  beforeAll(async () => {
    api = await ApiHarness.create();
    const passwordHash = await hashPassword('motcua-demo');
    await api.store.agencies.create({ _id: 'ubnd-xa-khac', name: 'UBND xã khác', level: 'commune', parentId: 'ubnd-tinh', code: '000.00.13.H56' });
    await api.store.units.create({ _id: 'phong-khac', agencyId: 'ubnd-xa-khac', name: 'Phòng khác' });
    const base = { passwordHash, createdAt: new Date(), agencyId: 'ubnd-xa' };
    await api.store.users.create([
      { _id: 'nghi-viec', username: 'nghi-viec', name: 'Đã nghỉ việc', roles: ['officer'], positions: ['chuyen-vien'], units: ['phong-kinh-te'], disabled: true, ...base },
      { _id: 'can-bo-khac', username: 'can-bo-khac', name: 'Cán bộ khác', roles: ['officer'], positions: ['chuyen-vien'], units: ['phong-khac'], disabled: false, ...base, agencyId: 'ubnd-xa-khac' },
    ]);
    const procedureCode = await api.deploySample();
    dossierId = (await api.submitOnline(procedureCode)).body.dossierId;
    taskId = await api.passReceipt(dossierId);
  });
  afterAll(() => api.teardown());

  const refusals = [
    { name: 'a user who does not exist', json: { assignee: 'khong-co-ai' }, code: 'invalid-assignee' },
    { name: 'a citizen', json: { assignee: 'an' }, code: 'invalid-assignee' },
    { name: 'a disabled account', json: { assignee: 'nghi-viec' }, code: 'invalid-assignee' },
    { name: 'an officer of another unit', json: { assignee: 'mot-cua' }, code: 'invalid-assignee' },
    { name: 'an officer of another unit, moving the task there', json: { assignee: 'mot-cua', unit: 'bo-phan-mot-cua' }, code: 'invalid-assignee' },
    { name: 'a unit where nobody holds the step’s role', json: { unit: 'tu-phap-ho-tich' }, code: 'no-role-holder' },
    { name: 'a unit that does not exist', json: { unit: 'khong-co' }, code: 'unknown-unit' },
    { name: 'a unit of another agency', json: { unit: 'phong-khac', assignee: 'can-bo-khac' }, code: 'unknown-unit' },
  ];
  for (const refusal of refusals) {
    it(`refuses ${refusal.name}: 422 ${refusal.code}, nothing changed`, async () => {
      const before = await api.store.tasks.findById(taskId).lean();
      const reassignments = () => api.store.auditEvents.countDocuments({ action: { $in: ['task-reassignment-requested', 'task-reassigned'] } });
      const audit = await reassignments();
      const response = await api.request('POST', path(), { token: await api.token('hung'), json: { ...refusal.json, reason: 'thử' } });
      expect(response.status).toBe(422);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.code).toBe(refusal.code);
      expect(await api.store.tasks.findById(taskId).lean()).toEqual(before);
      expect(await reassignments()).toBe(audit);
    });
  }

  it('hands the task to an officer of its unit holding its role, or to a unit where someone holds it', async () => {
    const token = await api.token('hung');
    const toOfficer = await api.request('POST', path(), { token, json: { assignee: 'minh', reason: 'cân đối' } });
    expect(toOfficer.status).toBe(200);
    expect(toOfficer.body).toMatchObject({ assignee: 'minh', candidateUnit: 'phong-kinh-te' });
    const toQueue = await api.request('POST', path(), { token, json: { unit: 'phong-kinh-te', reason: 'về hàng đợi' } });
    expect(toQueue.status).toBe(200);
    expect(toQueue.body).toMatchObject({ status: 'open', candidateUnit: 'phong-kinh-te' });
    expect(toQueue.body.assignee).toBeUndefined();
  });

  it('lets a supervisor of the owning unit take back a task stranded in a unit where nobody holds its role', async () => {
    // Made as the API used to allow: straight to the workflow, which cannot know who holds a role.
    await api.dossiers.client.workflow.getHandle(dossierId).executeUpdate(reassignTaskUpdate, {
      args: [{ taskId, actor: { id: 'hung', roles: ['supervisor', 'truong-phong'], units: ['phong-kinh-te'] }, unit: 'tu-phap-ho-tich', reason: 'nhầm đơn vị' }],
    });
    await expect.poll(async () => (await api.store.tasks.findById(taskId).lean())?.candidateUnit).toBe('tu-phap-ho-tich');
    const officer = await api.token('lan');
    expect((await api.request('POST', `/api/tasks/${encodeURIComponent(taskId)}/claim`, { token: officer })).status).toBe(403);
    // Putting it back in the stranded queue is refused; taking it back to the owning unit is not.
    const stillStranded = await api.request('POST', path(), { token: await api.token('hung'), json: { reason: 'thử' } });
    expect(stillStranded.body.code).toBe('no-role-holder');
    const back = await api.request('POST', path(), { token: await api.token('hung'), json: { unit: 'phong-kinh-te', assignee: 'lan', reason: 'lấy lại' } });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ candidateUnit: 'phong-kinh-te', assignee: 'lan', status: 'claimed' });
    const done = await api.request('POST', `/api/tasks/${encodeURIComponent(taskId)}/complete`, { token: officer, json: { outcome: 'dat', formData: {} } });
    expect(done.status).toBe(200);
  });
});
