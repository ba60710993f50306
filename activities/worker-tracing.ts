import { fileURLToPath } from 'node:url';
import type { Resource } from '@opentelemetry/resources';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry/lib/worker/index.js';
import type { ActivityInterceptorsFactory, InjectedSinks } from '@temporalio/worker';
import type { OpenTelemetrySinks } from '@temporalio/interceptors-opentelemetry/lib/workflow/definitions.js';

/** Where the worker's spans go (the process's tracer provider takes the activities' spans itself). */
export interface WorkerTracingTarget {
  spanProcessor: SpanProcessor;
  resource: Resource;
}

/** What a worker adds to trace its workflows and activities, each span a child of the caller's. */
export interface WorkerTracing {
  workflowModules: string[];
  activityInterceptor: ActivityInterceptorsFactory;
  /** Workflow spans leave the sandbox through this sink, to `target`'s span processor. */
  sinks: InjectedSinks<OpenTelemetrySinks>;
}

export function workerTracing(target: WorkerTracingTarget): WorkerTracing {
  return {
    workflowModules: [fileURLToPath(new URL('../workflows/tracing-interceptors.ts', import.meta.url))],
    activityInterceptor: (context) => ({
      inbound: new OpenTelemetryActivityInboundInterceptor(context),
      outbound: new OpenTelemetryActivityOutboundInterceptor(context),
    }),
    sinks: { exporter: makeWorkflowExporter(target.spanProcessor, target.resource) },
  };
}
