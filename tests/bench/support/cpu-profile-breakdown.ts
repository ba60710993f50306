/**
 * Where a completion's CPU goes: V8 CPU profiles (one per thread) cut into the categories of
 * issue 25, in ms per completion and as a share of the sampled time.
 *
 * The rule, one sample at a time:
 * 1. "(idle)" is not CPU time and is left out, and so is a compile thread waiting for work (tinypool's
 *    atomicsWaitLoop, blocked in Atomics.wait); "(garbage collector)" is GC; "(program)" (V8 and
 *    native code outside any JavaScript frame) is other.
 * 2. Otherwise the stack is walked from the innermost frame outwards and the first frame that names
 *    a category decides. Frames of Node's internals (streams, timers, crypto, JSON…), of the engine/
 *    and of libraries not named below name none, so they count for whoever called them: node:crypto
 *    under the payload codec is encryption, under jose it is auth; protobufjs under the client is the
 *    Update round trip.
 * 3. A stack where no frame names a category is other.
 * Innermost wins: an audit write spends its time in mongoose and counts as mongoose; an activity's
 * own code counts as the projection write, the store calls it makes count as mongoose.
 *
 * A sample weighs the interval until the next one (V8's timeDeltas[i + 1], in µs): the first delta,
 * from the start of profiling, holds the profiler's own start-up (hundreds of ms on a large heap),
 * and the last sample, with no next one, weighs nothing.
 */
import type { Profiler } from 'node:inspector';

export const categories = {
  route: 'route handling (node:http, express, api/ routes)',
  validation: 'validation (zod)',
  auth: 'auth (api/auth, jose)',
  store: 'mongoose / driver / bson (store/)',
  audit: 'audit (api/audit, engine/audit)',
  update: 'Update round trip (@temporalio/client, grpc, api/temporal)',
  workflow: 'workflow task (workflows/, @temporalio/workflow and worker, core-bridge)',
  activities: 'projection write (activities/)',
  encryption: 'payload encryption (payload-codec)',
  logging: 'logging (pino)',
  gc: 'GC',
  bench: 'the bench itself (tests/bench: officers, /proc reads; fetch)',
  other: 'other',
} as const;

export type Category = keyof typeof categories;

/** Packages that name a category; any other package counts for its caller. */
const packageCategories = new Map<string, Category>(Object.entries({
  express: 'route',
  router: 'route',
  zod: 'validation',
  jose: 'auth',
  mongoose: 'store',
  mongodb: 'store',
  bson: 'store',
  kareem: 'store',
  mquery: 'store',
  mpath: 'store',
  sift: 'store',
  '@temporalio/client': 'update',
  '@grpc/grpc-js': 'update',
  '@temporalio/workflow': 'workflow',
  '@temporalio/worker': 'workflow',
  '@temporalio/core-bridge': 'workflow',
  rxjs: 'workflow',
  pino: 'logging',
  'pino-http': 'logging',
  'pino-std-serializers': 'logging',
  'sonic-boom': 'logging',
  autocannon: 'bench',
} satisfies Record<string, Category>));

/**
 * Frames that decide a sample by themselves, not inherited by the frames they call: V8's
 * pseudo-frames, and tinypool's idle compile threads, which block in Atomics.wait inside
 * atomicsWaitLoop and are sampled there as if running.
 */
function ownCategory({ functionName, url }: Profiler.ProfileNode['callFrame']): Category | 'idle' | undefined {
  if (functionName === '(idle)') return 'idle';
  if (functionName === '(garbage collector)') return 'gc';
  if (functionName === '(program)') return 'other';
  if (functionName === 'atomicsWaitLoop' && url.includes('/node_modules/tinypool/')) return 'idle';
  return undefined;
}

/** Folders of the project (paths from its root) that name a category, the more specific first. */
const projectCategories: Array<[prefix: string, category: Category]> = [
  ['tests/bench/', 'bench'],
  ['api/auth/', 'auth'],
  ['api/audit/', 'audit'],
  ['engine/audit/', 'audit'],
  ['api/temporal/', 'update'],
  ['api/', 'route'],
  ['store/', 'store'],
  ['workflows/', 'workflow'],
  // The worker's webpack bundle of workflows/, written at the project root.
  ['workflow-bundle-', 'workflow'],
  ['activities/', 'activities'],
  ['scripts/runtime/payload-codec', 'encryption'],
];

/** Node's own modules that name a category: its HTTP server, and fetch (only the bench's officers fetch). */
const nodeCategories: Array<[prefix: string, category: Category]> = [
  ['node:_http_', 'route'],
  ['node:internal/deps/undici/', 'bench'],
];

