import { randomUUID } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { systemRoles } from '../../store/identity/user-model.js';
import { z } from 'zod';
import type { AccessTokenVerifier } from './access-token-verifier.js';
import type { Principal } from './principal.js';

export interface TokenSettings {
  /** HMAC key (HS256), at least 32 bytes; from the environment in production. */
  secret: Uint8Array;
  issuer: string;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
}

const accessClaims = z.object({
  sub: z.string(),
  typ: z.literal('access'),
  username: z.string(),
  name: z.string(),
  roles: z.array(z.enum(systemRoles)),
  positions: z.array(z.string()),
  agencyId: z.string().optional(),
  units: z.array(z.string()),
});

const refreshClaims = z.object({ sub: z.string(), typ: z.literal('refresh'), jti: z.string(), exp: z.number() });

export interface IssuedRefreshToken {
  token: string;
  jti: string;
  expiresAt: Date;
}

/** MotCua's own sessions: short-lived access tokens carrying the principal, and refresh tokens. */
export class TokenService implements AccessTokenVerifier {
  constructor(private readonly settings: TokenSettings) {
    if (settings.secret.byteLength < 32) throw new Error('the token secret must be at least 32 bytes');
  }

  get accessTtlSeconds(): number {
    return this.settings.accessTtlSeconds;
  }

  signAccess(principal: Principal): Promise<string> {
    const { id, ...claims } = principal;
    return new SignJWT({ ...claims, typ: 'access' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(id)
      .setIssuer(this.settings.issuer)
      .setIssuedAt()
      .setExpirationTime(`${this.settings.accessTtlSeconds}s`)
      .sign(this.settings.secret);
  }

  async signRefresh(userId: string): Promise<IssuedRefreshToken> {
    const jti = randomUUID();
    const token = await new SignJWT({ typ: 'refresh' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setJti(jti)
      .setIssuer(this.settings.issuer)
      .setIssuedAt()
      .setExpirationTime(`${this.settings.refreshTtlSeconds}s`)
      .sign(this.settings.secret);
    return { token, jti, expiresAt: new Date(Date.now() + this.settings.refreshTtlSeconds * 1000) };
  }

  async verify(token: string): Promise<Principal> {
    const { payload } = await jwtVerify(token, this.settings.secret, { issuer: this.settings.issuer, algorithms: ['HS256'] });
    const { sub, typ: _typ, ...principal } = accessClaims.parse(payload);
    return { id: sub, ...principal };
  }

  /** The refresh token's user and id; throws when it is forged, expired or not a refresh token. */
  async verifyRefresh(token: string): Promise<{ userId: string; jti: string }> {
    const { payload } = await jwtVerify(token, this.settings.secret, { issuer: this.settings.issuer, algorithms: ['HS256'] });
    const claims = refreshClaims.parse(payload);
    return { userId: claims.sub, jti: claims.jti };
  }
}
