import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionRevocations } from '../../../api/auth/session-revocations.js';
import { ApiHarness } from '../api-harness.js';

const password = 'mat-khau-moi-2026';

/** An agency administrator runs the organisation: a unit, an officer with an email, a move, a disable that ends the officer's session at once. */
describe('staff and units', () => {
  let api: ApiHarness;
  let admin: string;

  beforeAll(async () => {
    api = await ApiHarness.create();
    admin = await api.token('admin');
  });
  afterAll(() => api.teardown());

  const signIn = (username: string, secret = password) => api.request('POST', '/api/auth/login', { json: { username, password: secret } });

  it('creates a unit and an officer in it, who signs in and is seen to have signed in', async () => {
    const unit = await api.request('POST', '/api/org/units', { token: admin, json: { id: 'tiep-dan', agencyId: 'ubnd-xa', name: 'Tổ tiếp công dân' } });
    expect(unit.status).toBe(201);
    const created = await api.request('POST', '/api/org/staff', {
      token: admin,
      json: { username: 'thu', name: 'Ngô Thị Thu', agencyId: 'ubnd-xa', password, roles: ['officer'], units: ['tiep-dan'], positions: ['chuyen-vien'], email: 'thu@ubnd-xa.gov.vn', phone: '0912 345 678' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'thu', units: ['tiep-dan'], email: 'thu@ubnd-xa.gov.vn', disabled: false });
    expect(JSON.stringify(created.body)).not.toContain('passwordHash');

    const session = await signIn('thu');
    expect(session.status).toBe(200);
    expect(session.body.user.units).toEqual(['tiep-dan']);
    const listed = (await api.request('GET', '/api/org/staff?agencyId=ubnd-xa', { token: admin })).body.items.find((member: { id: string }) => member.id === 'thu');
    expect(listed.lastSignInAt).toEqual(expect.any(String));
    const audit = await api.store.auditEvents.find({ stream: 'organisation:ubnd-xa' }).sort({ sequence: 1 }).lean();
    expect(audit.map((entry) => entry.action)).toEqual(['unit-created', 'staff-created']);
  });

  it('moves an officer to another unit', async () => {
    const moved = await api.request('PATCH', '/api/org/staff/thu', { token: admin, json: { units: ['bo-phan-mot-cua'], phone: null } });
    expect(moved.status).toBe(200);
    expect(moved.body.units).toEqual(['bo-phan-mot-cua']);
    expect(moved.body.phone).toBeUndefined();
    expect((await signIn('thu')).body.user.units).toEqual(['bo-phan-mot-cua']);
  });

  it('ends the sessions of an officer it disables, at once: the access token, the refresh token and signing in', async () => {
    const session = (await signIn('thu')).body;
    expect((await api.request('GET', '/api/me', { token: session.accessToken })).status).toBe(200);
    const disabled = await api.request('PATCH', '/api/org/staff/thu', { token: admin, json: { disabled: true } });
    expect(disabled.body.disabled).toBe(true);
    expect((await api.request('GET', '/api/me', { token: session.accessToken })).body.code).toBe('invalid-token');
    expect((await api.request('POST', '/api/auth/refresh', { json: { refreshToken: session.refreshToken } })).status).toBe(401);
    expect((await signIn('thu')).status).toBe(401);
    // Another API process learns of it at its next read of the users.
    const elsewhere = new SessionRevocations(api.store.sessionRevocations, 900_000, 0);
    expect(await elsewhere.revokedAt('thu')).toBe((await api.store.sessionRevocations.findById('thu').lean())!.revokedAt.getTime());
    expect(await elsewhere.revokedAt('lan')).toBeUndefined();

    await api.request('PATCH', '/api/org/staff/thu', { token: admin, json: { disabled: false } });
    const again = (await signIn('thu')).body;
    expect((await api.request('GET', '/api/me', { token: again.accessToken })).status).toBe(200);
  });

  it('resets a password and revokes sessions: tokens from before stop working, a new sign-in works at once', async () => {
    const before = (await signIn('thu')).body.accessToken;
    expect((await api.request('POST', '/api/org/staff/thu/password', { token: admin, json: { password: 'mat-khau-khac-2026' } })).status).toBe(200);
    expect((await api.request('GET', '/api/me', { token: before })).status).toBe(401);
    expect((await signIn('thu')).status).toBe(401);
    const after = (await signIn('thu', 'mat-khau-khac-2026')).body.accessToken;
    expect((await api.request('GET', '/api/me', { token: after })).status).toBe(200);
    expect((await api.request('POST', '/api/org/staff/thu/revoke-sessions', { token: admin })).status).toBe(200);
    expect((await api.request('GET', '/api/me', { token: after })).status).toBe(401);
    const fresh = (await signIn('thu', 'mat-khau-khac-2026')).body.accessToken;
    expect((await api.request('GET', '/api/me', { token: fresh })).status).toBe(200);
  });

  it('refuses bad changes with structured problems and changes nothing', async () => {
    const before = { users: await api.store.users.find().sort({ _id: 1 }).lean(), units: await api.store.units.countDocuments(), audit: await api.store.auditEvents.countDocuments() };
    const staff = { username: 'moi', name: 'Người mới', agencyId: 'ubnd-xa', password, roles: ['officer'] };
    const cases: Array<[string, string, unknown, number, string]> = [
      ['POST', '/api/org/staff', { ...staff, units: ['khong-co'] }, 422, 'unknown-unit'],
      ['POST', '/api/org/staff', { ...staff, positions: ['khong-co'] }, 422, 'unknown-position'],
      ['POST', '/api/org/staff', { ...staff, username: 'thu' }, 409, 'username-taken'],
      ['POST', '/api/org/staff', { ...staff, roles: ['citizen'] }, 422, 'invalid-body'],
      ['POST', '/api/org/staff', { ...staff, password: 'ngan' }, 422, 'invalid-body'],
      ['POST', '/api/org/staff', { ...staff, email: 'not an address' }, 422, 'invalid-body'],
      ['POST', '/api/org/staff', { ...staff, agencyId: 'ubnd-tinh' }, 403, 'other-agency'],
      ['PATCH', '/api/org/staff/admin', { disabled: true }, 422, 'cannot-disable-self'],
      ['PATCH', '/api/org/staff/thu', {}, 422, 'invalid-body'],
      ['PATCH', '/api/org/staff/an', { name: 'X' }, 404, 'unknown-user'],
      ['POST', '/api/org/units', { id: 'bo-phan-mot-cua', agencyId: 'ubnd-xa', name: 'Trùng' }, 409, 'unit-exists'],
      ['POST', '/api/org/units', { id: 'Co Dau', agencyId: 'ubnd-xa', name: 'Sai mã' }, 422, 'invalid-body'],
      ['PATCH', '/api/org/units/bo-phan-mot-cua', { headUserId: 'an' }, 422, 'unknown-user'],
      ['PATCH', '/api/org/units/khong-co', { name: 'X' }, 404, 'unknown-unit'],
    ];
    for (const [method, path, json, status, code] of cases) {
      const response = await api.request(method, path, { token: admin, json });
      expect([response.status, response.body.code], `${method} ${path} ${JSON.stringify(json)}`).toEqual([status, code]);
    }
    expect({ users: await api.store.users.find().sort({ _id: 1 }).lean(), units: await api.store.units.countDocuments(), audit: await api.store.auditEvents.countDocuments() }).toEqual(before);
  });
});
