import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

/** This process's traces: where spans go, and the resource that names the process in them. */
export interface Tracing {
  spanProcessor: SpanProcessor;
  resource: Resource;
  /** Sends what is still buffered, then stops. */
  shutdown(): Promise<void>;
}

/**
 * Registers the process's tracer provider (with the async-context manager and W3C propagation)
 * around `spanProcessor`. The service is named by OTEL_SERVICE_NAME, else `defaultServiceName`.
 */
export function installTracing(defaultServiceName: string, spanProcessor: SpanProcessor): Tracing {
  const resource = new Resource({ [ATTR_SERVICE_NAME]: process.env.OTEL_SERVICE_NAME || defaultServiceName });
  const provider = new NodeTracerProvider({ resource, spanProcessors: [spanProcessor] });
  provider.register();
  return { spanProcessor, resource, shutdown: () => provider.shutdown() };
}

/**
 * Traces over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set (the exporter reads it and the other
 * OTEL_EXPORTER_OTLP_* variables itself); otherwise none: no provider is registered, so every span
 * the code opens is the API's no-op one and nothing is kept or sent.
 */
export function tracingFromEnvironment(defaultServiceName: string): Tracing | undefined {
  if (!process.env.OTEL_EXPORTER_OTLP_ENDPOINT) return undefined;
  return installTracing(defaultServiceName, new BatchSpanProcessor(new OTLPTraceExporter()));
}