/** The category a frame's script names, or undefined when it counts for its caller. */
export function categoryOfUrl(url: string, projectRoot: string): Category | undefined {
  const inModules = url.lastIndexOf('/node_modules/');
  if (inModules >= 0) {
    const [scope, name, ...rest] = url.slice(inModules + '/node_modules/'.length).split('/');
    if (scope === '@temporalio' && name === 'worker' && rest.join('/').startsWith('lib/activity')) return 'activities';
    return packageCategories.get(scope!.startsWith('@') ? `${scope}/${name}` : scope!);
  }
  if (url.startsWith(projectRoot)) {
    const path = url.slice(projectRoot.length);
    return projectCategories.find(([prefix]) => path.startsWith(prefix))?.[1];
  }
  return nodeCategories.find(([prefix]) => url.startsWith(prefix))?.[1];
}

export interface ThreadProfile {
  /** The thread's name in the printout ("main", "worker 1"…). */
  thread: string;
  profile: Profiler.Profile;
}

export interface BreakdownRow {
  category: Category;
  label: string;
  msPerCompletion: number;
  /** Share of the sampled (non-idle) time, 0…1. */
  share: number;
}

export interface Breakdown {
  rows: BreakdownRow[];
  /** Sampled (non-idle) ms per completion, all threads. */
  sampledMsPerCompletion: number;
  threads: Array<{ thread: string; msPerCompletion: number }>;
  /** The innermost frames of "other", the heaviest first (at most five), to tell what it holds. */
  otherFrames: Array<{ frame: string; msPerCompletion: number }>;
}

/** Each node's category under the rule above ('idle' for idle), from the root down. */
function categoriesOfNodes(profile: Profiler.Profile, projectRoot: string): Map<number, Category | 'idle'> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  // The category the stack names from this frame outwards.
  const named = new Map<number, Category | undefined>();
  const nameOf = (id: number): Category | undefined => {
    if (named.has(id)) return named.get(id);
    const parent = parentOf.get(id);
    const category = categoryOfUrl(byId.get(id)!.callFrame.url, projectRoot) ?? (parent === undefined ? undefined : nameOf(parent));
    named.set(id, category);
    return category;
  };
  return new Map(profile.nodes.map((node) => [node.id, ownCategory(node.callFrame) ?? nameOf(node.id) ?? 'other']));
}

/** The profiles' sampled time per completion, by category (all categories, in the order above). */
export function cpuBreakdown(profiles: ThreadProfile[], completions: number, projectRoot: string): Breakdown {
  const micros = new Map<Category, number>(Object.keys(categories).map((category) => [category as Category, 0]));
  const threads: Breakdown['threads'] = [];
  const other = new Map<string, number>();
  for (const { thread, profile } of profiles) {
    const categoryOf = categoriesOfNodes(profile, projectRoot);
    const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
    let threadMicros = 0;
    profile.samples?.forEach((id, at) => {
      const category = categoryOf.get(id)!;
      const weight = Math.max(0, profile.timeDeltas?.[at + 1] ?? 0);
      if (category === 'idle' || weight === 0) return;
      micros.set(category, micros.get(category)! + weight);
      threadMicros += weight;
      if (category === 'other') {
        const { functionName, url } = frames.get(id)!;
        const frame = `${functionName || '(anonymous)'} ${url.startsWith(projectRoot) ? url.slice(projectRoot.length) : url}`.trim();
        other.set(frame, (other.get(frame) ?? 0) + weight);
      }
    });
    threads.push({ thread, msPerCompletion: threadMicros / 1000 / completions });
  }
  const sampled = [...micros.values()].reduce((sum, value) => sum + value, 0);
  return {
    rows: [...micros].map(([category, value]) => ({ category, label: categories[category], msPerCompletion: value / 1000 / completions, share: sampled === 0 ? 0 : value / sampled })),
    sampledMsPerCompletion: sampled / 1000 / completions,
    threads,
    otherFrames: [...other]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([frame, value]) => ({ frame, msPerCompletion: value / 1000 / completions })),
  };
}

/** The breakdown as printed lines: one row per category, the total, the threads and what "other" holds. */
export function breakdownLines(breakdown: Breakdown): string[] {
  const width = Math.max(...breakdown.rows.map((row) => row.label.length));
  const line = (label: string, ms: number, share?: number) => `  ${label.padEnd(width)}  ${ms.toFixed(2).padStart(7)} ms${share === undefined ? '' : `  ${(share * 100).toFixed(1).padStart(5)} %`}`;
  return [
    ...breakdown.rows.map((row) => line(row.label, row.msPerCompletion, row.share)),
    line('sampled CPU (idle excluded)', breakdown.sampledMsPerCompletion, 1),
    `  by thread: ${breakdown.threads.map(({ thread, msPerCompletion }) => `${thread} ${msPerCompletion.toFixed(2)} ms`).join(', ')}`,
    ...(breakdown.otherFrames.length === 0 ? [] : [`  heaviest in other: ${breakdown.otherFrames.map(({ frame, msPerCompletion }) => `${frame} ${msPerCompletion.toFixed(2)} ms`).join('; ')}`]),
  ];
}
