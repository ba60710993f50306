import { Writable } from 'node:stream';
import { context, propagation, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installTracing, type Tracing } from '../../../scripts/runtime/tracing.js';
import { ApiHarness, receiptForm } from '../api-harness.js';

/** The API's log lines, parsed, as pino writes them. */
class LogLines extends Writable {
  readonly lines: Array<Record<string, unknown>> = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) this.lines.push(JSON.parse(line));
    done();
  }
}

describe('request tracing', () => {
  const exporter = new InMemorySpanExporter();
  const logs = new LogLines();
  let tracing: Tracing;
  let api: ApiHarness;

  beforeAll(async () => {
    tracing = installTracing('motcua-test', new SimpleSpanProcessor(exporter));
    api = await ApiHarness.create({ tracing, logs });
  });
  afterAll(async () => {
    await api.teardown();
    await tracing.shutdown();
    trace.disable();
    context.disable();
    propagation.disable();
  });

  it('follows a task completion in one trace: request, Temporal Update, workflow, the activity that writes the store', async () => {
    const procedureCode = await api.deploySample();
    const dossierId = (await api.submitOnline(procedureCode)).body.dossierId as string;
    const taskId = await api.openTask(dossierId, 'Task_TiepNhan');
    const officer = await api.token('mot-cua');
    await api.request('POST', `/api/tasks/${encodeURIComponent(taskId)}/claim`, { token: officer });
    exporter.reset();
    const linesBefore = logs.lines.length;

    const completed = await api.request('POST', `/api/tasks/${encodeURIComponent(taskId)}/complete`, { token: officer, json: { formData: receiptForm } });
    expect(completed.status).toBe(200);
    // The workflow's spans reach the exporter through a sink after its activation, so after the activity's.
    const finished = (name: string) => exporter.getFinishedSpans().some((span) => span.name === name);
    await expect.poll(() => finished('RunActivity:projectDossier') && finished('StartActivity:projectDossier')).toBe(true);

    const spans = exporter.getFinishedSpans();
    const request = spans.find((span) => span.name === 'POST /api/tasks/:taskId/complete');
    expect(request, spans.map((span) => span.name).join(', ')).toBeDefined();
    expect(request!.attributes).toMatchObject({ 'http.route': '/api/tasks/:taskId/complete', 'http.response.status_code': 200 });
    const { traceId } = request!.spanContext();
    const inTrace = spans.filter((span) => span.spanContext().traceId === traceId);
    const named = (name: string): ReadableSpan => {
      const span = inTrace.find((candidate) => candidate.name === name);
      expect(span, `${name} among ${inTrace.map((candidate) => candidate.name).join(', ')}`).toBeDefined();
      return span!;
    };
    const update = named('StartWorkflowUpdate:completeTask');
    const handled = named('HandleUpdate:completeTask');
    const scheduled = named('StartActivity:projectDossier');
    const written = named('RunActivity:projectDossier');
    // Each a child of the one before: the chain is one trace, not spans that merely share an id.
    const chain = [request!, update, handled, scheduled, written];
    const ids = new Set(inTrace.map((span) => span.spanContext().spanId));
    for (const span of chain.slice(1)) expect(ids.has(span.parentSpanId!), `${span.name}'s parent in the trace`).toBe(true);
    expect(update.parentSpanId).toBe(request!.spanContext().spanId);
    expect(written.parentSpanId).toBe(scheduled.spanContext().spanId);
    expect(ancestors(handled, inTrace)).toContain(update.spanContext().spanId);
    expect(ancestors(scheduled, inTrace)).toContain(handled.spanContext().spanId);
    expect(written.resource.attributes['service.name']).toBe('motcua-test');

    // The request's log line carries its trace.
    const requestLine = logs.lines.slice(linesBefore).find((line) => (line.req as { path?: string } | undefined)?.path?.endsWith('/complete'));
    expect(requestLine).toMatchObject({ traceId, spanId: request!.spanContext().spanId, res: { statusCode: 200 } });
  });
});

/** The span ids from `span`'s parent up to the trace's root. */
function ancestors(span: ReadableSpan, spans: ReadableSpan[]): string[] {
  const byId = new Map(spans.map((candidate) => [candidate.spanContext().spanId, candidate]));
  const found: string[] = [];
  for (let parent = span.parentSpanId; parent; parent = byId.get(parent)?.parentSpanId) found.push(parent);
  return found;
}
