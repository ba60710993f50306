import type { ClientInterceptors } from '@temporalio/client';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry/lib/client/index.js';

/**
 * The Temporal client's interceptors when tracing is on: each start, Signal, Update and Query gets a
 * client span, and its context travels in the Temporal headers to the workflow's spans.
 */
export function clientTracingInterceptors(): ClientInterceptors {
  return { workflow: [new OpenTelemetryWorkflowClientInterceptor()] };
}
