import type { Profiler } from 'node:inspector';
import { describe, expect, it } from 'vitest';
import { breakdownLines, categoryOfUrl, cpuBreakdown, type Category } from './cpu-profile-breakdown.js';

const root = 'file:///repo/';

/**
 * A profile from a tree of frames `[id, functionName, url, parentId]` and samples `[nodeId, µs until
 * the next sample]`, as V8 writes it: the first delta is the profiler's start-up (a second here,
 * which must not count), and a last sample closes the interval of the one before.
 */
function profileOf(frames: Array<[number, string, string, number?]>, samples: Array<[number, number]>): Profiler.Profile {
  const deltas = [1_000_000, ...samples.map(([, micros]) => micros)];
  return {
    nodes: frames.map(([id, functionName, url]) => ({
      id,
      callFrame: { functionName, url, scriptId: '0', lineNumber: 0, columnNumber: 0 },
      children: frames.filter((frame) => frame[3] === id).map(([child]) => child),
    })),
    startTime: 0,
    endTime: deltas.reduce((sum, delta) => sum + delta, 0),
    samples: [...samples.map(([id]) => id), frames[0]![0]],
    timeDeltas: deltas,
  };
}

const main = profileOf(
  [
    [1, '(root)', ''],
    [2, '(idle)', '', 1],
    [3, '(garbage collector)', '', 1],
    [4, '(program)', '', 1],
    [5, 'completeTask', `${root}api/tasks/task-routes.ts`, 1],
    [6, 'parse', `${root}node_modules/zod/lib/types.js`, 5],
    [7, 'parse', '', 6],
    [8, 'serialize', '/work/main/node_modules/bson/lib/bson.cjs', 5],
    [9, 'encode', `${root}scripts/runtime/payload-codec.ts`, 5],
    [10, 'randomBytes', 'node:internal/crypto/random', 9],
    [11, 'processTicksAndRejections', 'node:internal/process/task_queues', 1],
    [12, 'atomicsWaitLoop', `${root}node_modules/tinypool/dist/entry/worker.js`, 1],
    [13, 'compile', `${root}api/compilation/compile-worker.ts`, 12],
    [14, 'trace', `${root}node_modules/@opentelemetry/api/build/src/api/trace.js`, 1],
  ],
  [
    [2, 5_000],
    [3, 1_000],
    [4, 500],
    [5, 2_000],
    [7, 3_000],
    [8, 4_000],
    [10, 1_500],
    [11, 700],
    [12, 8_000],
    [13, 600],
    [14, 200],
  ],
);

const workflowThread = profileOf(
  [
    [1, '(root)', ''],
    [2, 'activate', `${root}workflow-bundle-79dc0a7f.js`, 1],
    [3, '', 'evalmachine.<anonymous>', 2],
    [4, '(idle)', '', 1],
  ],
  [
    [3, 1_000],
    [4, 9_000],
  ],
);

describe('cpuBreakdown', () => {
  const breakdown = cpuBreakdown(
    [
      { thread: 'main', profile: main },
      { thread: 'worker 1', profile: workflowThread },
    ],
    2,
    root,
  );
  const row = (category: Category) => breakdown.rows.find((candidate) => candidate.category === category)!;

  it('places each sample by the innermost frame that names a category, in ms per completion', () => {
    expect(row('route').msPerCompletion).toBeCloseTo(1.3); // the route's own 2 ms and the compile thread's 0.6 ms
    expect(row('validation').msPerCompletion).toBeCloseTo(1.5); // a builtin called by zod
    expect(row('store').msPerCompletion).toBeCloseTo(2);
    expect(row('encryption').msPerCompletion).toBeCloseTo(0.75); // node:crypto under the payload codec
    expect(row('workflow').msPerCompletion).toBeCloseTo(0.5); // the VM's script under the workflow bundle
    expect(row('gc').msPerCompletion).toBeCloseTo(0.5);
    expect(row('other').msPerCompletion).toBeCloseTo(0.7); // (program), Node's task queue, and a package's api/ folder
    expect(row('auth').msPerCompletion).toBe(0);
  });

  it('leaves idle time and a compile thread waiting in Atomics.wait out of the sampled time', () => {
    expect(breakdown.sampledMsPerCompletion).toBeCloseTo(7.25);
    expect(row('route').share).toBeCloseTo(2.6 / 14.5);
    expect(breakdown.rows.reduce((sum, { share }) => sum + share, 0)).toBeCloseTo(1);
    expect(breakdown.threads).toEqual([
      { thread: 'main', msPerCompletion: 6.75 },
      { thread: 'worker 1', msPerCompletion: 0.5 },
    ]);
  });

  it('names the heaviest innermost frames of other', () => {
    expect(breakdown.otherFrames.map(({ frame }) => frame)).toEqual(['processTicksAndRejections node:internal/process/task_queues', '(program)', 'trace node_modules/@opentelemetry/api/build/src/api/trace.js']);
  });

  it('prints one line per category, then the total and the threads', () => {
    const lines = breakdownLines(breakdown);
    expect(lines[0]).toMatch(/^ {2}route handling .* 1\.30 ms {3}17\.9 %$/);
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}sampled CPU \(idle excluded\) +7\.25 ms {2}100\.0 %$/));
    expect(lines).toContain('  by thread: main 6.75 ms, worker 1 0.50 ms');
  });
});

describe('categoryOfUrl', () => {
  it.each([
    ['file:///repo/node_modules/@temporalio/worker/lib/activity.js', 'activities'],
    ['file:///repo/node_modules/@temporalio/worker/lib/workflow/vm-shared.js', 'workflow'],
    ['file:///repo/node_modules/@temporalio/client/lib/workflow-client.js', 'update'],
    ['file:///repo/api/auth/tokens.ts', 'auth'],
    ['file:///repo/engine/audit/audit-chain.ts', 'audit'],
    ['file:///repo/tests/bench/api.ts', 'bench'],
    ['node:internal/deps/undici/undici', 'bench'],
    ['node:_http_server', 'route'],
    ['file:///repo/node_modules/pino/lib/proto.js', 'logging'],
  ] as const)('%s is %s', (url, category) => {
    expect(categoryOfUrl(url, root)).toBe(category);
  });

  it('names nothing for engine/, Node internals and other packages, which count for their caller', () => {
    expect(categoryOfUrl('file:///repo/engine/feel/evaluate.ts', root)).toBeUndefined();
    expect(categoryOfUrl('node:internal/streams/readable', root)).toBeUndefined();
    expect(categoryOfUrl('file:///repo/node_modules/protobufjs/src/type.js', root)).toBeUndefined();
  });
});
