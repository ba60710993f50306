import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import proto from '@temporalio/proto';
import { Resource } from '@opentelemetry/resources';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { Worker, type ReplayWorkerOptions } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { workerTracing } from '../../activities/worker-tracing.js';
import { newestPatch } from '../../workflows/interpreter/patches.js';
import { testDataConverter } from '../support/payload-codec.js';

const historiesDirectory = new URL('./histories/', import.meta.url);

const tracing = workerTracing({ spanProcessor: new SimpleSpanProcessor(new InMemorySpanExporter()), resource: new Resource({}) });
/** The worker as it runs with tracing off, and on: the tracing interceptors must not change a command. */
const workers: Array<[string, Partial<ReplayWorkerOptions>]> = [
  ['untraced', {}],
  ['traced', { interceptors: { workflowModules: tracing.workflowModules }, sinks: tracing.sinks }],
];

/**
 * The interpreter must replay every recorded dossier exactly as it ran: a change that would make a
 * running dossier take another path fails here. Each folder holds the dossiers recorded under one
 * generation of the interpreter, named after the newest patch it asked; after a deliberate, patched
 * change, record a new folder with `npm run record:histories` and keep the old ones. Histories
 * are read with the tests' payload key: those recorded before payloads were encrypted pass through
 * the codec as they are, later ones are decrypted by it.
 */
describe('replay of recorded dossier histories', () => {
  it.each(workers)('replays every history without nondeterminism (%s worker)', async (_name, worker) => {
    const files = (await readdir(historiesDirectory, { recursive: true })).filter((file) => file.endsWith('.json')).sort();
    expect(files.length).toBeGreaterThanOrEqual(40);
    const histories = await Promise.all(
      files.map(async (file) => ({
        workflowId: file.replace(/\.json$/, ''),
        history: proto.temporal.api.history.v1.History.fromObject(JSON.parse(await readFile(new URL(file, historiesDirectory), 'utf8'))),
      })),
    );
    const failures: string[] = [];
    for await (const result of Worker.runReplayHistories({ workflowsPath: fileURLToPath(new URL('../../workflows/index.ts', import.meta.url)), dataConverter: testDataConverter, ...worker }, histories)) {
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    }
    expect(failures).toEqual([]);
  });

  it('holds dossiers recorded under the newest patch', async () => {
    const recorded = await readdir(new URL(`${newestPatch}/`, historiesDirectory)).catch(() => []);
    expect(recorded.filter((file) => file.endsWith('.json')).length, `npm run record:histories for patch ${newestPatch}`).toBeGreaterThanOrEqual(20);
  });
});
