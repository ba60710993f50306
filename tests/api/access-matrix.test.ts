import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../api/auth/passwords.js';
import { sampleFile } from '../workflows/dossier-harness.js';
import { ApiHarness, pdfBytes } from './api-harness.js';

/** Every account of the matrix: the demo ones, a second citizen, and staff of another agency. */
const users = ['reformer', 'admin', 'lan', 'mot-cua', 'hung', 'lanh-dao', 'an', 'binh', 'kiem-toan', 'admin-khac', 'can-bo-khac', 'anonymous'] as const;
type User = (typeof users)[number];

interface Case {
  name: string;
  method: string;
  path: () => string;
  body?: () => unknown;
  form?: (user: User) => FormData;
  /** Users who get through, with the exact status; everyone else gets `denied` (401 for the anonymous). */
  allowed: Partial<Record<User, number>>;
  denied?: Partial<Record<User, number>>;
  /** The status for other signed-in users (403 unless said). */
  otherwise?: number;
  stream?: boolean;
}

describe('access-control matrix: every endpoint × every role × own/other unit, agency and dossier', () => {
  let api: ApiHarness;
  let procedureCode: string;
  let xml: string;
  let dossierId: string;
  let attachmentId: string;
  let taskId: string;
  let refreshToken: string;
  let calendarHash: string;
  const tokens = new Map<User, string>();

  beforeAll(async () => {
    api = await ApiHarness.create();
    const passwordHash = await hashPassword('motcua-demo');
    await api.store.agencies.create({ _id: 'ubnd-xa-khac', name: 'UBND xã khác', level: 'commune', parentId: 'ubnd-tinh', code: '000.00.13.H56' });
    await api.store.units.create({ _id: 'phong-khac', agencyId: 'ubnd-xa-khac', name: 'Phòng khác' });
    const base = { passwordHash, disabled: false, createdAt: new Date() };
    await api.store.users.create([
      { _id: 'binh', username: 'binh', name: 'Trần Bình', roles: ['citizen'], positions: [], units: [], ...base },
      { _id: 'admin-khac', username: 'admin-khac', name: 'Quản trị khác', roles: ['agency-admin'], positions: [], units: [], agencyId: 'ubnd-xa-khac', ...base },
      { _id: 'can-bo-khac', username: 'can-bo-khac', name: 'Cán bộ khác', roles: ['officer'], positions: ['can-bo-mot-cua', 'chuyen-vien'], units: ['phong-khac'], agencyId: 'ubnd-xa-khac', ...base },
    ]);
    for (const user of users) if (user !== 'anonymous') tokens.set(user, await api.token(user));
    xml = await readFile(sampleFile('household-business-registration'), 'utf8');
    procedureCode = await api.deploySample();
    const submitted = await api.submitOnline(procedureCode);
    dossierId = submitted.body.dossierId;
    attachmentId = submitted.body.receipt.documents[0].id;
    taskId = await api.openTask(dossierId, 'Task_TiepNhan');
    calendarHash = (await api.store.dossiers.findById(dossierId).lean())!.calendarHash;
    refreshToken = (await api.request('POST', '/api/auth/login', { json: { username: 'lan', password: 'motcua-demo' } })).body.refreshToken;
  });
  afterAll(() => api.teardown());

  const staffOfAgency: User[] = ['reformer', 'admin', 'lan', 'mot-cua', 'hung', 'lanh-dao', 'kiem-toan'];
  const all = (status: number) => Object.fromEntries(users.filter((user) => user !== 'anonymous').map((user) => [user, status])) as Partial<Record<User, number>>;
  const grantedTo = (status: number, ...who: User[]) => Object.fromEntries(who.map((user) => [user, status])) as Partial<Record<User, number>>;
  const dossierReaders = { ...grantedTo(200, 'an', ...staffOfAgency) };
  const dossierDenied = { binh: 404, 'admin-khac': 403, 'can-bo-khac': 403 } as const;
  const task = () => encodeURIComponent(taskId);
  const intakeForm = (user: User) => {
    const form = new FormData();
    const citizen = user === 'an' || user === 'binh';
    form.append('data', JSON.stringify({ procedureCode, channel: citizen ? 'online' : 'in-person', applicant: { name: 'Người nộp' } }));
    form.append('attachments', new Blob([pdfBytes], { type: 'application/pdf' }), 'don.pdf');
    return form;
  };

  const cases: Case[] = [
    { name: 'who am I', method: 'GET', path: () => '/api/me', allowed: all(200) },
    { name: 'agencies', method: 'GET', path: () => '/api/org/agencies', allowed: all(200) },
    { name: 'units', method: 'GET', path: () => '/api/org/units?agencyId=ubnd-xa', allowed: all(200) },
    { name: 'positions', method: 'GET', path: () => '/api/org/positions', allowed: all(200) },
    { name: 'sign out', method: 'POST', path: () => '/api/auth/logout', body: () => ({ refreshToken }), allowed: { ...all(422), lan: 204 } },
    { name: 'list procedures', method: 'GET', path: () => '/api/procedures', allowed: grantedTo(200, 'reformer', 'admin', 'admin-khac') },
    { name: 'read a procedure', method: 'GET', path: () => `/api/procedures/${procedureCode}`, allowed: grantedTo(200, 'reformer', 'admin') },
    { name: 'save a draft', method: 'PUT', path: () => `/api/procedures/${procedureCode}/draft`, body: () => ({ xml }), allowed: grantedTo(200, 'reformer', 'admin') },
    { name: 'preview', method: 'POST', path: () => `/api/procedures/${procedureCode}/preview`, body: () => ({}), allowed: grantedTo(200, 'reformer', 'admin') },
    { name: 'create a procedure of another agency', method: 'POST', path: () => '/api/procedures', body: () => ({ xml: xml.replace('agency="ubnd-xa"', 'agency="ubnd-xa-khac"').replace('code="dang-ky-ho-kinh-doanh"', 'code="khac"') }), allowed: grantedTo(201, 'admin-khac') },
    { name: 'deploy (a reformer cannot)', method: 'POST', path: () => `/api/procedures/${procedureCode}/deploy`, allowed: grantedTo(201, 'admin') },
    { name: 'read a version', method: 'GET', path: () => `/api/procedures/${procedureCode}/versions/1`, allowed: grantedTo(200, 'reformer', 'admin') },
    { name: 'compare versions', method: 'GET', path: () => `/api/procedures/${procedureCode}/compare?from=1&to=draft`, allowed: grantedTo(200, 'reformer', 'admin') },
    { name: 'compare uploaded models', method: 'POST', path: () => '/api/procedures/compare', body: () => ({ beforeXml: xml, afterXml: xml }), allowed: grantedTo(200, 'reformer', 'admin', 'admin-khac') },
    { name: 'catalogue', method: 'GET', path: () => '/api/catalogue', allowed: { ...all(200), anonymous: 200 } },
    { name: 'catalogue entry', method: 'GET', path: () => `/api/catalogue/${procedureCode}`, allowed: { ...all(200), anonymous: 200 } },
    { name: 'catalogue diagram', method: 'GET', path: () => `/api/catalogue/${procedureCode}/diagram`, allowed: { ...all(200), anonymous: 200 } },
    { name: 'submit a dossier', method: 'POST', path: () => '/api/dossiers', form: intakeForm, allowed: grantedTo(201, 'an', 'binh', 'lan', 'mot-cua', 'hung', 'lanh-dao') },
    { name: 'list dossiers', method: 'GET', path: () => '/api/dossiers', allowed: all(200) },
    { name: 'read a dossier', method: 'GET', path: () => `/api/dossiers/${dossierId}`, allowed: dossierReaders, denied: dossierDenied },
    { name: 'timeline', method: 'GET', path: () => `/api/dossiers/${dossierId}/timeline`, allowed: dossierReaders, denied: dossierDenied },
    { name: 'download an attachment', method: 'GET', path: () => `/api/dossiers/${dossierId}/attachments/${attachmentId}`, allowed: dossierReaders, denied: dossierDenied },
    { name: 'supplement (owner only; nothing asked yet)', method: 'POST', path: () => `/api/dossiers/${dossierId}/supplement`, form: () => { const form = new FormData(); form.append('data', '{}'); return form; }, allowed: grantedTo(409, 'an'), denied: { binh: 404 } },
    { name: 'extend the deadline (supervisor; earlier date refused)', method: 'POST', path: () => `/api/dossiers/${dossierId}/extend-deadline`, body: () => ({ newDueAt: '2020-01-01T00:00:00+07:00', reason: 'thử' }), allowed: grantedTo(409, 'hung') },
    { name: 'worklist', method: 'GET', path: () => '/api/tasks?view=unit', allowed: grantedTo(200, 'lan', 'mot-cua', 'hung', 'lanh-dao', 'can-bo-khac') },
    { name: 'read a task of unit bo-phan-mot-cua', method: 'GET', path: () => `/api/tasks/${task()}`, allowed: grantedTo(200, 'mot-cua') },
    { name: 'complete before claiming, with an invalid form', method: 'POST', path: () => `/api/tasks/${task()}/complete`, body: () => ({ formData: {} }), allowed: grantedTo(422, 'mot-cua') },
    { name: 'claim', method: 'POST', path: () => `/api/tasks/${task()}/claim`, allowed: grantedTo(200, 'mot-cua') },
    { name: 'unclaim (its assignee, or a supervisor of its unit)', method: 'POST', path: () => `/api/tasks/${task()}/unclaim`, allowed: grantedTo(200, 'mot-cua') },
    { name: 'reassign (supervisor of the unit only)', method: 'POST', path: () => `/api/tasks/${task()}/reassign`, body: () => ({ assignee: 'lan', reason: 'thử' }), allowed: {} },
    { name: 'bulk claim (supervisor; per-task refusal reported)', method: 'POST', path: () => '/api/tasks/bulk-claim', body: () => ({ taskIds: [taskId] }), allowed: grantedTo(200, 'hung') },
    { name: 'bulk reassign', method: 'POST', path: () => '/api/tasks/bulk-reassign', body: () => ({ taskIds: [taskId], assignee: 'lan', reason: 'thử' }), allowed: grantedTo(200, 'hung') },
    { name: 'stats of ubnd-xa', method: 'GET', path: () => '/api/stats?agencyId=ubnd-xa', allowed: grantedTo(200, 'admin', 'lan', 'mot-cua', 'hung', 'lanh-dao', 'kiem-toan') },
    { name: 'trend of ubnd-xa', method: 'GET', path: () => '/api/stats/trend?agencyId=ubnd-xa&from=2026-01-01T00:00:00%2B07:00&to=2026-02-01T00:00:00%2B07:00', allowed: grantedTo(200, 'admin', 'lan', 'mot-cua', 'hung', 'lanh-dao', 'kiem-toan') },
    { name: 'officer load', method: 'GET', path: () => '/api/stats/officers', allowed: grantedTo(200, 'admin', 'hung', 'admin-khac') },
    { name: 'overdue list', method: 'GET', path: () => '/api/stats/overdue', allowed: grantedTo(200, 'admin', 'lan', 'mot-cua', 'hung', 'lanh-dao', 'kiem-toan', 'admin-khac', 'can-bo-khac') },
    { name: 'live events', method: 'GET', path: () => '/api/events', allowed: all(200), stream: true },
    { name: 'read a calendar year', method: 'GET', path: () => '/api/calendars/vn-national/2026', allowed: grantedTo(200, 'reformer', 'admin', 'lan', 'mot-cua', 'hung', 'lanh-dao', 'kiem-toan', 'admin-khac', 'can-bo-khac') },
    { name: 'a pinned calendar', method: 'GET', path: () => `/api/calendars/vn-national/versions/${calendarHash}`, allowed: all(200) },
    { name: 'publish a calendar with nothing corrected', method: 'POST', path: () => '/api/calendars/vn-national/publish', body: () => ({ reason: 'thử' }), allowed: grantedTo(409, 'admin', 'admin-khac') },
    { name: 'unlock an account (agency-admin of its agency)', method: 'POST', path: () => '/api/auth/users/lan/unlock', allowed: grantedTo(200, 'admin'), denied: { 'admin-khac': 403 } },
    { name: 'decode payloads for the Temporal Web UI', method: 'POST', path: () => '/api/temporal-codec/decode', body: () => ({ payloads: [] }), allowed: grantedTo(200, 'admin', 'hung', 'admin-khac') },
    { name: 'encode payloads for the Temporal Web UI', method: 'POST', path: () => '/api/temporal-codec/encode', body: () => ({ payloads: [] }), allowed: grantedTo(200, 'admin', 'hung', 'admin-khac') },
    { name: 'audit trail', method: 'GET', path: () => '/api/audit', allowed: grantedTo(200, 'kiem-toan') },
    { name: 'verify a stream', method: 'GET', path: () => `/api/audit/verify?stream=${encodeURIComponent(`procedure:${procedureCode}`)}`, allowed: grantedTo(200, 'kiem-toan') },
  ];

  for (const entry of cases) {
    it(entry.name, async () => {
      const expected = (user: User) => entry.allowed[user] ?? entry.denied?.[user] ?? (user === 'anonymous' ? 401 : (entry.otherwise ?? 403));
      // Refusals first: an allowed request may change what later ones see.
      const order = [...users].sort((a, b) => Number(a in entry.allowed) - Number(b in entry.allowed));
      const outcomes: Record<string, number> = {};
      for (const user of order) {
        const token = tokens.get(user);
        if (entry.stream) {
          const controller = new AbortController();
          const response = await fetch(`${api.url}${entry.path()}`, { headers: token ? { Authorization: `Bearer ${token}` } : {}, signal: controller.signal });
          outcomes[user] = response.status;
          controller.abort();
          continue;
        }
        const response = await api.request(entry.method, entry.path(), { token, ...(entry.body ? { json: entry.body() } : {}), ...(entry.form ? { form: entry.form(user) } : {}) });
        outcomes[user] = response.status;
        if (response.status >= 400) expect(response.headers.get('content-type'), `${user}`).toContain('application/problem+json');
      }
      expect(outcomes).toEqual(Object.fromEntries(users.map((user) => [user, expected(user)])));
    });
  }

  it('retire: only an agency-admin of the procedure’s agency', async () => {
    for (const user of ['reformer', 'admin-khac', 'lan', 'an'] as const) {
      expect((await api.request('POST', `/api/procedures/${procedureCode}/retire`, { token: tokens.get(user) })).status).toBe(403);
    }
    expect((await api.request('POST', `/api/procedures/${procedureCode}/retire`, { token: tokens.get('admin') })).status).toBe(200);
  });

  it('withdraw: not another citizen, not another agency; the owner may', async () => {
    const path = `/api/dossiers/${dossierId}/withdraw`;
    const json = { reason: 'rút' };
    expect((await api.request('POST', path, { json })).status).toBe(401);
    expect((await api.request('POST', path, { token: tokens.get('binh'), json })).status).toBe(404);
    expect((await api.request('POST', path, { token: tokens.get('can-bo-khac'), json })).status).toBe(403);
    expect((await api.request('POST', path, { token: tokens.get('kiem-toan'), json })).status).toBe(403);
    expect((await api.request('POST', path, { token: tokens.get('an'), json })).status).toBe(202);
  });
});
