/**
 * `npm run bench:api [-- --open=100000 --closed=1000000 --dossiers=400 --seconds=20 --officers=20 --pause=2000 --profile[=150]]`:
 * the worklist listing with `open` open and `closed` closed tasks in the store, and task completion
 * through the Update, each at 20 concurrent officers (or `officers`) on loopback: half the dossiers
 * completed with each officer pausing `pause` ms after a completion, the other half without pause.
 * Prints p50/p95/p99 and throughput beside the targets (worklist p95 ≤ 50 ms, completion p99 ≤
 * 150 ms), with the machine and the store. Before that, how long the worklist takes to load from
 * the store, to write its snapshot, and to load again as a restarted API process does (from the
 * snapshot and a round of announcements after it).
 * With `--compile-load` the listing is measured twice, idle and then while a reformer compiles a
 * 5,000-node model in a loop through the API (preview), and both p95 are printed side by side with
 * their ratio (target ≤ 1.5×).
 * Starts its own Temporal dev server and FerretDB (or uses TEMPORAL_ADDRESS / MONGODB_URI), or with
 * `--stack=cluster` `npm run cluster`'s topology, whose Temporal server and store it then runs on.
 * With `--profile` both completion runs are recorded with V8's CPU profiler on every JavaScript
 * thread of this process (the API, the worker, its workflow thread, the officers), and the sampled
 * time per completion is printed by category (support/cpu-profile-breakdown.ts says how a sample
 * is placed). Either way the CPU per completion of this process and of each server it started is printed.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { pino } from 'pino';
import { createActivities } from '../../activities/index.js';
import { installWorkerRuntime } from '../../activities/worker.js';
import { SessionRevocations } from '../../api/auth/session-revocations.js';
import { createApp } from '../../api/app.js';
import { traceLogFields } from '../../api/http/trace-log-fields.js';
import { gridFsStorage } from '../../api/attachments/gridfs-storage.js';
import { hashPassword } from '../../api/auth/passwords.js';
import { TokenService } from '../../api/auth/tokens.js';
import { listen } from '../../api/http-server.js';
import { CompilePool } from '../../api/compilation/compile-pool.js';
import { createApiMetrics } from '../../api/metrics/api-metrics.js';
import { EventHub } from '../../api/monitoring/event-hub.js';
import { LiveWorklist, worklistSnapshotEvery } from '../../api/tasks/live-worklist.js';
import { taskChangeAnnouncer } from '../../store/tasks/task-change-model.js';
import { seedDemo } from '../../api/org/demo-seed.js';
import { defaultApiSettings } from '../../api/settings.js';
import { createApiStore } from '../../api/api-store.js';
import { loadCalendar } from '../../scripts/calendar/calendar-files.js';
import { EncryptionCodec, keyringOf } from '../../scripts/runtime/payload-codec.js';
import { connectStore } from '../../store/connection.js';
import { startBenchRuntime, storeUriFor } from './support/bench-runtime.js';
import { breakdownLines, cpuBreakdown } from './support/cpu-profile-breakdown.js';
import { processTreeCpuSeconds } from './support/process-cpu.js';
import { startThreadProfiles } from './support/thread-profiles.js';
import { generateProcedure } from './support/generated-procedure.js';
import { stack, startBenchCluster } from './support/bench-cluster.js';
import { runToExit } from '../support/run-to-exit.js';

const argument = (name: string, fallback: number) => Number(process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const openTasks = argument('open', 100_000);
const closedTasks = argument('closed', 1_000_000);
const dossierCount = argument('dossiers', 400);
const seconds = argument('seconds', 20);
/**
 * Each officer's pause between two completions in the first completion run (ms): far quicker than
 * an officer filling a step's form, still leaving the machine room (the second run has no pause).
 */
const pause = argument('pause', 2_000);
const officers = argument('officers', 20);
const compileLoad = process.argv.includes('--compile-load');
/** `--profile` samples every 150 µs, `--profile=1000` every 1,000 µs (the profiler's own cost falls with the rate). */
const profileFlag = process.argv.find((arg) => arg === '--profile' || arg.startsWith('--profile='));
const profileInterval = profileFlag === undefined ? undefined : Number(profileFlag.split('=')[1] ?? 150);
const units = 10;

