import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../api/app.js';
import { listen, type RunningHttpServer } from '../../../api/http-server.js';
import type { ApiSettings } from '../../../api/settings.js';
import { ApiHarness } from '../api-harness.js';

/** Sign-in against the harness's store, through an app of its own with these settings. */
describe('sign-in hardening', () => {
  let api: ApiHarness;
  const servers: RunningHttpServer[] = [];

  async function appWith(settings: Partial<ApiSettings>) {
    // Rate limits are counted in the store, shared by every app on it: each app here counts from zero.
    await api.store.rateLimitHits.deleteMany({});
    const server = await listen(createApp({ probes: [], api: { ...api.context, settings: { ...api.context.settings, ...settings } } }), 0, '127.0.0.1');
    servers.push(server);
    return (username: string, password: string, headers: Record<string, string> = {}) =>
      fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ username, password }) });
  }

  beforeAll(async () => {
    api = await ApiHarness.create();
  });
  afterAll(async () => {
    for (const server of servers) await server.close();
    await api.teardown();
  });

  describe('per-account lockout', () => {
    const policy = { freeFailures: 3, firstLockMs: 60_000, maxLockMs: 600_000, forgetAfterMs: 3_600_000 };

    it('locks an account after its free failures, refusing even the right password, with Retry-After', async () => {
      const login = await appWith({ signInLockout: policy });
      for (let attempt = 0; attempt < 3; attempt++) expect((await login('minh', 'sai')).status).toBe(401);
      const locked = await login('minh', 'motcua-demo');
      expect(locked.status).toBe(429);
      expect(locked.headers.get('content-type')).toContain('application/problem+json');
      expect(((await locked.json()) as { code: string }).code).toBe('account-locked');
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(50);
      // Another account is not affected.
      expect((await login('lan', 'motcua-demo')).status).toBe(200);
    });

    it('answers an unknown username the same way, so a lockout tells nothing about who exists', async () => {
      const login = await appWith({ signInLockout: policy });
      for (let attempt = 0; attempt < 3; attempt++) expect((await login('khong-ai', 'sai')).status).toBe(401);
      const locked = await login('khong-ai', 'sai');
      expect(locked.status).toBe(429);
      expect(((await locked.json()) as { code: string }).code).toBe('account-locked');
    });

    it('doubles the lock with each further failure, up to its ceiling', async () => {
      const login = await appWith({ signInLockout: { freeFailures: 2, firstLockMs: 200, maxLockMs: 700, forgetAfterMs: 3_600_000 } });
      const lockLength = async () => {
        const entry = (await api.store.signInLockouts.findById('mot-cua').lean())!;
        return entry.lockedUntil!.getTime() - entry.lastFailureAt.getTime();
      };
      const failAfterLock = async () => {
        const wait = (await lockLength()) + 50;
        await new Promise((resolve) => setTimeout(resolve, wait));
        expect((await login('mot-cua', 'sai')).status).toBe(401);
      };
      for (let attempt = 0; attempt < 2; attempt++) expect((await login('mot-cua', 'sai')).status).toBe(401);
      expect(await lockLength()).toBe(200);
      await failAfterLock();
      expect(await lockLength()).toBe(400);
      await failAfterLock();
      expect(await lockLength()).toBe(700);
    });

    it('an agency administrator unlocks an account (audited), and it signs in again', async () => {
      const login = await appWith({ signInLockout: policy });
      for (let attempt = 0; attempt < 3; attempt++) await login('lanh-dao', 'sai');
      expect((await login('lanh-dao', 'motcua-demo')).status).toBe(429);
      const unlocked = await api.request('POST', '/api/auth/users/lanh-dao/unlock', { token: await api.token('admin') });
      expect(unlocked.status).toBe(200);
      expect(unlocked.body).toEqual({ userId: 'lanh-dao', wasLocked: true });
      expect(await api.store.auditEvents.countDocuments({ stream: 'session:lanh-dao', action: 'sign-in-unlocked' })).toBe(1);
      expect((await login('lanh-dao', 'motcua-demo')).status).toBe(200);
      // A successful sign-in forgets the failures.
      expect(await api.store.signInLockouts.findById('lanh-dao').lean()).toBeNull();
    });
  });

  it('takes as long for an unknown username as for a wrong password (a dummy argon2 check)', async () => {
    const login = await appWith({ signInLockout: { freeFailures: 100, firstLockMs: 1, maxLockMs: 1, forgetAfterMs: 1 } });
    const median = async (username: (attempt: number) => string) => {
      const times: number[] = [];
      for (let attempt = 0; attempt < 7; attempt++) {
        const started = performance.now();
        expect((await login(username(attempt), 'sai-mat-khau')).status).toBe(401);
        times.push(performance.now() - started);
      }
      return times.sort((a, b) => a - b)[3]!;
    };
    await login('lan', 'khoi-dong'); // the dummy hash is made at the first unknown user; warm both paths
    await login('chua-co-0', 'khoi-dong');
    const known = await median(() => 'hung');
    const unknown = await median((attempt) => `chua-co-${attempt + 1}`);
    // Without the dummy check, an unknown user answered in a tenth of the time or less.
    expect(unknown / known).toBeGreaterThan(0.5);
    expect(unknown / known).toBeLessThan(2);
  });

  describe('client address behind proxies', () => {
    const limits = { auth: { windowMs: 60_000, limit: 2 }, intake: { windowMs: 60_000, limit: 2 } };

    it('ignores X-Forwarded-For unless its sender is a configured proxy: a forged header no longer escapes the rate limit', async () => {
      const login = await appWith({ rateLimits: limits, trustProxy: [] });
      expect((await login('a1', 'sai', { 'X-Forwarded-For': '203.0.113.1' })).status).toBe(401);
      expect((await login('a2', 'sai', { 'X-Forwarded-For': '203.0.113.2' })).status).toBe(401);
      const limited = await login('a3', 'sai', { 'X-Forwarded-For': '203.0.113.3' });
      expect(limited.status).toBe(429);
      expect(((await limited.json()) as { code: string }).code).toBe('rate-limited');
    });

    it('believes X-Forwarded-For from a configured proxy (MOTCUA_TRUST_PROXY): each client has its own limit', async () => {
      const login = await appWith({ rateLimits: limits, trustProxy: ['loopback'] });
      for (const client of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) {
        expect((await login(`b-${client}`, 'sai', { 'X-Forwarded-For': client })).status).toBe(401);
      }
      expect((await login('b4', 'sai', { 'X-Forwarded-For': '198.51.100.1' })).status).toBe(401);
      expect((await login('b5', 'sai', { 'X-Forwarded-For': '198.51.100.1' })).status).toBe(429);
    });
  });
});
