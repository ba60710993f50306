import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../../api/auth/passwords.js';
import { ApiHarness } from '../api-harness.js';

const path = (agencyId: string) => `/api/agencies/${agencyId}/import-mapping`;

/** Names as Camunda and Flowable write them: dots and dollar signs included, which a document's keys could not hold. */
const mapping = {
  groups: { 'org.mot-cua': { role: 'can-bo-mot-cua', unit: 'bo-phan-mot-cua' }, $thamDinh: { role: 'chuyen-vien', unit: 'phong-kinh-te' } },
  users: { 'demo.lan': { role: 'chuyen-vien', unit: 'phong-kinh-te' } },
};

/** An agency's mapping of imported models' people: saved, read back and replaced by its reformer; refused to other agencies; bad input changes nothing. */
describe('import mappings', () => {
  let api: ApiHarness;
  let reformer: string;

  beforeAll(async () => {
    api = await ApiHarness.create();
    await api.store.agencies.create({ _id: 'ubnd-xa-khac', name: 'UBND xã khác', level: 'commune', parentId: 'ubnd-tinh', code: '000.00.13.H56' });
    await api.store.users.create({ _id: 'admin-khac', username: 'admin-khac', name: 'Quản trị khác', roles: ['agency-admin'], positions: [], units: [], agencyId: 'ubnd-xa-khac', passwordHash: await hashPassword('motcua-demo'), disabled: false, createdAt: new Date() });
    reformer = await api.token('reformer');
  });
  afterAll(() => api.teardown());

  const audit = () => api.store.auditEvents.find({ stream: 'organisation:ubnd-xa', action: 'import-mapping-saved' }).sort({ sequence: 1 }).lean();

  it('answers an empty mapping before any is saved', async () => {
    const read = await api.request('GET', path('ubnd-xa'), { token: reformer });
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ agencyId: 'ubnd-xa', groups: {}, users: {}, updatedAt: null, updatedBy: null });
  });

  it('saves a mapping, reads it back, and audits who saved which names', async () => {
    const saved = await api.request('PUT', path('ubnd-xa'), { token: reformer, json: mapping });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ agencyId: 'ubnd-xa', ...mapping, updatedBy: 'reformer', updatedAt: expect.any(String) });
    const read = await api.request('GET', path('ubnd-xa'), { token: await api.token('admin') });
    expect(read.body).toEqual(saved.body);
    expect((await audit()).map((entry) => [entry.actor.id, entry.details])).toEqual([['reformer', { groups: ['$thamDinh', 'org.mot-cua'], users: ['demo.lan'] }]]);
  });

  it('replaces the whole mapping: names left out are gone, and the audit names what changed', async () => {
    const replaced = { groups: { 'org.mot-cua': { role: 'truong-bo-phan', unit: 'bo-phan-mot-cua' } }, users: mapping.users };
    expect((await api.request('PUT', path('ubnd-xa'), { token: await api.token('admin'), json: replaced })).status).toBe(200);
    const read = await api.request('GET', path('ubnd-xa'), { token: reformer });
    expect(read.body).toMatchObject({ ...replaced, updatedBy: 'admin' });
    expect((await audit()).at(-1)!.details).toEqual({ groups: ['$thamDinh', 'org.mot-cua'], users: [] });
  });

  it('refuses another agency’s mapping, to read or to change, and changes nothing', async () => {
    const before = await api.store.importMappings.find().lean();
    const other = await api.token('admin-khac');
    for (const response of [
      await api.request('GET', path('ubnd-xa'), { token: other }),
      await api.request('PUT', path('ubnd-xa'), { token: other, json: mapping }),
      // A commune's reformer does not answer for its province.
      await api.request('PUT', path('ubnd-tinh'), { token: reformer, json: mapping }),
    ]) {
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('other-agency');
    }
    expect(await api.store.importMappings.find().lean()).toEqual(before);
  });

  it('refuses bad input with a problem and changes nothing', async () => {
    const before = { mappings: await api.store.importMappings.find().lean(), audit: await api.store.auditEvents.countDocuments() };
    const assignment = { role: 'chuyen-vien', unit: 'phong-kinh-te' };
    const bodies = [
      { groups: { ['n'.repeat(201)]: assignment }, users: {} },
      { groups: { '': assignment }, users: {} },
      { groups: {}, users: { lan: { role: '', unit: 'phong-kinh-te' } } },
      { groups: {}, users: { lan: { role: 'chuyen-vien', unit: 'u'.repeat(101) } } },
      { groups: Object.fromEntries(Array.from({ length: 501 }, (_, index) => [`g${index}`, assignment])), users: {} },
      { groups: { lan: 'chuyen-vien' }, users: {} },
      { groups: {} },
    ];
    for (const json of bodies) {
      const refused = await api.request('PUT', path('ubnd-xa'), { token: reformer, json });
      expect(refused.status, JSON.stringify(json).slice(0, 80)).toBe(422);
      expect(refused.body.code).toBe('invalid-body');
    }
    expect({ mappings: await api.store.importMappings.find().lean(), audit: await api.store.auditEvents.countDocuments() }).toEqual(before);
  });
});
