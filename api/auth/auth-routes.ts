import type { Request, Response } from 'express';
import { storeRateLimiter } from '../http/store-rate-limit.js';
import { z } from 'zod';
import type { ApiContext } from '../context.js';
import { appendAudit, auditStreams } from '../audit/audit-log.js';
import { Problem, problemResponses } from '../http/problem.js';
import { defineRoute, type RouteDefinition } from '../http/route.js';
import { principalOf } from './access-token-verifier.js';
import { auditActorOf, principalSchema, type Principal } from './principal.js';
import { clearCodecCookie, setCodecCookie } from './codec-cookie.js';
import { verifyPasswordOrDummy } from './passwords.js';
import { SignInLockouts } from './sign-in-lockout.js';
import { agencyScope } from '../org/agency-scope.js';

/** 429 with Retry-After: the same answer whether or not the username exists. */
function lockedProblem(response: Response, lockedUntil: Date): Problem {
  response.setHeader('Retry-After', String(Math.max(1, Math.ceil((lockedUntil.getTime() - Date.now()) / 1000))));
  return new Problem(429, 'account-locked', `too many failed sign-ins: this account is locked until ${lockedUntil.toISOString()}, or until an administrator unlocks it`);
}

export const meSchema = principalSchema.meta({ id: 'Me' });

const sessionSchema = z
  .object({ accessToken: z.string(), refreshToken: z.string(), expiresIn: z.number().int(), user: meSchema })
  .meta({ id: 'Session' });

const unlockedSchema = z.object({ userId: z.string(), wasLocked: z.boolean() }).meta({ id: 'SignInUnlocked' });

/** Sign-in (with per-account lockout), token refresh with rotation, sign-out, unlock, and who am I. */
export function authRoutes(context: ApiContext): RouteDefinition[] {
  const { store, tokens } = context;
  const lockouts = new SignInLockouts(store, context.settings.signInLockout);
  const limiter = storeRateLimiter(store.rateLimitHits, 'auth', context.settings.rateLimits.auth, new Problem(429, 'rate-limited', 'too many sign-in attempts; wait a minute'));

  async function openSession(request: Request, response: Response, principal: Principal, action: string) {
    const refresh = await tokens.signRefresh(principal.id);
    await store.refreshSessions.create({ _id: refresh.jti, userId: principal.id, expiresAt: refresh.expiresAt, createdAt: new Date() });
    await appendAudit(store, { stream: auditStreams.session(principal.id), actor: auditActorOf(principal), action, target: { kind: 'session', id: refresh.jti }, details: {} });
    const accessToken = await tokens.signAccess(principal);
    setCodecCookie(request, response, principal, accessToken, tokens.accessTtlSeconds);
    return { accessToken, refreshToken: refresh.token, expiresIn: tokens.accessTtlSeconds, user: principal };
  }

  return [
    defineRoute({
      method: 'post',
      path: '/api/auth/login',
      summary: 'Sign in with username and password',
      tag: 'auth',
      access: 'public',
      before: [limiter],
      body: z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }),
      responses: { 200: { description: 'signed in', schema: sessionSchema }, ...problemResponses(401, 422, 429) },
      async handler({ body, request, response }) {
        const lockedUntil = await lockouts.lockedUntil(body.username);
        if (lockedUntil) throw lockedProblem(response, lockedUntil);
        const user = await store.users.findOne({ username: body.username }).lean();
        // The same argon2 work whether or not the account exists (passwords.ts).
        const valid = (await verifyPasswordOrDummy(user?.passwordHash, body.password)) && user !== null && !user.disabled;
        if (!user || !valid) {
          await lockouts.recordFailure(body.username);
          throw new Problem(401, 'invalid-credentials', 'wrong username or password');
        }
        await lockouts.clear(body.username);
        await store.users.updateOne({ _id: user._id }, { $set: { lastSignInAt: new Date() } });
        await store.refreshSessions.deleteMany({ userId: user._id, expiresAt: { $lt: new Date() } });
        return { status: 200, body: await openSession(request, response, principalOf(user), 'signed-in') };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/refresh',
      summary: 'Exchange a refresh token for new tokens (the old refresh token stops working)',
      tag: 'auth',
      access: 'public',
      before: [limiter],
      body: z.object({ refreshToken: z.string().min(1).max(4000) }),
      responses: { 200: { description: 'new tokens', schema: sessionSchema }, ...problemResponses(401, 422, 429) },
      async handler({ body, request, response }) {
        const claims = await tokens.verifyRefresh(body.refreshToken).catch(() => undefined);
        // Deleting the session is what spends the token: a replay, or a second concurrent refresh, deletes nothing.
        const spent = claims && (await store.refreshSessions.deleteOne({ _id: claims.jti, userId: claims.userId })).deletedCount === 1;
        if (!claims || !spent) throw new Problem(401, 'invalid-refresh-token', 'the refresh token is invalid, expired or already used');
        const user = await store.users.findById(claims.userId).lean();
        if (!user || user.disabled) throw new Problem(401, 'invalid-refresh-token', 'the account no longer exists or is disabled');
        return { status: 200, body: await openSession(request, response, principalOf(user), 'session-refreshed') };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/logout',
      summary: 'Sign out: the refresh token stops working (access tokens expire on their own)',
      tag: 'auth',
      access: 'signed-in',
      body: z.object({ refreshToken: z.string().min(1).max(4000) }),
      responses: { 204: { description: 'signed out' }, ...problemResponses(401, 422) },
      async handler({ body, principal, request, response }) {
        const claims = await tokens.verifyRefresh(body.refreshToken).catch(() => undefined);
        if (!claims || claims.userId !== principal.id) throw new Problem(422, 'invalid-refresh-token', 'not a refresh token of yours');
        clearCodecCookie(request, response);
        const { deletedCount } = await store.refreshSessions.deleteOne({ _id: claims.jti });
        if (deletedCount === 1) {
          await appendAudit(store, { stream: auditStreams.session(principal.id), actor: auditActorOf(principal), action: 'signed-out', target: { kind: 'session', id: claims.jti }, details: {} });
        }
        return { status: 204 };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/users/:userId/unlock',
      summary: 'Lift the sign-in lockout of an account (staff of your agencies, or a citizen)',
      tag: 'auth',
      access: ['agency-admin'],
      params: z.object({ userId: z.string().min(1).max(100) }),
      responses: { 200: { description: 'the account signs in again', schema: unlockedSchema }, ...problemResponses(401, 403, 404) },
      async handler({ params, principal }) {
        const user = await store.users.findById(params.userId).lean();
        if (!user) throw new Problem(404, 'unknown-user', `no user ${params.userId}`);
        if (user.agencyId !== undefined && !(await agencyScope(store, principal)).has(user.agencyId)) {
          throw new Problem(403, 'forbidden-agency', 'this account belongs to an agency you do not administer');
        }
        const wasLocked = await lockouts.clear(user.username);
        await appendAudit(store, { stream: auditStreams.session(user._id), actor: auditActorOf(principal), action: 'sign-in-unlocked', target: { kind: 'user', id: user._id }, details: { wasLocked } });
        return { status: 200, body: { userId: user._id, wasLocked } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/me',
      summary: 'The signed-in user',
      tag: 'auth',
      access: 'signed-in',
      responses: { 200: { description: 'the user', schema: meSchema }, ...problemResponses(401) },
      handler: ({ principal }) => ({ status: 200, body: principal }),
    }),
  ];
}
