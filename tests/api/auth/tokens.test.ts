import { afterEach, describe, expect, it, vi } from 'vitest';
import { TokenService } from '../../../api/auth/tokens.js';
import type { Principal } from '../../../api/auth/principal.js';

const lan: Principal = { id: 'lan', username: 'lan', name: 'Lan', roles: ['officer'], positions: ['chuyen-vien'], agencyId: 'ubnd-xa', units: ['kinh-te'] };
const tokens = new TokenService({ secret: new TextEncoder().encode('tokens-test-secret-tokens-test-secret'), issuer: 'motcua', accessTtlSeconds: 60, refreshTtlSeconds: 3600 });

describe('access tokens', () => {
  afterEach(() => vi.useRealTimers());

  it('gives the principal back on every request that carries the token, until it expires', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const token = await tokens.signAccess(lan);
    await expect(tokens.verify(token)).resolves.toEqual(lan);
    await expect(tokens.verify(token)).resolves.toEqual(lan);
    vi.setSystemTime(Date.now() + 61_000);
    await expect(tokens.verify(token)).rejects.toThrow();
  });

  it('refuses a token whose signature does not hold, even once its true form was verified', async () => {
    const token = await tokens.signAccess(lan);
    await tokens.verify(token);
    await expect(tokens.verify(`${token}x`)).rejects.toThrow();
    await expect(tokens.verify((await tokens.signRefresh('lan')).token)).rejects.toThrow();
  });
});
