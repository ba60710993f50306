import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import { outageRetryAfterSeconds, unreachableDependency } from './dependency-outage.js';

/**
 * One field-level problem: where (a JSON pointer-like path) and what, in English for developers;
 * `text` in the readers' languages when the API has it (a compiler finding), for the pages to show.
 */
export interface FieldError {
  path: string;
  message: string;
  text?: { vi: string; en: string };
}

/** RFC 9457 problem details, as every error leaves the API. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string(),
    code: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string(), text: z.object({ vi: z.string(), en: z.string() }).optional() })).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details (application/problem+json).' });

export type ProblemDocument = z.infer<typeof problemSchema>;

const titles: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal error',
  503: 'Unavailable',
};

/** A request the API refuses: thrown anywhere in a handler, answered as problem+json. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    /** A short machine-readable slug, also the last segment of `type`. */
    readonly code: string,
    detail: string,
    readonly errors?: FieldError[],
    /** Headers the answer carries besides the document (Retry-After). */
    readonly headers?: Record<string, string>,
  ) {
    super(detail);
  }
}

export const problemTypeBase = 'https://motcua.io/problems/';

export function sendProblem(response: Response, problem: Problem): void {
  const body: ProblemDocument = {
    type: `${problemTypeBase}${problem.code}`,
    title: titles[problem.status] ?? 'Error',
    status: problem.status,
    detail: problem.message,
    instance: response.req.originalUrl.split('?')[0]!,
    code: problem.code,
    ...(problem.errors ? { errors: problem.errors } : {}),
  };
  for (const [name, value] of Object.entries(problem.headers ?? {})) response.setHeader(name, value);
  response.status(problem.status).type('application/problem+json').send(JSON.stringify(body));
}

/** zod issues as field errors: `body.applicant.name: Required`. */
export function fieldErrors(where: string, error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ path: [where, ...issue.path.map(String)].join('.'), message: issue.message }));
}

const multerProblems: Record<string, [number, string]> = {
  LIMIT_FILE_SIZE: [413, 'file-too-large'],
  LIMIT_FILE_COUNT: [413, 'too-many-files'],
  LIMIT_FIELD_VALUE: [413, 'field-too-large'],
  LIMIT_FIELD_COUNT: [400, 'too-many-fields'],
  LIMIT_PART_COUNT: [400, 'too-many-parts'],
  LIMIT_UNEXPECTED_FILE: [400, 'unexpected-file'],
  LIMIT_FIELD_KEY: [400, 'field-name-too-long'],
};

/** Errors from the body parsers and multipart reader, as problems; undefined for anything else. */
function parserProblem(error: unknown): Problem | undefined {
  const { type, code, status } = error as { type?: string; code?: string; status?: number; field?: string };
  if (type === 'entity.parse.failed') return new Problem(400, 'malformed-json', 'the request body is not valid JSON');
  if (type === 'entity.too.large') return new Problem(413, 'body-too-large', 'the request body is larger than the API accepts');
  if (type === 'charset.unsupported' || type === 'encoding.unsupported') return new Problem(415, 'unsupported-encoding', (error as Error).message);
  if (code && code in multerProblems) {
    const [problemStatus, slug] = multerProblems[code]!;
    const field = (error as { field?: string }).field;
    return new Problem(problemStatus, slug, `${(error as Error).message}${field ? ` (${field})` : ''}`);
  }
  if (typeof status === 'number' && status >= 400 && status < 500) return new Problem(status, 'bad-request', (error as Error).message);
  return undefined;
}

/** A store or Temporal server that does not answer, as a 503 to retry later; undefined for anything else. */
function outageProblem(error: unknown): Problem | undefined {
  const retryAfter = { 'Retry-After': String(outageRetryAfterSeconds) };
  switch (unreachableDependency(error)) {
    case 'store':
      return new Problem(503, 'store-unavailable', 'the store does not answer at the moment; retry later', undefined, retryAfter);
    case 'temporal':
      return new Problem(503, 'temporal-unavailable', 'Temporal does not answer at the moment; retry later', undefined, retryAfter);
    default:
      return undefined;
  }
}

/** The last error handler: every error becomes problem+json; unexpected ones are logged, never shown. */
export function problemHandler(logger: Logger): ErrorRequestHandler {
  return (error, request, response, _next) => {
    const log = (request as { log?: Logger }).log ?? logger;
    const problem = error instanceof Problem ? error : parserProblem(error);
    if (problem) return sendProblem(response, problem);
    const outage = outageProblem(error);
    if (outage) {
      log.warn({ code: outage.code, error: (error as Error).message }, 'dependency unavailable');
      return sendProblem(response, outage);
    }
    log.error({ err: error }, 'request failed');
    sendProblem(response, new Problem(500, 'internal-error', 'the request could not be completed; it has been logged'));
  };
}

/** Unknown routes under /api answer 404 problem+json rather than Express's HTML page. */
export const unknownRoute: RequestHandler = (request, response) =>
  sendProblem(response, new Problem(404, 'unknown-route', `no route ${request.method} ${request.path}`));

/** The problem responses a route documents, by status. */
export function problemResponses(...statuses: number[]): Record<number, { description: string; schema: typeof problemSchema }> {
  return Object.fromEntries(statuses.map((status) => [status, { description: titles[status] ?? 'problem', schema: problemSchema }]));
}
