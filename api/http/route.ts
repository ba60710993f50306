import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';
import { z } from 'zod';
import type { SystemRole } from '../../store/identity/user-model.js';
import type { Principal } from '../auth/principal.js';
import { nestsDeeperThan } from './json-depth.js';
import { fieldErrors, Problem } from './problem.js';

/** Who may call a route: anyone, any signed-in user, or signed-in users holding one of the roles. */
export type Access = 'public' | 'signed-in' | readonly SystemRole[];

export interface ResponseSpec {
  description: string;
  /** JSON body; left out for bodies described by `contentType` alone (files, event streams). */
  schema?: z.ZodType;
  contentType?: string;
}

export interface RequestContext<P, Q, B> {
  request: Request;
  response: Response;
  params: P;
  query: Q;
  body: B;
  /** Present on every route whose access is not `public`. */
  principal: Principal;
}

/** What a handler answers: a status and JSON body, or `undefined` when it wrote the response itself. */
export type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | undefined;

export interface RouteDefinition<P = unknown, Q = unknown, B = unknown> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express path, e.g. /api/tasks/:taskId */
  path: string;
  summary: string;
  tag: string;
  access: Access;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  /** A JSON body, or (with `multipart`) the JSON in the multipart field `data`. */
  body?: z.ZodType<B>;
  /** multipart/form-data: the JSON field `data` checked against `body`, and files in `files`. */
  multipart?: { files: string; description: string };
  /** Headers the route reads (documented; checked by the handler). */
  headers?: Array<{ name: string; description: string; required: boolean }>;
  /** Middleware that runs before validation (rate limits, multipart reading). */
  before?: RequestHandler[];
  responses: Record<number, ResponseSpec>;
  handler(context: RequestContext<P, Q, B>): Promise<Reply> | Reply;
}

/** Keeps a route's types together; routes are plain data otherwise (the OpenAPI document reads them). */
export function defineRoute<P, Q, B>(route: RouteDefinition<P, Q, B>): RouteDefinition {
  return route as unknown as RouteDefinition;
}

function parse<T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(value);
  if (!result.success) throw new Problem(where === 'body' ? 422 : 400, `invalid-${where}`, `the request ${where} is not valid`, fieldErrors(where, result.error));
  return result.data;
}

/** The JSON a route validates: the body, or the multipart field `data`; refused when it nests deeper than `depthLimit`. */
function bodyOf(route: RouteDefinition, request: Request, depthLimit: number): unknown {
  const body = route.multipart ? multipartData(request) : request.body;
  // Checked before anything walks it: schemas, Temporal's payload converter and BSON recurse.
  if (nestsDeeperThan(body, depthLimit)) throw new Problem(400, 'json-too-deep', `the request body nests deeper than ${depthLimit} levels of arrays and objects`);
  return body;
}

function multipartData(request: Request): unknown {
  const text = (request.body as Record<string, unknown> | undefined)?.data;
  if (typeof text !== 'string') throw new Problem(422, 'invalid-body', 'the multipart field "data" (JSON) is required', [{ path: 'body.data', message: 'Required' }]);
  try {
    return JSON.parse(text);
  } catch {
    throw new Problem(400, 'malformed-json', 'the multipart field "data" is not valid JSON');
  }
}

export function authorise(access: Access, principal: Principal | undefined): void {
  if (access === 'public') return;
  if (!principal) throw new Problem(401, 'unauthenticated', 'sign in: send Authorization: Bearer <access token>');
  if (access === 'signed-in') return;
  if (!principal.roles.some((role) => access.includes(role))) {
    throw new Problem(403, 'forbidden-role', `this needs one of the roles ${access.join(', ')}`);
  }
}

/**
 * Mounts routes on a router: the access check first (before any upload is read), then the route's
 * own middleware, then params, query and body validated, then the handler. `jsonDepthLimit`: the
 * deepest nesting a JSON body (or multipart `data`) may have.
 */
export function mountRoutes(router: Router, routes: readonly RouteDefinition[], limits: { jsonDepthLimit: number }): void {
  for (const route of routes) {
    const checkAccess: RequestHandler = (_request, response, next) => {
      authorise(route.access, response.locals.principal as Principal | undefined);
      next();
    };
    const handle = async (request: Request, response: Response, next: NextFunction) => {
      try {
        const principal = response.locals.principal as Principal | undefined;
        const params = parse(route.params, request.params, 'params');
        const query = parse(route.query, request.query, 'query');
        const body = route.body || route.multipart ? parse(route.body, bodyOf(route, request, limits.jsonDepthLimit), 'body') : undefined;
        const reply = await route.handler({ request, response, params, query, body, principal: principal! });
        if (reply) {
          for (const [name, value] of Object.entries(reply.headers ?? {})) response.setHeader(name, value);
          if (reply.body === undefined) response.status(reply.status).end();
          else response.status(reply.status).json(reply.body);
        }
      } catch (error) {
        next(error);
      }
    };
    router[route.method](route.path, checkAccess, ...(route.before ?? []), handle);
  }
}
