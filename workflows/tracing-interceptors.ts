// The workflow interceptors the worker loads when tracing is on (WorkerOptions.interceptors.workflowModules):
// a span for the run, each Update, Signal and Query handled, and each activity scheduled, linked to the
// caller's span through the Temporal headers. They add no command, so histories replay as before.
import {
  OpenTelemetryInboundInterceptor,
  OpenTelemetryInternalsInterceptor,
  OpenTelemetryOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry/lib/workflow/index.js';
import type { WorkflowInterceptors } from '@temporalio/workflow';

export const interceptors = (): WorkflowInterceptors => ({
  inbound: [new OpenTelemetryInboundInterceptor()],
  outbound: [new OpenTelemetryOutboundInterceptor()],
  internals: [new OpenTelemetryInternalsInterceptor()],
});
