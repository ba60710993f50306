import type { RequestHandler } from 'express';
import { matchedRoute } from '../http/matched-route.js';
import type { ApiMetrics } from './api-metrics.js';

/** Times every request from its arrival to the end of its response. */
export function httpMetrics(metrics: ApiMetrics): RequestHandler {
  return (request, response, next) => {
    const stop = metrics.httpRequestDuration.startTimer();
    response.once('finish', () => stop({ method: request.method, route: matchedRoute(request), status: String(response.statusCode) }));
    next();
  };
}
