import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../api/auth/passwords.js';
import { apiRoutes } from '../../api/routes.js';
import { systemRoles } from '../../store/identity/user-model.js';
import { sampleFile } from '../workflows/dossier-harness.js';
import { periodKey, previousMonth } from '../../engine/reports/report-period.js';
import { reportId } from '../../store/reports/produce-report.js';
import { ApiHarness, pdfBytes } from './api-harness.js';

/**
 * The access matrix: for every route, what each role gets through each relation to the fixture (a
 * dossier of agency ubnd-xa whose receipt step sits in unit bo-phan-mot-cua, and its procedure).
 *
 * - `own`: the citizen who owns the dossier; `none`: another citizen.
 * - `step-unit`: staff of a unit that holds or held one of the dossier's steps (bo-phan-mot-cua).
 * - `agency`: staff of the dossier's agency, in no unit that holds or held a step of it.
 * - `other-agency`: staff of another agency (ubnd-xa-khac).
 *
 * Adding a route: add an entry keyed `METHOD /path` as Express mounts it, with the request and a
 * status for every role (a number when the relation does not matter, else one per relation the
 * accounts below have). The coverage tests fail when a route, a role, or an account's relation has
 * no entry. Routes mounted outside `apiRoutes` (health, metrics, a codec endpoint) are listed with
 * `mountedOutside: true`. Entries run in order; a request that changes state goes where it leaves
 * the later ones meaningful.
 */
const roles = [...systemRoles, 'anonymous'] as const;
type Role = (typeof roles)[number];
const relations = ['own', 'none', 'step-unit', 'agency', 'other-agency'] as const;
type Relation = (typeof relations)[number];
type Expected = number | Partial<Record<Relation, number>>;

/** The accounts the matrix signs in as: one per role × relation the fixture offers. */
const accounts = {
  an: { role: 'citizen', relation: 'own' },
  binh: { role: 'citizen', relation: 'none' },
  'mot-cua': { role: 'officer', relation: 'step-unit' },
  lan: { role: 'officer', relation: 'agency' },
  'can-bo-khac': { role: 'officer', relation: 'other-agency' },
  'truong-mot-cua': { role: 'supervisor', relation: 'step-unit' },
  hung: { role: 'supervisor', relation: 'agency' },
  admin: { role: 'agency-admin', relation: 'agency' },
  'admin-khac': { role: 'agency-admin', relation: 'other-agency' },
  reformer: { role: 'reformer', relation: 'agency' },
  'kiem-toan': { role: 'auditor', relation: 'agency' },
  anonymous: { role: 'anonymous', relation: 'none' },
} as const satisfies Record<string, { role: Role; relation: Relation }>;
type Account = keyof typeof accounts;

interface Entry {
  route: string;
  /** What the case checks, when the route has several entries or the request needs explaining. */
  note?: string;
  path: () => string;
  body?: () => unknown;
  form?: (account: Account) => FormData;
  stream?: boolean;
  mountedOutside?: true;
  expect: Record<Role, Expected>;
}

const U = 401;
const lastMonthPeriod = previousMonth(Date.now(), 7 * 3_600_000);
const lastMonth = periodKey(lastMonthPeriod);
const lastMonthReport = () => reportId({ agency: { id: 'ubnd-xa', name: '' }, period: lastMonthPeriod, grouping: 'field', scope: {} });
const D = 403;

