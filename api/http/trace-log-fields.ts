import { trace } from '@opentelemetry/api';

/**
 * The pino mixin that puts the active span's trace and span ids on each log line, so a request's lines
 * and its trace find each other. No span (tracing off, or outside a request): no fields.
 */
export function traceLogFields(): { traceId?: string; spanId?: string } {
  const span = trace.getActiveSpan();
  if (!span) return {};
  const { traceId, spanId } = span.spanContext();
  return { traceId, spanId };
}
