import { randomUUID } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import type { AccessTokenVerifier } from './access-token-verifier.js';
import { principalSchema, type Principal } from './principal.js';

export interface TokenSettings {
  /** HMAC key (HS256), at least 32 bytes; from the environment in production. */
  secret: Uint8Array;
  issuer: string;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
  /** When a user's sessions were last revoked: access tokens issued before are refused. */
  revocations?: { revokedAt(userId: string): Promise<number | undefined> };
}

/** `ims`: when the token was issued, in milliseconds (iat counts whole seconds), so revoking sessions spares a token signed just after. */
const accessClaims = principalSchema.omit({ id: true }).extend({ sub: z.string(), typ: z.literal('access'), ims: z.number().optional() });

const refreshClaims = z.object({ sub: z.string(), typ: z.literal('refresh'), jti: z.string(), exp: z.number() });

const documentLinkClaims = z.object({ sub: z.string(), typ: z.literal('document'), dossier: z.string() });

export interface IssuedRefreshToken {
  token: string;
  jti: string;
  expiresAt: Date;
}

/** How many verified access tokens are remembered before the memory starts again. */
const verifiedTokenMemory = 10_000;

/** MotCua's own sessions: short-lived access tokens carrying the principal, and refresh tokens. */
export class TokenService implements AccessTokenVerifier {
  /** Tokens already verified, until they expire: an officer's every request carries the same one. */
  private readonly verified = new Map<string, { principal: Principal; issuedAt: number; expiresAt: number }>();

  constructor(private readonly settings: TokenSettings) {
    if (settings.secret.byteLength < 32) throw new Error('the token secret must be at least 32 bytes');
  }

  get accessTtlSeconds(): number {
    return this.settings.accessTtlSeconds;
  }

  signAccess(principal: Principal): Promise<string> {
    const { id, ...claims } = principal;
    return new SignJWT({ ...claims, typ: 'access', ims: Date.now() })
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
    const known = this.verified.get(token) ?? (await this.verifySignature(token));
    if (known.expiresAt <= Date.now()) throw new Error('the access token has expired');
    const revokedAt = await this.settings.revocations?.revokedAt(known.principal.id);
    if (revokedAt !== undefined && known.issuedAt <= revokedAt) throw new Error('the sessions of this user were revoked');
    return known.principal;
  }

  private async verifySignature(token: string): Promise<{ principal: Principal; issuedAt: number; expiresAt: number }> {
    const { payload } = await jwtVerify(token, this.settings.secret, { issuer: this.settings.issuer, algorithms: ['HS256'] });
    const { sub, typ: _typ, ims, ...claims } = accessClaims.parse(payload);
    const verified = { principal: { id: sub, ...claims }, issuedAt: ims ?? payload.iat! * 1000, expiresAt: payload.exp! * 1000 };
    if (this.verified.size >= verifiedTokenMemory) this.verified.clear();
    this.verified.set(token, verified);
    return verified;
  }

  /** A short-lived link to one issued document of a dossier, for a reader without an account (public tracking). */
  signDocumentLink(dossierId: string, documentId: string, ttlSeconds: number): Promise<string> {
    return new SignJWT({ typ: 'document', dossier: dossierId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(documentId)
      .setIssuer(this.settings.issuer)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(this.settings.secret);
  }

  /** The dossier and document a link opens; throws when it is forged, expired or not a document link. */
  async verifyDocumentLink(token: string): Promise<{ dossierId: string; documentId: string }> {
    const { payload } = await jwtVerify(token, this.settings.secret, { issuer: this.settings.issuer, algorithms: ['HS256'] });
    const claims = documentLinkClaims.parse(payload);
    return { dossierId: claims.dossier, documentId: claims.sub };
  }

  /** The refresh token's user and id; throws when it is forged, expired or not a refresh token. */
  async verifyRefresh(token: string): Promise<{ userId: string; jti: string }> {
    const { payload } = await jwtVerify(token, this.settings.secret, { issuer: this.settings.issuer, algorithms: ['HS256'] });
    const claims = refreshClaims.parse(payload);
    return { userId: claims.sub, jti: claims.jti };
  }
}