describe('access matrix: every route × every role × every relation', () => {
  let api: ApiHarness;
  let procedureCode: string;
  let xml: string;
  let dossierId: string;
  let withdrawnId: string;
  let attachmentId: string;
  let taskId: string;
  let calendarHash: string;
  const tokens = new Map<Account, string>();

  beforeAll(async () => {
    api = await ApiHarness.create();
    const passwordHash = await hashPassword('motcua-demo');
    await api.store.agencies.create({ _id: 'ubnd-xa-khac', name: 'UBND xã khác', level: 'commune', parentId: 'ubnd-tinh', code: '000.00.13.H56' });
    await api.store.units.create({ _id: 'phong-khac', agencyId: 'ubnd-xa-khac', name: 'Phòng khác' });
    const base = { passwordHash, disabled: false, createdAt: new Date() };
    await api.store.users.create([
      { _id: 'binh', username: 'binh', name: 'Trần Bình', roles: ['citizen'], positions: [], units: [], ...base },
      { _id: 'truong-mot-cua', username: 'truong-mot-cua', name: 'Trưởng bộ phận một cửa', roles: ['supervisor'], positions: ['truong-bo-phan'], units: ['bo-phan-mot-cua'], agencyId: 'ubnd-xa', ...base },
      { _id: 'admin-khac', username: 'admin-khac', name: 'Quản trị khác', roles: ['agency-admin'], positions: [], units: [], agencyId: 'ubnd-xa-khac', ...base },
      { _id: 'can-bo-khac', username: 'can-bo-khac', name: 'Cán bộ khác', roles: ['officer'], positions: ['can-bo-mot-cua', 'chuyen-vien'], units: ['phong-khac'], agencyId: 'ubnd-xa-khac', ...base },
    ]);
    for (const account of Object.keys(accounts) as Account[]) if (account !== 'anonymous') tokens.set(account, await api.token(account));
    xml = await readFile(sampleFile('household-business-registration'), 'utf8');
    procedureCode = await api.deploySample();
    const submitted = await api.submitOnline(procedureCode);
    dossierId = submitted.body.dossierId;
    attachmentId = submitted.body.receipt.documents[0].id;
    taskId = await api.openTask(dossierId, 'Task_TiepNhan');
    calendarHash = (await api.store.dossiers.findById(dossierId).lean())!.calendarHash;
    // A second dossier, withdrawn once its receipt step opened: the same relations, and a withdrawal now refused as finished.
    withdrawnId = (await api.submitOnline(procedureCode)).body.dossierId;
    await api.openTask(withdrawnId, 'Task_TiepNhan');
    expect((await api.request('POST', `/api/dossiers/${withdrawnId}/withdraw`, { token: tokens.get('an'), json: { reason: 'rút' } })).status).toBe(202);
  });
  afterAll(() => api.teardown());

  const task = () => encodeURIComponent(taskId);
  const intakeForm = (account: Account) => {
    const form = new FormData();
    const citizen = accounts[account].role === 'citizen';
    form.append('data', JSON.stringify({ procedureCode, channel: citizen ? 'online' : 'in-person', applicant: { name: 'Người nộp' } }));
    form.append('attachments', new Blob([pdfBytes], { type: 'application/pdf' }), 'don.pdf');
    return form;
  };
  /** Everyone signed in gets `status`; the anonymous `anonymous`. */
  const everyone = (status: number, anonymous = U): Record<Role, Expected> => ({ reformer: status, 'agency-admin': status, officer: status, supervisor: status, citizen: status, auditor: status, anonymous });
  /** A dossier route that shows the dossier, with or without personal data (administrators and auditors: without). */
  const readsDossier = (status: number): Record<Role, Expected> => ({
    citizen: { own: status, none: 404 },
    officer: { 'step-unit': status, agency: D, 'other-agency': D },
    supervisor: { 'step-unit': status, agency: D },
    'agency-admin': { agency: status, 'other-agency': D },
    reformer: D,
    auditor: status,
    anonymous: U,
  });
  /** A dossier route that shows or changes what only those who work on it may: the applicant's data and documents. */
  const needsPersonalData = (status: number): Record<Role, Expected> => ({ ...readsDossier(status), 'agency-admin': D, auditor: D });

  let signInAttempts = 0;
  const entries: Entry[] = [
    { route: 'GET /healthz', mountedOutside: true, path: () => '/healthz', expect: everyone(200, 200) },
    { route: 'GET /api/me', path: () => '/api/me', expect: everyone(200) },
    {
      route: 'POST /api/auth/login',
      note: 'wrong password, for a username of its own each time (five failures on one account lock it)',
      path: () => '/api/auth/login',
      body: () => ({ username: `khong-co-${++signInAttempts}`, password: 'sai' }),
      expect: everyone(401, 401),
    },
    { route: 'POST /api/auth/refresh', note: 'a token never issued', path: () => '/api/auth/refresh', body: () => ({ refreshToken: 'khong-phai-token' }), expect: everyone(401, 401) },
    { route: 'POST /api/auth/logout', note: 'a token never issued', path: () => '/api/auth/logout', body: () => ({ refreshToken: 'khong-phai-token' }), expect: everyone(422) },
    { route: 'GET /api/org/agencies', path: () => '/api/org/agencies', expect: everyone(200) },
    { route: 'GET /api/org/units', path: () => '/api/org/units?agencyId=ubnd-xa', expect: everyone(200) },
    { route: 'GET /api/org/positions', path: () => '/api/org/positions', expect: everyone(200) },
    { route: 'GET /api/procedures', path: () => '/api/procedures', expect: { reformer: 200, 'agency-admin': 200, officer: D, supervisor: D, citizen: D, auditor: D, anonymous: U } },
    {
      route: 'POST /api/procedures',
      note: 'a procedure of agency ubnd-xa-khac: only its own administrator may create it',
      path: () => '/api/procedures',
      body: () => ({ xml: xml.replace('agency="ubnd-xa"', 'agency="ubnd-xa-khac"').replace('code="dang-ky-ho-kinh-doanh"', 'code="khac"') }),
      expect: { reformer: D, 'agency-admin': { agency: D, 'other-agency': 201 }, officer: D, supervisor: D, citizen: D, auditor: D, anonymous: U },
    },
    ...(['GET /api/procedures/:code', 'PUT /api/procedures/:code/draft', 'POST /api/procedures/:code/preview', 'GET /api/procedures/:code/versions/:version', 'GET /api/procedures/:code/compare'] as const).map(
      (route): Entry => ({
        route,
        path: () =>
          ({
            'GET /api/procedures/:code': `/api/procedures/${procedureCode}`,
            'PUT /api/procedures/:code/draft': `/api/procedures/${procedureCode}/draft`,
            'POST /api/procedures/:code/preview': `/api/procedures/${procedureCode}/preview`,
            'GET /api/procedures/:code/versions/:version': `/api/procedures/${procedureCode}/versions/1`,
            'GET /api/procedures/:code/compare': `/api/procedures/${procedureCode}/compare?from=1&to=draft`,
          })[route],
        ...(route === 'PUT /api/procedures/:code/draft' ? { body: () => ({ xml }) } : route === 'POST /api/procedures/:code/preview' ? { body: () => ({}) } : {}),
        expect: { reformer: 200, 'agency-admin': { agency: 200, 'other-agency': D }, officer: D, supervisor: D, citizen: D, auditor: D, anonymous: U },
      }),
    ),
    { route: 'POST /api/procedures/:code/deploy', path: () => `/api/procedures/${procedureCode}/deploy`, expect: { reformer: D, 'agency-admin': { agency: 201, 'other-agency': D }, officer: D, supervisor: D, citizen: D, auditor: D, anonymous: U } },
    ...(['GET /api/agencies/:agencyId/import-mapping', 'PUT /api/agencies/:agencyId/import-mapping'] as const).map(
      (route): Entry => ({
        route,
        note: 'ubnd-xa’s mapping: its reformers and administrators, not another agency’s administrator',
        path: () => '/api/agencies/ubnd-xa/import-mapping',
        ...(route.startsWith('PUT') ? { body: () => ({ groups: { 'mot-cua': { role: 'can-bo-mot-cua', unit: 'bo-phan-mot-cua' } }, users: {} }) } : {}),
        expect: { reformer: 200, 'agency-admin': { agency: 200, 'other-agency': D }, officer: D, supervisor: D, citizen: D, auditor: D, anonymous: U },
      }),
    ),
    { route: 'POST /api/procedures/compare', path: () => '/api/procedures/compare', body: () => ({ beforeXml: xml, afterXml: xml }), expect: { reformer: 200, 'agency-admin': 200, officer: D, supervisor: D, citizen: D, auditor: D, anonymous: U } },
    { route: 'GET /api/catalogue', path: () => '/api/catalogue', expect: everyone(200, 200) },
    { route: 'GET /api/catalogue/:code', path: () => `/api/catalogue/${procedureCode}`, expect: everyone(200, 200) },
    { route: 'GET /api/catalogue/:code/diagram', path: () => `/api/catalogue/${procedureCode}/diagram`, expect: everyone(200, 200) },
    {
      route: 'POST /api/dossiers',
      path: () => '/api/dossiers',
      form: intakeForm,
      expect: { citizen: 201, officer: { 'step-unit': 201, agency: 201, 'other-agency': D }, supervisor: 201, 'agency-admin': D, reformer: D, auditor: D, anonymous: U },
    },
    { route: 'GET /api/dossiers', note: 'each sees only what they may list (tests/api/dossiers/dossier-relations.test.ts)', path: () => '/api/dossiers', expect: everyone(200) },
    { route: 'GET /api/dossiers/:code', path: () => `/api/dossiers/${dossierId}`, expect: readsDossier(200) },
    { route: 'GET /api/dossiers/:code/timeline', path: () => `/api/dossiers/${dossierId}/timeline`, expect: readsDossier(200) },
    ...(['GET /api/dossiers/:code/comments', 'POST /api/dossiers/:code/comments'] as const).map(
      (route): Entry => ({
        route,
        note: 'staff comments: officers and supervisors who work on the dossier only, never its citizen',
        path: () => `/api/dossiers/${dossierId}/comments`,
        ...(route.startsWith('POST') ? { body: () => ({ text: 'thử' }) } : {}),
        expect: { ...needsPersonalData(route.startsWith('POST') ? 201 : 200), citizen: D },
      }),
    ),
    { route: 'GET /api/dossiers/:code/attachments/:id', path: () => `/api/dossiers/${dossierId}/attachments/${attachmentId}`, expect: needsPersonalData(200) },
    { route: 'GET /api/dossiers/:code/documents', path: () => `/api/dossiers/${dossierId}/documents`, expect: needsPersonalData(200) },
    { route: 'GET /api/dossiers/:code/documents/:id', note: 'a document it does not have', path: () => `/api/dossiers/${dossierId}/documents/khong-co`, expect: needsPersonalData(404) },
    { route: 'POST /api/documents/verify', path: () => '/api/documents/verify', body: () => ({ pdfBase64: Buffer.from(pdfBytes).toString('base64') }), expect: everyone(200, 200) },
    { route: 'POST /api/public/track', note: 'the code and the last 4 digits of the ID number: anyone who has them', path: () => '/api/public/track', body: () => ({ code: dossierId, factor: '0001' }), expect: everyone(200, 200) },
    { route: 'GET /api/public/documents/:link', note: 'a link public tracking did not sign', path: () => '/api/public/documents/not-a-link', expect: everyone(404, 404) },
    {
      route: 'POST /api/dossiers/:code/supplement',
      note: 'nothing asked yet',
      path: () => `/api/dossiers/${dossierId}/supplement`,
      form: () => {
        const form = new FormData();
        form.append('data', '{}');
        return form;
      },
      expect: { citizen: { own: 409, none: 404 }, officer: D, supervisor: D, 'agency-admin': D, reformer: D, auditor: D, anonymous: U },
    },
    {
      route: 'POST /api/dossiers/:code/extend-deadline',
      note: 'an earlier date, refused by the workflow once access is granted',
      path: () => `/api/dossiers/${dossierId}/extend-deadline`,
      body: () => ({ newDueAt: '2020-01-01T00:00:00+07:00', reason: 'thử' }),
      expect: { citizen: D, officer: D, supervisor: { 'step-unit': 409, agency: D }, 'agency-admin': D, reformer: D, auditor: D, anonymous: U },
    },
    {
      route: 'POST /api/dossiers/:code/withdraw',
      note: 'the withdrawn dossier: refused as finished once access is granted',
      path: () => `/api/dossiers/${withdrawnId}/withdraw`,
      body: () => ({ reason: 'rút' }),
      expect: { ...needsPersonalData(409), supervisor: { 'step-unit': 409, agency: D } },
    },
    {
      route: 'GET /api/tasks',
      path: () => '/api/tasks?view=unit',
      expect: { officer: 200, supervisor: 200, citizen: D, 'agency-admin': D, reformer: D, auditor: D, anonymous: U },
    },
    {
      route: 'GET /api/tasks/:taskId',
      path: () => `/api/tasks/${task()}`,
      expect: { officer: { 'step-unit': 200, agency: D, 'other-agency': D }, supervisor: { 'step-unit': 200, agency: D }, citizen: D, 'agency-admin': D, reformer: D, auditor: D, anonymous: U },
    },
    {
      route: 'POST /api/tasks/:taskId/complete',
      note: 'before claiming, with an invalid form',
      path: () => `/api/tasks/${task()}/complete`,
      body: () => ({ formData: {} }),
      expect: { officer: { 'step-unit': 422, agency: D, 'other-agency': D }, supervisor: { 'step-unit': 422, agency: D }, citizen: D, 'agency-admin': D, reformer: D, auditor: D, anonymous: U },
    },
    {
      route: 'POST /api/tasks/:taskId/claim',
      note: 'the officer claims first; the supervisor then finds it claimed',
      path: () => `/api/tasks/${task()}/claim`,
      expect: { officer: { 'step-unit': 200, agency: D, 'other-agency': D }, supervisor: { 'step-unit': 409, agency: D }, citizen: D, 'agency-admin': D, reformer: D, auditor: D, anonymous: U },
    },
    {
      route: 'GET /api/tasks/:taskId/forward-targets',
      path: () => `/api/tasks/${task()}/forward-targets`,
      expect: { officer: { 'step-unit': 200, agency: D, 'other-agency': D }, supervisor: { 'step-unit': 200, agency: D }, citizen: D, 'agency-admin': D, reformer: D, auditor: D, anonymous: U },
    },
    {
      route: 'POST /api/tasks/:taskId/forward',
      note: 'to nobody: refused as an invalid colleague once access is granted (the claim stays)',
      path: () => `/api/tasks/${task()}/forward`,
      body: () => ({ assignee: 'khong-co-ai', opinion: 'thử' }),
      expect: { officer: { 'step-unit': 422, agency: D, 'other-agency': D }, supervisor: { 'step-unit': 422, agency: D }, citizen: D, 'agency-admin': D, reformer: D, auditor: D, anonymous: U },
    },
    {
      route: 'POST /api/tasks/:taskId/unclaim',
      note: 'its assignee puts it back; the supervisor then finds it unclaimed',
      path: () => `/api/tasks/${task()}/unclaim`,
      expect: { officer: { 'step-unit': 200, agency: D, 'other-agency': D }, supervisor: { 'step-unit': 409, agency: D }, citizen: D, 'agency-admin': D, reformer: D, auditor: D, anonymous: U },
    },
    {
      route: 'POST /api/tasks/:taskId/reassign',
      note: 'a supervisor of the task’s unit, to an officer of it',
      path: () => `/api/tasks/${task()}/reassign`,
      body: () => ({ assignee: 'mot-cua', reason: 'thử' }),
      expect: { officer: D, supervisor: { 'step-unit': 200, agency: D }, citizen: D, 'agency-admin': D, reformer: D, auditor: D, anonymous: U },
    },
    {
      route: 'POST /api/tasks/bulk-claim',
      note: 'each task’s refusal is reported in the body',
      path: () => '/api/tasks/bulk-claim',
      body: () => ({ taskIds: [taskId] }),
      expect: { officer: D, supervisor: 200, citizen: D, 'agency-admin': D, reformer: D, auditor: D, anonymous: U },
    },
    {
      route: 'POST /api/tasks/bulk-reassign',
      note: 'each task’s refusal is reported in the body',
      path: () => '/api/tasks/bulk-reassign',
      body: () => ({ taskIds: [taskId], assignee: 'lan', reason: 'thử' }),
      expect: { officer: D, supervisor: 200, citizen: D, 'agency-admin': D, reformer: D, auditor: D, anonymous: U },
    },
    ...(
      [
        ['GET /api/stats', '/api/stats?agencyId=ubnd-xa'],
        ['GET /api/stats/dossiers', '/api/stats/dossiers?agencyId=ubnd-xa&figure=received'],
        ['GET /api/stats/trend', '/api/stats/trend?agencyId=ubnd-xa&from=2026-01-01T00:00:00%2B07:00&to=2026-02-01T00:00:00%2B07:00'],
      ] as const
    ).map(
      ([route, path]): Entry => ({
        route,
        path: () => path,
        expect: { 'agency-admin': { agency: 200, 'other-agency': D }, officer: { 'step-unit': 200, agency: 200, 'other-agency': D }, supervisor: 200, auditor: 200, citizen: D, reformer: D, anonymous: U },
      }),
    ),
    ...(
      [
        ['GET /api/org/staff', () => '/api/org/staff?agencyId=ubnd-xa', undefined, 200],
        ['POST /api/org/units', () => '/api/org/units', () => ({ id: 'to-ma-tran', agencyId: 'ubnd-xa', name: 'Tổ ma trận' }), 201],
        ['PATCH /api/org/units/:unitId', () => '/api/org/units/to-ma-tran', () => ({ name: 'Tổ ma trận (đổi tên)' }), 200],
        ['POST /api/org/staff', () => '/api/org/staff', () => ({ username: 'nv-ma-tran', name: 'Nhân viên ma trận', agencyId: 'ubnd-xa', password: 'mat-khau-ma-tran', roles: ['officer'], units: ['to-ma-tran'] }), 201],
        ['PATCH /api/org/staff/:userId', () => '/api/org/staff/nv-ma-tran', () => ({ email: 'nv@ubnd-xa.gov.vn' }), 200],
        ['POST /api/org/staff/:userId/password', () => '/api/org/staff/nv-ma-tran/password', () => ({ password: 'mat-khau-ma-tran-2' }), 200],
        ['POST /api/org/staff/:userId/revoke-sessions', () => '/api/org/staff/nv-ma-tran/revoke-sessions', undefined, 200],
      ] as const
    ).map(
      ([route, path, body, status]): Entry => ({
        route,
        ...(route === 'GET /api/org/staff' ? {} : { note: 'the administrator of another agency may not change this one' }),
        path,
        ...(body ? { body } : {}),
        expect: { 'agency-admin': { agency: status, 'other-agency': D }, officer: D, supervisor: D, auditor: D, citizen: D, reformer: D, anonymous: U },
      }),
    ),
    {
      route: 'POST /api/reports',
      note: 'last month’s report of ubnd-xa, read by the entries after',
      path: () => '/api/reports',
      body: () => ({ agencyId: 'ubnd-xa', period: lastMonth }),
      expect: { 'agency-admin': { agency: 201, 'other-agency': D }, supervisor: 201, auditor: 201, officer: D, citizen: D, reformer: D, anonymous: U },
    },
    ...(
      [
        ['GET /api/reports', () => '/api/reports?agencyId=ubnd-xa'],
        ['GET /api/reports/:id', () => `/api/reports/${encodeURIComponent(lastMonthReport())}`],
        ['GET /api/reports/:id/download', () => `/api/reports/${encodeURIComponent(lastMonthReport())}/download?format=csv`],
      ] as const
    ).map(
      ([route, path]): Entry => ({
        route,
        ...(route === 'GET /api/reports' ? {} : { note: 'another agency’s report is not found' }),
        path,
        expect: { 'agency-admin': { agency: 200, 'other-agency': route === 'GET /api/reports' ? D : 404 }, supervisor: 200, auditor: 200, officer: D, citizen: D, reformer: D, anonymous: U },
      }),
    ),
    { route: 'GET /api/stats/officers', path: () => '/api/stats/officers', expect: { 'agency-admin': 200, supervisor: 200, officer: D, auditor: D, citizen: D, reformer: D, anonymous: U } },
    { route: 'GET /api/stats/overdue', note: 'the applicant’s name only to those who work on the dossier', path: () => '/api/stats/overdue', expect: { 'agency-admin': 200, supervisor: 200, officer: 200, auditor: 200, citizen: D, reformer: D, anonymous: U } },
    { route: 'GET /api/events', path: () => '/api/events', stream: true, expect: everyone(200) },
    { route: 'GET /api/calendars/:id/:year', path: () => '/api/calendars/vn-national/2026', expect: { ...everyone(200), citizen: D } },
    { route: 'GET /api/calendars/:id/versions/:hash', path: () => `/api/calendars/vn-national/versions/${calendarHash}`, expect: everyone(200) },
    { route: 'PUT /api/calendars/:id/:year', note: 'an empty correction, refused as invalid once access is granted', path: () => '/api/calendars/vn-national/2026', body: () => ({}), expect: { 'agency-admin': 422, reformer: D, officer: D, supervisor: D, citizen: D, auditor: D, anonymous: U } },
    { route: 'POST /api/calendars/:id/publish', note: 'nothing corrected', path: () => '/api/calendars/vn-national/publish', body: () => ({ reason: 'thử' }), expect: { 'agency-admin': 409, reformer: D, officer: D, supervisor: D, citizen: D, auditor: D, anonymous: U } },
    { route: 'GET /api/audit', path: () => '/api/audit', expect: { auditor: 200, reformer: D, 'agency-admin': D, officer: D, supervisor: D, citizen: D, anonymous: U } },
    { route: 'GET /api/audit/verify', path: () => `/api/audit/verify?stream=${encodeURIComponent(`procedure:${procedureCode}`)}`, expect: { auditor: 200, reformer: D, 'agency-admin': D, officer: D, supervisor: D, citizen: D, anonymous: U } },
    ...(['GET /api/outbox', 'GET /api/outbox/mailbox', 'GET /api/outbox/portal-sync'] as const).map(
      (route): Entry => ({ route, path: () => route.slice(4), expect: { 'agency-admin': 200, reformer: D, officer: D, supervisor: D, citizen: D, auditor: D, anonymous: U } }),
    ),
    { route: 'POST /api/payments/callback', note: 'a report that is not one, refused for everyone', path: () => '/api/payments/callback', body: () => ({}), expect: everyone(422, 422) },
    { route: 'POST /api/procedures/:code/retire', path: () => `/api/procedures/${procedureCode}/retire`, expect: { 'agency-admin': { agency: 200, 'other-agency': D }, reformer: D, officer: D, supervisor: D, citizen: D, auditor: D, anonymous: U } },
    { route: 'POST /api/auth/users/:userId/unlock', note: 'an agency-admin unlocks accounts of its own agency', path: () => '/api/auth/users/lan/unlock', expect: { 'agency-admin': { agency: 200, 'other-agency': D }, reformer: D, officer: D, supervisor: D, citizen: D, auditor: D, anonymous: U } },
    ...(['POST /api/temporal-codec/decode', 'POST /api/temporal-codec/encode'] as const).map(
      (route): Entry => ({ route, note: 'the Temporal Web UI’s codec, for staff who supervise', path: () => route.slice(5), body: () => ({ payloads: [] }), expect: { 'agency-admin': 200, supervisor: 200, reformer: D, officer: D, citizen: D, auditor: D, anonymous: U } }),
    ),
  ];

  const expectedFor = (entry: Entry, account: Account): number | undefined => {
    const { role, relation } = accounts[account];
    const expected = entry.expect[role];
    return typeof expected === 'number' ? expected : expected?.[relation];
  };

  it('has an entry for every route the API mounts, and mounts every route it lists', () => {
    const mounted = apiRoutes(api.context).map((route) => `${route.method.toUpperCase()} ${route.path}`);
    const listed = new Set(entries.map((entry) => entry.route));
    expect(mounted.filter((route) => !listed.has(route)), 'routes without an entry').toEqual([]);
    expect(entries.filter((entry) => !entry.mountedOutside && !mounted.includes(entry.route)).map((entry) => entry.route), 'entries for routes not mounted').toEqual([]);
  });

  it('gives every role, and every relation an account has, a status on every route', () => {
    const missing = entries.flatMap((entry) => [
      ...roles.filter((role) => !(role in entry.expect)).map((role) => `${entry.route}: ${role}`),
      ...(Object.keys(accounts) as Account[]).filter((account) => expectedFor(entry, account) === undefined).map((account) => `${entry.route}: ${accounts[account].role} × ${accounts[account].relation}`),
    ]);
    expect(missing).toEqual([]);
  });

  for (const entry of entries) {
    it(`${entry.route}${entry.note ? ` (${entry.note})` : ''}`, async () => {
      // Refused access first (it must change nothing), then the rest in ascending status: the first success may change what later ones see.
      const refusedAccess = (status: number) => status === 401 || status === 403 || status === 404;
      const order = (Object.keys(accounts) as Account[]).sort((a, b) => {
        const [x, y] = [expectedFor(entry, a)!, expectedFor(entry, b)!];
        return Number(refusedAccess(y)) - Number(refusedAccess(x)) || x - y;
      });
      const outcomes: Record<string, number> = {};
      for (const account of order) {
        const token = tokens.get(account);
        if (entry.stream) {
          const controller = new AbortController();
          const response = await fetch(`${api.url}${entry.path()}`, { headers: token ? { Authorization: `Bearer ${token}` } : {}, signal: controller.signal });
          outcomes[account] = response.status;
          controller.abort();
          continue;
        }
        const response = await api.request(entry.route.split(' ')[0]!, entry.path(), { token, ...(entry.body ? { json: entry.body() } : {}), ...(entry.form ? { form: entry.form(account) } : {}) });
        outcomes[account] = response.status;
        if (response.status >= 400) expect(response.headers.get('content-type'), account).toContain('application/problem+json');
      }
      expect(outcomes).toEqual(Object.fromEntries((Object.keys(accounts) as Account[]).map((account) => [account, expectedFor(entry, account)])));
    });
  }
});

