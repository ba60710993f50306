import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stateQuery } from '../../workflows/contract.js';
import { ApiHarness, pdfBytes } from './api-harness.js';

/** JSON text nesting `depth` objects (written out: JSON.stringify recurses, and overflows the stack first). */
function nestedJson(depth: number): string {
  return `${'{"a":'.repeat(depth)}"đáy"${'}'.repeat(depth)}`;
}

/** Bad input of every kind gets the right 4xx problem document and changes nothing in the store or the workflow. */
describe('bad input', () => {
  let api: ApiHarness;
  let procedureCode: string;
  let dossierId: string;
  let taskId: string;

  /** What a refused request must leave as it was. */
  async function snapshot() {
    const state = await api.dossiers.client.workflow.getHandle(dossierId).query(stateQuery);
    return {
      dossiers: await api.store.dossiers.countDocuments(),
      tasks: await api.store.tasks.find({}, { sequence: 1, status: 1, assignee: 1 }).sort({ _id: 1 }).lean(),
      audit: await api.store.auditEvents.countDocuments(),
      attachments: await api.store.attachments.countDocuments(),
      procedures: await api.store.procedures.find().lean(),
      versions: await api.store.procedureVersions.countDocuments(),
      reports: await api.store.reports.countDocuments(),
      users: await api.store.users.find({}, { lastSignInAt: 0 }).sort({ _id: 1 }).lean(),
      units: await api.store.units.countDocuments(),
      importMappings: await api.store.importMappings.find().lean(),
      history: state.history.length,
      variables: state.variables,
    };
  }

  function expectProblem(response: { status: number; headers: Headers; body: any }, status: number, code: string) {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status, code, type: `https://motcua.io/problems/${code}`, title: expect.any(String), detail: expect.any(String), instance: expect.stringMatching(/^\/api\//) });
  }

  beforeAll(async () => {
    api = await ApiHarness.create({ settings: { uploads: { maxFileBytes: 1024, maxFiles: 2, allowedTypes: ['application/pdf'] }, jsonBodyLimit: '64kb' } });
    procedureCode = await api.deploySample();
    dossierId = (await api.submitOnline(procedureCode)).body.dossierId;
    taskId = await api.openTask(dossierId, 'Task_TiepNhan');
    await api.request('POST', `/api/tasks/${encodeURIComponent(taskId)}/claim`, { token: await api.token('mot-cua') });
  });
  afterAll(() => api.teardown());

  const cases: Array<{ name: string; status: number; code: string; prepare?: () => Promise<unknown>; send: () => Promise<{ status: number; headers: Headers; body: any }> }> = [
    { name: 'malformed JSON', status: 400, code: 'malformed-json', send: async () => api.request('PUT', `/api/procedures/${procedureCode}/draft`, { token: await api.token('reformer'), raw: { body: '{"xml": "<bpmn', contentType: 'application/json' } }) },
    { name: 'a body of the wrong type', status: 422, code: 'invalid-body', send: async () => api.request('PUT', `/api/procedures/${procedureCode}/draft`, { token: await api.token('reformer'), json: { xml: 42 } }) },
    { name: 'a query of the wrong type', status: 400, code: 'invalid-query', send: async () => api.request('GET', '/api/tasks?view=everything&limit=-3', { token: await api.token('mot-cua') }) },
    { name: 'an oversized JSON body', status: 413, code: 'body-too-large', send: async () => api.request('PUT', `/api/procedures/${procedureCode}/draft`, { token: await api.token('reformer'), json: { xml: 'x'.repeat(100_000) } }) },
    { name: 'BPMN that fails to compile, deployed', status: 422, code: 'model-has-errors',
      // A draft with errors is saved as it is (by design); deploying it must change nothing.
      prepare: async () => {
        const token = await api.token('reformer');
        const draft = (await api.request('GET', `/api/procedures/${procedureCode}`, { token })).body.draftXml as string;
        const saved = await api.request('PUT', `/api/procedures/${procedureCode}/draft`, { token, json: { xml: draft.replace(/<bpmn:sequenceFlow id="Flow_NopHoSo"[^>]*\/>/, '') } });
        expect(saved.status).toBe(200);
      },
      send: async () => {
        const refused = await api.request('POST', `/api/procedures/${procedureCode}/deploy`, { token: await api.token('admin') });
        // Each finding also comes in Vietnamese words, for the designer to show instead of the English message.
        expect(refused.body.errors.length).toBeGreaterThan(0);
        for (const error of refused.body.errors) expect(error.text.vi).not.toBe(error.text.en);
        return refused;
      } },
    { name: 'an oversized upload', status: 413, code: 'file-too-large', send: async () => {
      const form = new FormData();
      form.append('data', JSON.stringify({ procedureCode, channel: 'online', applicant: { name: 'A' } }));
      form.append('attachments', new Blob([new Uint8Array(4096)], { type: 'application/pdf' }), 'big.pdf');
      return api.request('POST', '/api/dossiers', { token: await api.token('an'), form });
    } },
    { name: 'too many files', status: 413, code: 'too-many-files', send: async () => {
      const form = new FormData();
      form.append('data', JSON.stringify({ procedureCode, channel: 'online', applicant: { name: 'A' } }));
      for (const name of ['a.pdf', 'b.pdf', 'c.pdf']) form.append('attachments', new Blob([pdfBytes], { type: 'application/pdf' }), name);
      return api.request('POST', '/api/dossiers', { token: await api.token('an'), form });
    } },
    { name: 'a file of a refused type', status: 415, code: 'unsupported-file-type', send: async () => {
      const form = new FormData();
      form.append('data', JSON.stringify({ procedureCode, channel: 'online', applicant: { name: 'A' } }));
      form.append('attachments', new Blob(['#!/bin/sh'], { type: 'application/x-sh' }), 'run.sh');
      return api.request('POST', '/api/dossiers', { token: await api.token('an'), form });
    } },
    { name: 'HTML labelled as a PDF', status: 415, code: 'content-type-mismatch', send: async () => {
      const form = new FormData();
      form.append('data', JSON.stringify({ procedureCode, channel: 'online', applicant: { name: 'A' } }));
      form.append('attachments', new Blob(['<!doctype html><html><body><script>alert(1)</script></body></html>'], { type: 'application/pdf' }), 'don.pdf');
      return api.request('POST', '/api/dossiers', { token: await api.token('an'), form });
    } },
    { name: 'an empty file', status: 422, code: 'empty-file', send: async () => {
      const form = new FormData();
      form.append('data', JSON.stringify({ procedureCode, channel: 'online', applicant: { name: 'A' } }));
      form.append('attachments', new Blob([], { type: 'application/pdf' }), 'trong.pdf');
      return api.request('POST', '/api/dossiers', { token: await api.token('an'), form });
    } },
    { name: 'a supplement whose file is not what it claims', status: 415, code: 'content-type-mismatch', send: async () => {
      const form = new FormData();
      form.append('data', '{}');
      form.append('attachments', new Blob(['MZ\x90\x00 not a pdf'], { type: 'application/pdf' }), 'bo-sung.pdf');
      return api.request('POST', `/api/dossiers/${dossierId}/supplement`, { token: await api.token('an'), form });
    } },
    { name: 'unlocking an account that does not exist', status: 404, code: 'unknown-user', send: async () => api.request('POST', '/api/auth/users/khong-co/unlock', { token: await api.token('admin') }) },
    { name: 'codec payloads that are not base64', status: 422, code: 'invalid-body', send: async () => api.request('POST', '/api/temporal-codec/decode', { token: await api.token('admin'), json: { payloads: [{ metadata: { encoding: 'not base64!' }, data: '' }] } }) },
    { name: 'a codec body without payloads', status: 422, code: 'invalid-body', send: async () => api.request('POST', '/api/temporal-codec/encode', { token: await api.token('admin'), json: { data: 'x' } }) },
    { name: 'an encrypted payload altered in transit', status: 422, code: 'undecodable-payload', send: async () => {
      const token = await api.token('admin');
      const encoded = (await api.request('POST', '/api/temporal-codec/encode', { token, json: { payloads: [{ metadata: { encoding: Buffer.from('json/plain').toString('base64') }, data: Buffer.from('"Nguyễn Văn An"').toString('base64') }] } })).body;
      const data = Buffer.from(encoded.payloads[0].data, 'base64');
      data[data.length - 1] ^= 1;
      return api.request('POST', '/api/temporal-codec/decode', { token, json: { payloads: [{ ...encoded.payloads[0], data: data.toString('base64') }] } });
    } },
    { name: 'a submission naming document fields for files it does not attach', status: 422, code: 'documents-mismatch', send: async () => {
      const form = new FormData();
      form.append('data', JSON.stringify({ procedureCode, channel: 'online', applicant: { name: 'A' }, documents: ['giayDeNghi', 'banSao'] }));
      form.append('attachments', new Blob([pdfBytes], { type: 'application/pdf' }), 'giay-de-nghi.pdf');
      return api.request('POST', '/api/dossiers', { token: await api.token('an'), form });
    } },
    { name: 'a submission setting a staff step’s answers and decision', status: 422, code: 'not-citizen-input', send: async () => {
      const form = new FormData();
      form.append('data', JSON.stringify({ procedureCode, channel: 'online', applicant: { name: 'A' }, variables: { tenHoKinhDoanh: 'Quán', maSoHoKinhDoanh: 'HKD-GIA', ngayCap: '2026-01-01', ketQua: 'dat' } }));
      return api.request('POST', '/api/dossiers', { token: await api.token('an'), form });
    } },
    { name: 'a submission filing a document under a staff step’s field', status: 422, code: 'not-citizen-input', send: async () => {
      const form = new FormData();
      form.append('data', JSON.stringify({ procedureCode, channel: 'online', applicant: { name: 'A' }, documents: ['ketQua'] }));
      form.append('attachments', new Blob([pdfBytes], { type: 'application/pdf' }), 'giay-de-nghi.pdf');
      return api.request('POST', '/api/dossiers', { token: await api.token('an'), form });
    } },
    { name: 'a submission that is not multipart', status: 415, code: 'multipart-required', send: async () => api.request('POST', '/api/dossiers', { token: await api.token('an'), json: { procedureCode } }) },
    { name: 'a submission with malformed data JSON', status: 400, code: 'malformed-json', send: async () => {
      const form = new FormData();
      form.append('data', '{procedureCode');
      return api.request('POST', '/api/dossiers', { token: await api.token('an'), form });
    } },
    { name: 'a submission missing the applicant', status: 422, code: 'invalid-body', send: async () => {
      const form = new FormData();
      form.append('data', JSON.stringify({ procedureCode, channel: 'online' }));
      return api.request('POST', '/api/dossiers', { token: await api.token('an'), form });
    } },
    { name: 'an unknown procedure', status: 404, code: 'unknown-procedure', send: async () => {
      const form = new FormData();
      form.append('data', JSON.stringify({ procedureCode: 'khong-co', channel: 'online', applicant: { name: 'A' } }));
      return api.request('POST', '/api/dossiers', { token: await api.token('an'), form });
    } },
    { name: 'an unknown dossier', status: 404, code: 'unknown-dossier', send: async () => api.request('GET', '/api/dossiers/000.00.12.H56-000000-9999', { token: await api.token('an') }) },
    { name: 'an unknown task', status: 404, code: 'unknown-task', send: async () => api.request('POST', `/api/tasks/${encodeURIComponent(`${dossierId}/Task_Khong/1`)}/claim`, { token: await api.token('mot-cua') }) },
    { name: 'an unknown attachment', status: 404, code: 'unknown-attachment', send: async () => api.request('GET', `/api/dossiers/${dossierId}/attachments/00000000-0000-4000-8000-000000000000`, { token: await api.token('an') }) },
    { name: 'form data failing the step’s form', status: 422, code: 'invalid-form-data', send: async () => api.request('POST', `/api/tasks/${encodeURIComponent(taskId)}/complete`, { token: await api.token('mot-cua'), json: { formData: { vonKinhDoanh: 'nhiều', khongCo: 1 } } }) },
    { name: 'form data nested 5,000 levels deep', status: 400, code: 'json-too-deep', send: async () => api.request('POST', `/api/tasks/${encodeURIComponent(taskId)}/complete`, { token: await api.token('mot-cua'), raw: { body: `{"formData":{"ghiChu":${nestedJson(5_000)}}}`, contentType: 'application/json' } }) },
    { name: 'a submission whose data nests 5,000 levels deep', status: 400, code: 'json-too-deep', send: async () => {
      const form = new FormData();
      form.append('data', `{"procedureCode":${JSON.stringify(procedureCode)},"channel":"online","applicant":{"name":"A"},"variables":{"tenHoKinhDoanh":${nestedJson(5_000)}}}`);
      return api.request('POST', '/api/dossiers', { token: await api.token('an'), form });
    } },
    { name: 'a bad idempotency key', status: 400, code: 'invalid-idempotency-key', send: async () => api.request('POST', `/api/tasks/${encodeURIComponent(taskId)}/complete`, { token: await api.token('mot-cua'), json: { formData: {} }, headers: { 'Idempotency-Key': 'not a key!' } }) },
    { name: 'a forged token', status: 401, code: 'invalid-token', send: async () => api.request('GET', '/api/me', { token: `${await api.token('an')}x` }) },
    { name: 'a worklist status that is not open work', status: 400, code: 'invalid-query', send: async () => api.request('GET', '/api/tasks?view=mine&status=completed', { token: await api.token('mot-cua') }) },
    { name: 'a cursor not issued by the API', status: 400, code: 'invalid-cursor', send: async () => api.request('GET', '/api/tasks?cursor=bm90LWEtY3Vyc29y', { token: await api.token('mot-cua') }) },
    { name: 'a trend over a period that ends before it starts', status: 400, code: 'invalid-period', send: async () => api.request('GET', '/api/stats/trend?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', { token: await api.token('admin') }) },
    { name: 'a staff member in a unit of no such agency', status: 422, code: 'unknown-unit', send: async () => api.request('POST', '/api/org/staff', { token: await api.token('admin'), json: { username: 'moi', name: 'Mới', agencyId: 'ubnd-xa', password: 'mat-khau-du-dai', roles: ['officer'], units: ['khong-co'] } }) },
    { name: 'a staff member with a citizen’s role', status: 422, code: 'invalid-body', send: async () => api.request('POST', '/api/org/staff', { token: await api.token('admin'), json: { username: 'moi', name: 'Mới', agencyId: 'ubnd-xa', password: 'mat-khau-du-dai', roles: ['citizen'] } }) },
    { name: 'a staff username already taken', status: 409, code: 'username-taken', send: async () => api.request('POST', '/api/org/staff', { token: await api.token('admin'), json: { username: 'lan', name: 'Lan khác', agencyId: 'ubnd-xa', password: 'mat-khau-du-dai', roles: ['officer'] } }) },
    { name: 'an administrator disabling their own account', status: 422, code: 'cannot-disable-self', send: async () => api.request('PATCH', '/api/org/staff/admin', { token: await api.token('admin'), json: { disabled: true } }) },
    { name: 'a change of a staff member that changes nothing', status: 422, code: 'invalid-body', send: async () => api.request('PATCH', '/api/org/staff/lan', { token: await api.token('admin'), json: {} }) },
    { name: 'a unit whose id is taken', status: 409, code: 'unit-exists', send: async () => api.request('POST', '/api/org/units', { token: await api.token('admin'), json: { id: 'bo-phan-mot-cua', agencyId: 'ubnd-xa', name: 'Trùng' } }) },
    { name: 'a report of a period that does not exist', status: 422, code: 'invalid-period', send: async () => api.request('POST', '/api/reports', { token: await api.token('admin'), json: { agencyId: 'ubnd-xa', period: '2026-Q5' } }) },
    { name: 'a report of a period not begun', status: 422, code: 'future-period', send: async () => api.request('POST', '/api/reports', { token: await api.token('admin'), json: { agencyId: 'ubnd-xa', period: '2999' } }) },
    { name: 'a report of a unit of no such agency', status: 422, code: 'unknown-unit', send: async () => api.request('POST', '/api/reports', { token: await api.token('admin'), json: { agencyId: 'ubnd-xa', period: '2026-01', unitId: 'khong-co' } }) },
    { name: 'a report grouped by something else', status: 422, code: 'invalid-body', send: async () => api.request('POST', '/api/reports', { token: await api.token('admin'), json: { agencyId: 'ubnd-xa', period: '2026-01', grouping: 'officer' } }) },
    { name: 'a report download in an unknown format', status: 400, code: 'invalid-query', send: async () => api.request('GET', '/api/reports/khong-co/download?format=docx', { token: await api.token('admin') }) },
    { name: 'an unknown report', status: 404, code: 'unknown-report', send: async () => api.request('GET', '/api/reports/khong-co', { token: await api.token('admin') }) },
    { name: 'an import mapping with a name too long', status: 422, code: 'invalid-body', send: async () => api.request('PUT', '/api/agencies/ubnd-xa/import-mapping', { token: await api.token('reformer'), json: { groups: { ['n'.repeat(201)]: { role: 'chuyen-vien', unit: 'phong-kinh-te' } }, users: {} } }) },
    { name: 'an import mapping with an empty role', status: 422, code: 'invalid-body', send: async () => api.request('PUT', '/api/agencies/ubnd-xa/import-mapping', { token: await api.token('reformer'), json: { groups: {}, users: { demo: { role: ' ', unit: 'phong-kinh-te' } } } }) },
    { name: 'an import mapping of more than 500 names', status: 422, code: 'invalid-body', send: async () => api.request('PUT', '/api/agencies/ubnd-xa/import-mapping', { token: await api.token('reformer'), json: { groups: Object.fromEntries(Array.from({ length: 501 }, (_, index) => [`g${index}`, { role: 'r', unit: 'u' }])), users: {} } }) },
    { name: 'a trend without its period', status: 400, code: 'invalid-query', send: async () => api.request('GET', '/api/stats/trend', { token: await api.token('admin') }) },
    { name: 'a pinned calendar of an unknown hash', status: 404, code: 'unknown-calendar-version', send: async () => api.request('GET', `/api/calendars/vn-national/versions/${'0'.repeat(64)}`, { token: await api.token('mot-cua') }) },
    { name: 'a pinned calendar by something not a hash', status: 400, code: 'invalid-params', send: async () => api.request('GET', '/api/calendars/vn-national/versions/latest', { token: await api.token('mot-cua') }) },
    { name: 'the diagram of a version never deployed', status: 404, code: 'unknown-version', send: async () => api.request('GET', `/api/catalogue/${procedureCode}/diagram?version=9`) },
    { name: 'a calendar correction with an invalid date', status: 422, code: 'invalid-calendar', send: async () => api.request('PUT', '/api/calendars/vn-national/2026', { token: await api.token('admin'), json: { status: 'announced', daysOff: [{ from: '2026-02-30', reason: 'x' }], workingDays: [] } }) },
  ];

  for (const entry of cases) {
    it(`${entry.name}: ${entry.status} ${entry.code}, nothing changed`, async () => {
      await entry.prepare?.();
      const before = await snapshot();
      expectProblem(await entry.send(), entry.status, entry.code);
      expect(await snapshot()).toEqual(before);
    });
  }

  it('a replayed refresh token is refused and changes nothing', async () => {
    const session = (await api.request('POST', '/api/auth/login', { json: { username: 'lan', password: 'motcua-demo' } })).body;
    const first = await api.request('POST', '/api/auth/refresh', { json: { refreshToken: session.refreshToken } });
    expect(first.status).toBe(200);
    const sessions = await api.store.refreshSessions.countDocuments();
    expectProblem(await api.request('POST', '/api/auth/refresh', { json: { refreshToken: session.refreshToken } }), 401, 'invalid-refresh-token');
    expect(await api.store.refreshSessions.countDocuments()).toBe(sessions);
  });

  it('a replayed claim and a replayed completion return the first result and add nothing', async () => {
    const token = await api.token('mot-cua');
    const claim = await api.request('POST', `/api/tasks/${encodeURIComponent(taskId)}/claim`, { token });
    expect(claim.status).toBe(200);
    const before = await snapshot();
    expect((await api.request('POST', `/api/tasks/${encodeURIComponent(taskId)}/claim`, { token })).body).toEqual(claim.body);
    expect(await snapshot()).toEqual(before);
  });

  it('wrong credentials and rate limits on sign-in are problems too', async () => {
    expectProblem(await api.request('POST', '/api/auth/login', { json: { username: 'lan', password: 'sai' } }), 401, 'invalid-credentials');
    const limited = await ApiHarness.create({ settings: { rateLimits: { auth: { windowMs: 60_000, limit: 2 }, intake: { windowMs: 60_000, limit: 2 } } } });
    try {
      const attempt = () => limited.request('POST', '/api/auth/login', { json: { username: 'lan', password: 'sai' } });
      expect((await attempt()).status).toBe(401);
      expect((await attempt()).status).toBe(401);
      expectProblem(await attempt(), 429, 'rate-limited');
    } finally {
      await limited.teardown();
    }
  });
});