function percentile(sorted: number[], share: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

const ms = (value: number) => `${Number.isFinite(value) ? value.toFixed(1) : '—'} ms`;

async function main(): Promise<void> {
  installWorkerRuntime('WARN');
  // On the cluster the benchmark's own API and worker run on its Temporal server and its FerretDB on PostgreSQL.
  const { runtime, settings, stop } =
    stack === 'cluster'
      ? await startBenchCluster().then(({ topology, settings, stop }) => ({ runtime: { temporalAddress: topology.temporalAddress, mongodbUri: topology.mongodbUri }, settings, stop }))
      : await startBenchRuntime('api');
  const connection = await connectStore(storeUriFor(runtime, 'motcua-bench-api'));
  const clientConnection = await Connection.connect({ address: runtime.temporalAddress });
  const nativeConnection = await NativeConnection.connect({ address: runtime.temporalAddress });
  const taskQueue = 'bench-api';
  // Payloads encrypted as npm start's are, with a key of this run.
  const payloadCodec = new EncryptionCodec(keyringOf([{ id: 'bench', key: new Uint8Array(randomBytes(32)) }]));
  const dataConverter = { payloadCodecs: [payloadCodec] };
  try {
    const store = createApiStore(connection);
    await store.ensureIndexes();
    await seedDemo(store);
    const passwordHash = await hashPassword('bench');
    const base = { passwordHash, disabled: false, createdAt: new Date(), agencyId: 'ubnd-xa', roles: ['officer' as const] };
    await store.users.insertMany([
      ...Array.from({ length: officers }, (_, i) => ({ _id: `kv-${i}`, username: `kv-${i}`, name: `Chuyên viên ${i}`, positions: ['chuyen-vien'], units: [`don-vi-${i % units}`], ...base })),
      ...Array.from({ length: officers }, (_, i) => ({ _id: `mc-${i}`, username: `mc-${i}`, name: `Một cửa ${i}`, positions: ['can-bo-mot-cua'], units: ['bo-phan-mot-cua'], ...base })),
    ]);

    const worker = await Worker.create({
      connection: nativeConnection,
      namespace: settings.namespace,
      taskQueue,
      workflowsPath: fileURLToPath(new URL('../../workflows/index.ts', import.meta.url)),
      activities: createActivities(store),
      dataConverter,
      maxConcurrentWorkflowTaskExecutions: settings.worker.maxConcurrentWorkflowTaskExecutions,
      maxConcurrentActivityTaskExecutions: settings.worker.maxConcurrentActivityTaskExecutions,
    });
    const workerRun = worker.run();
    const revocations = new SessionRevocations(store.sessionRevocations, 3600 * 1000);
    const tokens = new TokenService({ secret: new TextEncoder().encode('bench-secret-bench-secret-bench-secret'), issuer: 'motcua', accessTtlSeconds: 3600, revocations, refreshTtlSeconds: 3600 });
    const events = new EventHub();
    // As the product logs: with the trace ids' mixin (tracing is off here, no OTLP endpoint).
    const logger = pino({ level: 'warn', mixin: traceLogFields });
    const worklist = new LiveWorklist(store, logger);
    const compiler = new CompilePool();
    const app = createApp({
      probes: [],
      api: {
        store,
        temporal: { client: new Client({ connection: clientConnection, namespace: settings.namespace, dataConverter }), taskQueue, searchAttributes: true, payloadCodec },
        tokens,
        revocations,
        verifier: tokens,
        attachments: gridFsStorage(connection.db!),
        loadCalendar: async (id) => (await loadCalendar(id)).data,
        settings: { ...defaultApiSettings, rateLimits: { auth: { windowMs: 60_000, limit: 10_000 }, intake: { windowMs: 60_000, limit: 100_000 } } },
        logger,
        events,
        worklist,
        compiler,
        metrics: createApiMetrics(),
      },
    });
    const server = await listen(app, 0, '127.0.0.1');
    const login = async (username: string, password = 'bench') =>
      ((await (await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) })).json()) as { accessToken: string }).accessToken;

    console.log(`MotCua API benchmark — ${os.cpus().length} cores (${os.cpus()[0]?.model}), load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; store ${stack === 'cluster' ? 'FerretDB 1.24 on PostgreSQL, Temporal server cluster' : runtime.mongodbUri.startsWith('mongodb://127.0.0.1') && !process.env.MONGODB_URI ? 'FerretDB 1.24 (SQLite)' : 'external MongoDB'}`);

    // ── The worklist: `open` + `closed` tasks, officers spread over 10 units ─────────────────────
    const started = Date.now();
    const batch = 5_000;
    const due0 = Date.now() + 86_400_000;
    for (let offset = 0; offset < openTasks + closedTasks; offset += batch) {
      const documents = [];
      for (let i = offset; i < Math.min(openTasks + closedTasks, offset + batch); i++) {
        const open = i < openTasks;
        documents.push({
          _id: `BENCH-${i}/Task_ThamDinh/1`, dossierId: `BENCH-${i}`, procedureCode: 'bench', agencyId: 'ubnd-xa', elementId: 'Task_ThamDinh', name: 'Thẩm định hồ sơ', kind: 'step',
          candidateRole: 'chuyen-vien', candidateUnit: `don-vi-${i % units}`, status: open ? 'open' : 'completed', ...(open ? {} : { assignee: `kv-${i % officers}`, completedAt: new Date(), completedBy: `kv-${i % officers}` }),
          form: [{ key: 'ghiChu', label: 'Ghi chú', type: 'text', required: false }], outcomes: [], createdAt: new Date(), dueAt: new Date(due0 + ((i * 7919) % 1_000_000_000)), overdue: false, escalationLevel: 0, sequence: 1,
        });
      }
      await store.tasks.collection.insertMany(documents as never[], { ordered: false });
      if ((offset / batch) % 20 === 0) console.log(`  seeded ${Math.min(offset + batch, openTasks + closedTasks).toLocaleString('en')} tasks (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
    console.log(`Seeded ${openTasks.toLocaleString('en')} open and ${closedTasks.toLocaleString('en')} closed tasks in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const loadStart = performance.now();
    await worklist.refresh();
    console.log(`Worklist loaded into memory in ${((performance.now() - loadStart) / 1000).toFixed(1)} s; heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`);
    const snapshotStart = performance.now();
    await worklist.snapshotWritten;
    console.log(`Worklist snapshot written in ${((performance.now() - snapshotStart) / 1000).toFixed(1)} s`);
    /** How long a restarted API process's worklist takes to be ready for its first page. */
    const restart = async (heading: string) => {
      const restartStart = performance.now();
      await new LiveWorklist(store, logger).refresh();
      console.log(`Worklist ready after a restart, ${heading}, in ${((performance.now() - restartStart) / 1000).toFixed(2)} s`);
    };
    await restart('just after the snapshot');
    // The worst moment: a round of announcements short of the next snapshot to catch up on.
    const announce = taskChangeAnnouncer(store);
    const announced = worklistSnapshotEvery - 1;
    for (let n = 0; n < announced; n += 16) {
      await Promise.all(Array.from({ length: Math.min(16, announced - n) }, (_, k) => announce({ dossierId: `BENCH-${n + k}`, taskIds: [`BENCH-${(n + k) % Math.max(1, openTasks + closedTasks)}/Task_ThamDinh/1`] })));
    }
    await restart(`${announced.toLocaleString('en')} announcements after the snapshot`);
    await worklist.refresh();

    // The officers' requests come from a thread of their own, as from other machines, not from the API's.
    process.env.MOTCUA_BENCH_TOKENS = JSON.stringify(await Promise.all(Array.from({ length: officers }, (_, i) => login(`kv-${i}`))));
    /** The officers list their unit's tasks for `seconds`; prints and returns the p95 (between autocannon's p90 and p97.5). */
    async function measureListing(heading: string): Promise<number> {
      const listing = await autocannon({
        url: `${server.url}/api/tasks?view=unit&limit=50`,
        connections: officers,
        duration: seconds,
        timeout: Math.max(30, seconds),
        workers: 1,
        // In workers mode autocannon takes the module's path (its types know only the function).
        setupClient: fileURLToPath(new URL('./support/officer-client.cjs', import.meta.url)) as never,
      });
      console.log(`\nWorklist listing (GET /api/tasks?view=unit, ${officers} officers, ${seconds} s${heading}): ${listing.requests.total} requests, ${listing.non2xx} non-2xx, ${listing.errors} errors, ${listing.timeouts} timeouts`);
      const latency = listing.latency as unknown as Record<string, number>;
      // autocannon's histogram has no p95; it lies between its p90 and p97.5.
      console.log(`  p50 ${ms(latency.p50!)}  p95 between p90 ${ms(latency.p90!)} and p97.5 ${ms(latency.p97_5!)}  p99 ${ms(latency.p99!)}  throughput ${listing.requests.average.toFixed(1)} req/s   target p95 ≤ 50 ms`);
      return (latency.p90! + latency.p97_5!) / 2;
    }

    const xml = await readFile(new URL('../../engine/samples/household-business-registration.bpmn', import.meta.url), 'utf8');
    const [reformer, admin, reception] = await Promise.all([login('reformer', 'motcua-demo'), login('admin', 'motcua-demo'), login('mc-0')]);
    const post = (url: string, token: string, init: RequestInit) => fetch(`${server.url}${url}`, { method: 'POST', ...init, headers: { Authorization: `Bearer ${token}`, ...init.headers } });
    await post('/api/procedures', reformer, { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ xml }) });

    const idleP95 = await measureListing('');
    if (compileLoad) {
      // A reformer previews a 5,000-node model again and again while the officers list.
      const preview = JSON.stringify({ xml: generateProcedure(5_000).xml });
      let compiling = true;
      const compiles: number[] = [];
      const reformerLoop = (async () => {
        while (compiling) {
          const t0 = performance.now();
          const response = await post('/api/procedures/dang-ky-ho-kinh-doanh/preview', reformer, { headers: { 'Content-Type': 'application/json' }, body: preview });
          await response.arrayBuffer();
          if (response.status !== 200) throw new Error(`preview answered ${response.status}`);
          compiles.push(performance.now() - t0);
        }
      })();
      const loadedP95 = await measureListing(', a reformer compiling a 5,000-node model in a loop');
      compiling = false;
      await reformerLoop;
      compiles.sort((a, b) => a - b);
      console.log(`  ${compiles.length} compiles of the 5,000-node model meanwhile, median ${ms(percentile(compiles, 0.5))}`);
      console.log(`\nListing p95 idle ${ms(idleP95)} | while compiling ${ms(loadedP95)} | ratio ${(loadedP95 / idleP95).toFixed(2)}×   target ≤ 1.5× (p95 as the midpoint of p90 and p97.5)`);
    }

    // ── Completion through the Update: dossiers received in person, 20 one-stop officers ─────────
    await post('/api/procedures/dang-ky-ho-kinh-doanh/deploy', admin, {});
    const dossiers: string[] = [];
    for (let i = 0; i < dossierCount; i++) {
      const form = new FormData();
      form.append('data', JSON.stringify({ procedureCode: 'dang-ky-ho-kinh-doanh', channel: 'in-person', applicant: { name: `Người nộp ${i}` } }));
      dossiers.push(((await (await post('/api/dossiers', reception, { body: form })).json()) as { dossierId: string }).dossierId);
    }
    const taskIds: string[] = [];
    for (const dossierId of dossiers) {
      for (let attempt = 0; attempt < 600; attempt++) {
        const task = await store.tasks.findOne({ _id: `${dossierId}/Task_TiepNhan/1` }, { _id: 1 }).lean();
        if (task) {
          taskIds.push(task._id);
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    const completers = await Promise.all(Array.from({ length: officers }, (_, i) => login(`mc-${i}`)));
    const formData = { hoTen: 'A', soDinhDanh: '1', tenHoKinhDoanh: 'B', nganhNghe: 'C', vonKinhDoanh: 1, giayDeNghi: 'x' };

    /** The officers complete `tasks` between them, each pausing `pauseMs` after every completion. */
    async function completeAll(tasks: string[], pauseMs: number, heading: string, footnote: string): Promise<void> {
      const latencies: number[] = [];
      let failures = 0;
      const queue = [...tasks];
      const started = performance.now();
      await Promise.all(
        completers.map(async (token, officer) => {
          // Officers who pause do not act in step: each starts a share of the pause after the one before.
          await new Promise((resolve) => setTimeout(resolve, (pauseMs * officer) / officers));
          for (let taskId = queue.shift(); taskId; taskId = queue.shift()) {
            const t0 = performance.now();
            const response = await post(`/api/tasks/${encodeURIComponent(taskId)}/complete`, token, { headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'bench' }, body: JSON.stringify({ formData }) });
            await response.arrayBuffer();
            latencies.push(performance.now() - t0);
            if (response.status !== 200) failures += 1;
            if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
          }
        }),
      );
      const elapsed = (performance.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      console.log(`\nCompletion (POST /api/tasks/:id/complete → completeTask Update), ${heading}: ${latencies.length} completions, ${failures} failed`);
      console.log(`  p50 ${ms(percentile(latencies, 0.5))}  p95 ${ms(percentile(latencies, 0.95))}  p99 ${ms(percentile(latencies, 0.99))}  throughput ${(latencies.length / elapsed).toFixed(1)} completions/s   ${footnote}`);
    }

    const half = Math.ceil(taskIds.length / 2);
    const recording = profileInterval === undefined ? undefined : await startThreadProfiles(profileInterval);
    const cpuBefore = await processTreeCpuSeconds(process.pid, 'node');
    await completeAll(taskIds.slice(0, half), pause, `${officers} officers, each completing a step every ${(pause / 1000).toFixed(1)} s at most`, 'target p99 ≤ 150 ms');
    await completeAll(taskIds.slice(half), 0, `${officers} officers without pause (the machine's capacity)`, 'target p99 ≤ 150 ms (each waits behind the others in flight)');
    const cpuAfter = await processTreeCpuSeconds(process.pid, 'node');
    const perProcess = Object.entries(cpuAfter).map(([name, seconds]) => `${name} ${(((seconds - (cpuBefore[name] ?? 0)) * 1000) / taskIds.length).toFixed(1)} ms`);
    console.log(`\nWhole-process CPU per completion over both completion runs (/proc, all threads, 10 ms ticks${recording ? ', profiler running' : ''}): ${perProcess.join(', ')}`);
    if (recording) {
      const profiles = await recording.stop();
      const breakdown = cpuBreakdown(profiles, taskIds.length, new URL('../../', import.meta.url).href);
      console.log(`Sampled CPU per completion (${taskIds.length} completions; V8 samples every ${profileInterval} µs on each JavaScript thread of this process, idle excluded; the worker's Rust core and libuv's pool are not sampled):`);
      for (const line of breakdownLines(breakdown)) console.log(line);
      // For Chrome DevTools' Performance panel or speedscope.
      const profileDir = await mkdtemp(path.join(os.tmpdir(), 'motcua-bench-api-profile-'));
      await Promise.all(profiles.map(({ thread, profile }) => writeFile(path.join(profileDir, `${thread.replace(' ', '-')}.cpuprofile`), JSON.stringify(profile))));
      console.log(`  the profiles: ${profileDir}`);
    }

    events.close();
    await server.close();
    await compiler.close();
    worker.shutdown();
    await workerRun;
  } finally {
    await connection.dropDatabase().catch(() => undefined);
    await connection.close();
    await nativeConnection.close();
    await clientConnection.close();
    await stop();
  }
}

runToExit(main);
