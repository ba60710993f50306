import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../../api/auth/passwords.js';
import { ApiHarness } from '../api-harness.js';

/**
 * Findings 2 and 4 of the security review: what a person may see of and do to a dossier depends on
 * their role, their units and the dossier's relation to them, not on their agency alone.
 */
describe('dossier access by role, unit and relation', () => {
  let api: ApiHarness;
  let dossierId: string;
  let attachmentId: string;
  const token = (user: string) => api.token(user);

  beforeAll(async () => {
    api = await ApiHarness.create();
    const passwordHash = await hashPassword('motcua-demo');
    const base = { passwordHash, disabled: false, createdAt: new Date(), agencyId: 'ubnd-xa' };
    await api.store.users.create([
      { _id: 'tu-phap', username: 'tu-phap', name: 'Công chức tư pháp', roles: ['officer'], positions: ['cong-chuc-tu-phap'], units: ['tu-phap-ho-tich'], ...base },
      { _id: 'truong-tu-phap', username: 'truong-tu-phap', name: 'Trưởng bộ phận tư pháp', roles: ['supervisor'], positions: ['truong-phong'], units: ['tu-phap-ho-tich'], ...base },
    ]);
    const procedureCode = await api.deploySample();
    const submitted = await api.submitOnline(procedureCode);
    dossierId = submitted.body.dossierId;
    attachmentId = submitted.body.receipt.documents[0].id;
    await api.passReceipt(dossierId);
  });
  afterAll(() => api.teardown());

  it('lets the owner and the officers and supervisors of the units that hold or held its steps read it all', async () => {
    for (const user of ['an', 'mot-cua', 'lan', 'hung']) {
      const seen = await api.request('GET', `/api/dossiers/${dossierId}`, { token: await token(user) });
      expect(seen.status, user).toBe(200);
      expect(seen.body, user).toMatchObject({ applicantName: 'Nguyễn Văn An', applicant: { name: 'Nguyễn Văn An', idNumber: '001099000001' }, attachments: [expect.objectContaining({ id: attachmentId })] });
      expect((await api.request('GET', `/api/dossiers/${dossierId}/attachments/${attachmentId}`, { token: await token(user) })).status, user).toBe(200);
    }
  });

  it('shows auditors and administrators the dossier without the applicant’s personal data or documents', async () => {
    for (const user of ['kiem-toan', 'admin']) {
      const seen = await api.request('GET', `/api/dossiers/${dossierId}`, { token: await token(user) });
      expect(seen.status, user).toBe(200);
      expect(seen.body, user).toMatchObject({ dossierId, status: 'processing', applicantName: null, applicant: null, attachments: [] });
      expect(JSON.stringify(seen.body)).not.toContain('001099000001');
      const file = await api.request('GET', `/api/dossiers/${dossierId}/attachments/${attachmentId}`, { token: await token(user) });
      expect([file.status, file.body.code], user).toEqual([403, 'personal-data']);
      const listed = await api.request('GET', '/api/dossiers', { token: await token(user) });
      expect(listed.body.items, user).toEqual([expect.objectContaining({ dossierId, applicantName: null })]);
      expect((await api.request('GET', `/api/dossiers/${dossierId}/timeline`, { token: await token(user) })).status, user).toBe(200);
    }
  });

  it('gives reformers and officers of units with no step in it nothing', async () => {
    const refusals: Record<string, string> = { reformer: 'no-dossier-access', 'tu-phap': 'unrelated-dossier', 'truong-tu-phap': 'unrelated-dossier', 'lanh-dao': 'unrelated-dossier' };
    for (const [user, code] of Object.entries(refusals)) {
      for (const path of [`/api/dossiers/${dossierId}`, `/api/dossiers/${dossierId}/timeline`, `/api/dossiers/${dossierId}/attachments/${attachmentId}`, `/api/dossiers/${dossierId}/documents`]) {
        const response = await api.request('GET', path, { token: await token(user) });
        expect([response.status, response.body.code], `${user} ${path}`).toEqual([403, code]);
      }
      expect((await api.request('GET', '/api/dossiers', { token: await token(user) })).body.items, user).toEqual([]);
    }
  });

  it('refuses a deadline extension by a supervisor of another unit, leaving the one allowed extension to the dossier’s own', async () => {
    const dossier = (await api.store.dossiers.findById(dossierId).lean())!;
    const newDueAt = new Date(dossier.dueAt!.getTime() + 7 * 86_400_000).toISOString();
    const refused = await api.request('POST', `/api/dossiers/${dossierId}/extend-deadline`, { token: await token('truong-tu-phap'), json: { newDueAt, reason: 'quá tải' } });
    expect([refused.status, refused.body.code]).toEqual([403, 'unrelated-dossier']);
    expect((await api.store.dossiers.findById(dossierId).lean())!.dueAt).toEqual(dossier.dueAt);
    const extended = await api.request('POST', `/api/dossiers/${dossierId}/extend-deadline`, { token: await token('hung'), json: { newDueAt, reason: 'cần xác minh' } });
    expect(extended.status).toBe(200);
    expect(extended.body.dueAt).toBe(newDueAt);
  });

  it('refuses a withdrawal by an officer of another unit, an auditor or an administrator; the owner and the dossier’s officers may', async () => {
    const path = `/api/dossiers/${dossierId}/withdraw`;
    const json = { reason: 'rút hồ sơ' };
    for (const [user, status] of [['tu-phap', 403], ['truong-tu-phap', 403], ['kiem-toan', 403], ['admin', 403], ['reformer', 403]] as const) {
      expect((await api.request('POST', path, { token: await token(user), json })).status, user).toBe(status);
    }
    expect((await api.store.dossiers.findById(dossierId).lean())!.status).toBe('processing');
    expect((await api.request('POST', path, { token: await token('mot-cua'), json })).status).toBe(202);
  });
});
