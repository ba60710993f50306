import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { RequestHandler } from 'express';
import { matchedRoute } from './matched-route.js';

const tracer = trace.getTracer('motcua-api');

/**
 * A server span per request, continuing the caller's trace (W3C `traceparent`) when it sends one; the
 * rest of the request (Temporal client calls, log lines) runs inside it. Named after the matched route
 * (`POST /api/tasks/:taskId/complete`) once the response is sent, so ids never become span names.
 */
export function requestTracing(): RequestHandler {
  return (request, response, next) => {
    const parent = propagation.extract(context.active(), request.headers);
    const span = tracer.startSpan(request.method, { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method } }, parent);
    response.once('finish', () => {
      const route = matchedRoute(request);
      span.updateName(`${request.method} ${route}`);
      span.setAttributes({ 'http.route': route, 'http.response.status_code': response.statusCode });
      if (response.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(trace.setSpan(parent, span), next);
  };
}
