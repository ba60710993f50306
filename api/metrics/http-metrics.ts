import type { Request, RequestHandler } from 'express';
import type { ApiMetrics } from './api-metrics.js';

/** The route template Express matched (`/api/tasks/:taskId`), so raw ids never become label values. */
function routeOf(request: Request): string {
  const template = (request.route as { path?: unknown } | undefined)?.path;
  return typeof template === 'string' ? `${request.baseUrl}${template}` : 'unmatched';
}

/** Times every request from its arrival to the end of its response. */
export function httpMetrics(metrics: ApiMetrics): RequestHandler {
  return (request, response, next) => {
    const stop = metrics.httpRequestDuration.startTimer();
    response.once('finish', () => stop({ method: request.method, route: routeOf(request), status: String(response.statusCode) }));
    next();
  };
}
