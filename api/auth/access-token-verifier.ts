import { jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { UserDocument } from '../../store/identity/user-model.js';
import type { Principal } from './principal.js';
import { unreachableDependency } from '../http/dependency-outage.js';

/**
 * The auth seam: turns a bearer token into the Principal the API authorises. MotCua's own tokens
 * (tokens.ts) are one implementation; an agency's SSO is another (`oidcAccessTokenVerifier`).
 * A verifier throws when the token is not one it accepts.
 */
export interface AccessTokenVerifier {
  verify(token: string): Promise<Principal>;
}

export function principalOf(user: UserDocument): Principal {
  return {
    id: user._id,
    username: user.username,
    name: user.name,
    roles: user.roles,
    // Stored documents may lack empty lists.
    positions: user.positions ?? [],
    ...(user.agencyId ? { agencyId: user.agencyId } : {}),
    units: user.units ?? [],
  };
}

export interface OidcOptions {
  /** The identity provider's issuer URL, as its tokens' `iss`. */
  issuer: string;
  /** MotCua's client id at the provider, as the tokens' `aud`. */
  audience: string;
  /** The provider's signing keys: `createRemoteJWKSet(new URL(jwks_uri))` from jose. */
  keys: JWTVerifyGetKey;
  /** The claim that names the MotCua user (default `preferred_username`). */
  usernameClaim?: string;
  /** Looks the user up in MotCua's directory: roles, units and positions stay MotCua's to grant. */
  findUser(username: string): Promise<UserDocument | null>;
}

/**
 * Accepts access tokens an agency's OpenID Connect provider issued: signature, issuer, audience and
 * expiry checked by jose; the person must exist (and be enabled) in MotCua's user directory.
 */
export function oidcAccessTokenVerifier(options: OidcOptions): AccessTokenVerifier {
  const claim = options.usernameClaim ?? 'preferred_username';
  return {
    async verify(token) {
      const { payload } = await jwtVerify<JWTPayload & Record<string, unknown>>(token, options.keys, { issuer: options.issuer, audience: options.audience });
      const username = payload[claim];
      if (typeof username !== 'string') throw new Error(`the token has no ${claim} claim`);
      const user = await options.findUser(username);
      if (!user || user.disabled) throw new Error(`no MotCua user ${username}`);
      return principalOf(user);
    },
  };
}

/** Tries each verifier in turn: MotCua's own tokens, then an SSO's. */
export function anyOf(verifiers: readonly AccessTokenVerifier[]): AccessTokenVerifier {
  return {
    async verify(token) {
      let refusal: unknown = new Error('no verifier configured');
      let outage: unknown;
      for (const verifier of verifiers) {
        try {
          return await verifier.verify(token);
        } catch (error) {
          if (unreachableDependency(error)) outage ??= error;
          else refusal = error;
        }
      }
      // A verifier that could not look the token up does not refuse it.
      throw outage ?? refusal;
    },
  };
}
