import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { context, propagation, trace } from '@opentelemetry/api';
import { afterEach, describe, expect, it } from 'vitest';
import { tracingFromEnvironment } from '../../../scripts/runtime/tracing.js';

/** An OTLP/HTTP collector stand-in: the paths and body sizes of what it was sent. */
async function collector(): Promise<{ server: Server; endpoint: string; received: Array<{ path: string; bytes: number }> }> {
  const received: Array<{ path: string; bytes: number }> = [];
  const server = createServer((request, response) => {
    let bytes = 0;
    request.on('data', (chunk: Buffer) => (bytes += chunk.length));
    request.on('end', () => {
      received.push({ path: request.url ?? '', bytes });
      response.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

describe('tracing from the environment', () => {
  afterEach(() => {
    delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
    trace.disable();
    context.disable();
    propagation.disable();
  });

  it('registers nothing without OTEL_EXPORTER_OTLP_ENDPOINT: spans are the no-op ones', () => {
    delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
    expect(tracingFromEnvironment('motcua-test')).toBeUndefined();
    const span = trace.getTracer('test').startSpan('nothing');
    expect(span.isRecording()).toBe(false);
    span.end();
  });

  it('sends spans over OTLP/HTTP to the endpoint when it is set', async () => {
    const { server, endpoint, received } = await collector();
    process.env.OTEL_EXPORTER_OTLP_ENDPOINT = endpoint;
    const tracing = tracingFromEnvironment('motcua-test');
    expect(tracing).toBeDefined();
    const span = trace.getTracer('test').startSpan('something');
    expect(span.isRecording()).toBe(true);
    span.end();
    await tracing!.shutdown();
    server.close();
    expect(received).toEqual([{ path: '/v1/traces', bytes: expect.any(Number) }]);
    expect(received[0]!.bytes).toBeGreaterThan(0);
  });
});
