import type { Request } from 'express';

/** The route template Express matched (`/api/tasks/:taskId`), so raw ids never become label values or span names. */
export function matchedRoute(request: Request): string {
  const template = (request.route as { path?: unknown } | undefined)?.path;
  return typeof template === 'string' ? `${request.baseUrl}${template}` : 'unmatched';
}
