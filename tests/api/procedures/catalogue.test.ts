import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleFile } from '../../workflows/dossier-harness.js';
import { ApiHarness } from '../api-harness.js';

/** The public catalogue as a citizen searches it: words without tone marks, field, agency and online service level. */
describe('catalogue search and filters', () => {
  let api: ApiHarness;
  const inPersonCode = 'dang-ky-ho-kinh-doanh-truc-tiep';
  const bundleCode = 'lien-thong-khai-sinh-thuong-tru-bhyt';

  const codes = (body: Array<{ code: string }>) => body.map((entry) => entry.code);
  const search = async (query: string) => {
    const response = await api.request('GET', `/api/catalogue?${query}`);
    expect(response.status, query).toBe(200);
    return codes(response.body);
  };

  async function deployEdited(sample: string, edit: (xml: string) => string) {
    const xml = edit(await readFile(sampleFile(sample), 'utf8'));
    const created = await api.request('POST', '/api/procedures', { token: await api.token('reformer'), json: { xml } });
    expect(created.status).toBe(201);
    expect((await api.request('POST', `/api/procedures/${created.body.code}/deploy`, { token: await api.token('admin') })).status).toBe(201);
  }

  beforeAll(async () => {
    api = await ApiHarness.create();
    for (const sample of ['household-business-registration', 'birth-registration']) await api.deploySample(sample);
    // Undeclared, the level reads as partial.
    await deployEdited('birth-residence-health-insurance', (xml) => xml.replace(' onlineLevel="full"', ''));
    // The household procedure once more, offered at the counter only.
    await deployEdited('household-business-registration', (xml) =>
      xml
        .replace('code="dang-ky-ho-kinh-doanh"', `code="${inPersonCode}"`)
        .replace('onlineLevel="full"', 'onlineLevel="none"')
        .replace('name="Đăng ký thành lập hộ kinh doanh"', 'name="Đăng ký hộ kinh doanh tại quầy"'),
    );
  });
  afterAll(() => api.teardown());

  it('lists every procedure by name with its national code, field, agency and online level', async () => {
    const all = await api.request('GET', '/api/catalogue');
    expect(codes(all.body)).toEqual([inPersonCode, 'dang-ky-khai-sinh', 'dang-ky-ho-kinh-doanh', bundleCode]);
    expect(all.body.find((entry: { code: string }) => entry.code === 'dang-ky-khai-sinh')).toMatchObject({
      nationalCode: '1.001193',
      field: 'Hộ tịch',
      agencyId: 'ubnd-xa',
      agencyName: expect.stringMatching(/\S/),
      onlineLevel: 'full',
    });
    expect(all.body.find((entry: { code: string }) => entry.code === bundleCode)).toMatchObject({ nationalCode: null, field: 'Hộ tịch', onlineLevel: 'partial' });
  });

  it('finds by words typed without tone marks, by national code and by agency name', async () => {
    await expect(search('q=dang%20ky%20KHAI%20SINH')).resolves.toEqual(['dang-ky-khai-sinh', bundleCode]);
    await expect(search('q=bao%20hiem%20y%20te')).resolves.toEqual([bundleCode]);
    await expect(search('q=2.000720')).resolves.toEqual([inPersonCode, 'dang-ky-ho-kinh-doanh']);
    await expect(search('q=khai%20t%E1%BB%AD')).resolves.toEqual([]);
    await expect(search(`q=${encodeURIComponent('UBND xã')}`)).resolves.toHaveLength(4);
  });

  it('filters by field, agency and online level, together with the words', async () => {
    await expect(search(`field=${encodeURIComponent('Hộ tịch')}`)).resolves.toEqual(['dang-ky-khai-sinh', bundleCode]);
    await expect(search('agencyId=ubnd-tinh')).resolves.toEqual([]);
    await expect(search('onlineLevel=none')).resolves.toEqual([inPersonCode]);
    await expect(search('onlineLevel=partial')).resolves.toEqual([bundleCode]);
    await expect(search('onlineLevel=full&agencyId=ubnd-xa&q=ho%20kinh%20doanh')).resolves.toEqual(['dang-ky-ho-kinh-doanh']);
  });

  it('answers an unknown online level with a structured 400', async () => {
    const response = await api.request('GET', '/api/catalogue?onlineLevel=level-4');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ status: 400, code: expect.any(String) });
  });

  it('refuses an online submission of an in-person-only procedure, and makes no dossier', async () => {
    const before = await api.store.dossiers.countDocuments();
    const refused = await api.submitOnline(inPersonCode);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'channel-not-allowed', detail: expect.stringContaining('in person only') });
    expect(await api.store.dossiers.countDocuments()).toBe(before);
    const online = await api.submitOnline('dang-ky-ho-kinh-doanh');
    expect(online.status).toBe(201);
    expect(online.body.dossierId).toMatch(/-0001$/);
  });
});
