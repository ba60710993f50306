import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../../api/auth/passwords.js';
import { ApiHarness } from '../api-harness.js';

/** Staff comments on a dossier: for the officers and supervisors who work on it, never for its citizen nor public tracking. */
describe('/api/dossiers/:code/comments', () => {
  let api: ApiHarness;
  let dossierId: string;
  const path = () => `/api/dossiers/${encodeURIComponent(dossierId)}/comments`;
  const text = 'Đã gọi điện cho người nộp, hẹn bổ sung bản sao hợp đồng thuê nhà.';
  const written = async () => ({ comments: await api.store.comments.countDocuments(), audit: await api.store.auditEvents.countDocuments({ action: 'comment-added' }) });

  beforeAll(async () => {
    api = await ApiHarness.create();
    await api.store.agencies.create({ _id: 'ubnd-xa-khac', name: 'UBND xã khác', level: 'commune', parentId: 'ubnd-tinh', code: '000.00.13.H56' });
    await api.store.units.create({ _id: 'phong-khac', agencyId: 'ubnd-xa-khac', name: 'Phòng khác' });
    const passwordHash = await hashPassword('motcua-demo');
    await api.store.users.create({ _id: 'can-bo-khac', username: 'can-bo-khac', name: 'Cán bộ khác', roles: ['officer'], positions: ['chuyen-vien'], units: ['phong-khac'], agencyId: 'ubnd-xa-khac', passwordHash, disabled: false, createdAt: new Date() });
    const procedureCode = await api.deploySample();
    dossierId = (await api.submitOnline(procedureCode, 'an', { name: 'Trần Thị Bình', phone: '0912 345 678' })).body.dossierId;
    await api.openTask(dossierId, 'Task_TiepNhan');
  });
  afterAll(() => api.teardown());

  it('adds a staff comment, lists it oldest first, and audits it in the staff timeline', async () => {
    const officer = await api.token('mot-cua');
    const added = await api.request('POST', path(), { token: officer, json: { text: `  ${text}  ` } });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ dossierId, author: 'mot-cua', text });
    expect(added.body.authorName).not.toBe('');
    const second = await api.request('POST', path(), { token: officer, json: { text: 'Người nộp hẹn thứ Hai mang bản sao đến.' } });
    expect(second.status).toBe(201);

    const listed = await api.request('GET', path(), { token: officer });
    expect(listed.status).toBe(200);
    expect(listed.body.map((comment: { text: string; author: string }) => [comment.author, comment.text])).toEqual([['mot-cua', text], ['mot-cua', 'Người nộp hẹn thứ Hai mang bản sao đến.']]);

    const audited = await api.store.auditEvents.findOne({ action: 'comment-added', 'target.id': added.body.id }).lean();
    expect(audited).toMatchObject({ stream: `dossier:${dossierId}/api`, actor: { kind: 'person', id: 'mot-cua' }, details: { text } });
    const staff = await api.request('GET', `/api/dossiers/${encodeURIComponent(dossierId)}/timeline`, { token: officer });
    expect(staff.body.find((entry: { action: string }) => entry.action === 'comment-added')).toMatchObject({ label: { vi: 'Trao đổi nội bộ' }, details: { text } });
    const verified = await api.request('GET', `/api/audit/verify?stream=${encodeURIComponent(`dossier:${dossierId}/api`)}`, { token: await api.token('kiem-toan') });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ intact: true, entries: await api.store.auditEvents.countDocuments({ stream: `dossier:${dossierId}/api` }) });
  });

  it('never shows a comment to the citizen: not in their timeline, not in public tracking', async () => {
    const citizen = await api.token('an');
    const timeline = await api.request('GET', `/api/dossiers/${encodeURIComponent(dossierId)}/timeline`, { token: citizen });
    expect(timeline.status).toBe(200);
    expect(timeline.body.length).toBeGreaterThan(0);
    expect(JSON.stringify(timeline.body)).not.toContain(text);
    expect(timeline.body.some((entry: { action: string }) => entry.action === 'comment-added')).toBe(false);
    const tracked = await api.request('POST', '/api/public/track', { json: { code: dossierId, factor: '5678' } });
    expect(tracked.status).toBe(200);
    expect(JSON.stringify(tracked.body)).not.toContain(text);
    expect(JSON.stringify(tracked.body)).not.toContain('comment');
  });

  const refusals = [
    { name: 'the dossier’s own citizen', user: 'an', json: { text }, status: 403, code: 'forbidden-role' },
    { name: 'an officer of another agency', user: 'can-bo-khac', json: { text }, status: 403, code: 'other-agency' },
    { name: 'an officer of the agency whose units never held a step of it', user: 'lan', json: { text }, status: 403, code: 'unrelated-dossier' },
    { name: 'an auditor', user: 'kiem-toan', json: { text }, status: 403, code: 'forbidden-role' },
    { name: 'an empty comment', user: 'mot-cua', json: { text: '  ' }, status: 422, code: 'invalid-body' },
    { name: 'a comment without text', user: 'mot-cua', json: {}, status: 422, code: 'invalid-body' },
    { name: 'a comment of more than 4000 characters', user: 'mot-cua', json: { text: 'a'.repeat(4001) }, status: 422, code: 'invalid-body' },
  ];
  for (const refusal of refusals) {
    it(`refuses ${refusal.name}: ${refusal.status} ${refusal.code}, nothing written`, async () => {
      const before = await written();
      const token = await api.token(refusal.user);
      const response = await api.request('POST', path(), { token, json: refusal.json });
      expect(response.status).toBe(refusal.status);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.code).toBe(refusal.code);
      expect(await written()).toEqual(before);
      if (refusal.status === 403) expect((await api.request('GET', path(), { token })).status).toBe(403);
    });
  }

  it('answers 404 for a dossier that does not exist', async () => {
    const response = await api.request('POST', '/api/dossiers/khong-co/comments', { token: await api.token('mot-cua'), json: { text } });
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('unknown-dossier');
  });
});
