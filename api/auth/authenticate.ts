import type { RequestHandler } from 'express';
import type { AccessTokenVerifier } from './access-token-verifier.js';
import { Problem } from '../http/problem.js';
import { codecCookieToken } from './codec-cookie.js';
import { unreachableDependency } from '../http/dependency-outage.js';

/**
 * Reads `Authorization: Bearer <token>` and sets `response.locals.principal`. A request with no
 * token goes on anonymous (routes decide); a bad or expired token is refused at once with 401.
 * Query-string tokens are accepted for event streams only (EventSource cannot send headers), the
 * codec cookie for the codec endpoint only (the Temporal Web UI cannot send headers of ours).
 */
export function authenticate(verifier: AccessTokenVerifier): RequestHandler {
  return async (request, response, next) => {
    const header = request.headers.authorization;
    const fromQuery = request.path === '/api/events' && typeof request.query.accessToken === 'string' ? request.query.accessToken : undefined;
    const fromCookie = codecCookieToken(request);
    if (!header && !fromQuery && !fromCookie) return next();
    const token = header ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : (fromQuery ?? fromCookie);
    if (!token) return next(new Problem(401, 'invalid-token', 'the Authorization header must be "Bearer <access token>"'));
    try {
      response.locals.principal = await verifier.verify(token);
      next();
    } catch (error) {
      // A store that cannot say whether the sessions were revoked is an outage (503), not a bad token.
      next(unreachableDependency(error) ? error : new Problem(401, 'invalid-token', 'the access token is invalid or has expired'));
    }
  };
}
