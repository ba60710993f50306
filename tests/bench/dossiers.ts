/**
 * `npm run bench:dossiers [count] [--metrics]`: runs `count` (default 200) five-step dossiers end to
 * end on a Temporal dev server with simulated officers, through MotCua's interpreter and through a
 * hand-written workflow doing the same steps on the same server in the same run, and prints
 * throughput, completion latency and history events per dossier for both. With `--metrics` it serves
 * /metrics as the API and worker processes do, on MOTCUA_METRICS_PORT, MOTCUA_WORKER_METRICS_PORT
 * and MOTCUA_TEMPORAL_METRICS_PORT (the officers' Updates are timed as the API times them).
 *
 * `npm run bench:dossiers -- [count] --stack=cluster [--officers=api] [--kill=temporal-history --kill-after=3000]`:
 * the interpreter alone on `npm run cluster`'s topology, its dossiers run by the cluster's two
 * worker processes, the officers completing steps through the Update or (`--officers=api`) through
 * the API behind HAProxy; prints CPU per dossier and per officer step for each tier, and, with `--kill`,
 * kills that process part-way (SIGKILL), starts it again, and checks that no dossier and no task is lost.
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { pino } from 'pino';
import { createActivities } from '../../activities/index.js';
import { activityFailureCounting, createWorkerMetrics } from '../../activities/metrics/worker-metrics.js';
import { installWorkerRuntime } from '../../activities/worker.js';
import { createApiMetrics, type ApiMetrics } from '../../api/metrics/api-metrics.js';
import { refreshStoreFigures } from '../../api/metrics/store-figures.js';
import { timedCompletion } from '../../api/metrics/task-completion.js';
import { compile } from '../../engine/compiler/compile.js';
import { loadCalendar } from '../../scripts/calendar/calendar-files.js';
import { readEnvironment } from '../../scripts/runtime/config.js';
import { storeFiguresIntervalMs } from '../../scripts/runtime/api-metrics-server.js';
import { serveMetrics } from '../../scripts/runtime/metrics-server.js';
import { connectStore } from '../../store/connection.js';
import { createStore, type Store } from '../../store/store.js';
import { completeTaskUpdate, dossierSearchAttributesAtStart, dossierWorkflowType, type DossierInput } from '../../workflows/contract.js';
import { startBenchRuntime, storeUriFor } from './support/bench-runtime.js';
import { scheduleFault, stack, startBenchCluster, tierCpuSeconds } from './support/bench-cluster.js';

const count = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 200);
const option = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
/** Officer steps in tests/bench/fixtures/five-steps.bpmn. */
const stepsPerDossier = 5;
const servesMetrics = process.argv.includes('--metrics');
const officer = { id: 'bench-officer', roles: ['chuyen-vien'], units: ['phong-kinh-te'] };

interface Engine {
  name: string;
  workflowType: string;
  taskQueue: string;
  workflowsPath: string;
}

interface Measurement {
  engine: string;
  seconds: number;
  throughput: number;
  p50: number;
  p99: number;
  eventsPerDossier: number;
}

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
}

/** Completes one open task as an officer would, answering when the completion was recorded. */
type CompleteTask = (task: { _id: string; dossierId: string }, handle: WorkflowHandle) => Promise<unknown>;

/** Through the workflow's Update, as the API sends it and times it. */
const completeByUpdate =
  (metrics: ApiMetrics): CompleteTask =>
  (task, handle) =>
    timedCompletion(metrics, () => handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: task._id, actor: officer, formData: {} }], updateId: task._id }));

/** Through MotCua's HTTP API at `url` (the cluster's proxy), as the demo officer `lan` of the steps' unit. */
async function completeThroughApi(url: string): Promise<CompleteTask> {
  const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'lan', password: 'motcua-demo' }) });
  const { accessToken } = (await login.json()) as { accessToken: string };
  return async (task) => {
    const response = await fetch(`${url}/api/tasks/${encodeURIComponent(task._id)}/complete`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json', 'Idempotency-Key': task._id.replace(/[^A-Za-z0-9._:-]/g, '.') },
      body: JSON.stringify({ formData: {} }),
    });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`completing ${task._id}: ${response.status}`);
  };
}

/** Officers who complete every open task of these dossiers as soon as the worklist (the store) shows it. */
async function simulateOfficers(store: Store, handles: Map<string, WorkflowHandle>, until: () => boolean, complete: CompleteTask): Promise<void> {
  const inFlight = new Set<string>();
  while (!until()) {
    const open = await store.tasks.find({ dossierId: { $in: [...handles.keys()] }, status: 'open' }, { _id: 1, dossierId: 1 }).lean();
    for (const task of open) {
      if (inFlight.has(task._id)) continue;
      inFlight.add(task._id);
      void complete(task, handles.get(task.dossierId)!).catch(() => inFlight.delete(task._id));
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function measure(engine: Engine, client: Client, store: Store, input: (dossierId: string) => DossierInput, complete: CompleteTask): Promise<Measurement> {
  const handles = new Map<string, WorkflowHandle>();
  const latencies: number[] = [];
  let finished = 0;
  const started = performance.now();
  const officers = simulateOfficers(store, handles, () => finished === count, complete);
  await Promise.all(
    Array.from({ length: count }, async (_, index) => {
      const dossierId = `${engine.name}-${Date.now().toString(36)}-${index}`;
      const dossierInput = input(dossierId);
      const begin = performance.now();
      const handle = await client.workflow.start(engine.workflowType, {
        taskQueue: engine.taskQueue,
        workflowId: dossierId,
        args: [dossierInput],
        typedSearchAttributes: dossierSearchAttributesAtStart(dossierInput),
      });
      handles.set(dossierId, handle);
      await handle.result();
      latencies.push(performance.now() - begin);
      finished += 1;
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await officers;
  const lengths = await Promise.all([...handles.values()].map(async (handle) => (await handle.describe()).historyLength));
  latencies.sort((a, b) => a - b);
  return {
    engine: engine.name,
    seconds,
    throughput: count / seconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    eventsPerDossier: lengths.reduce((sum, length) => sum + length, 0) / lengths.length,
  };
}

async function fiveStepInput(): Promise<(dossierId: string) => DossierInput> {
  const compiled = await compile(await readFile(new URL('./fixtures/five-steps.bpmn', import.meta.url), 'utf8'));
  const calendar = (await loadCalendar()).data;
  return (dossierId) => ({ dossierId, procedureVersion: 1, planHash: compiled.hash!, plan: compiled.plan!, calendar, receivedAt: Date.now(), variables: {} });
}

/** The interpreter on the cluster: its workers run the dossiers; CPU per tier; an optional fault. */
async function onCluster(): Promise<void> {
  const { topology, settings, stop } = await startBenchCluster();
  try {
    const connection = await Connection.connect({ address: topology.temporalAddress });
    const client = new Client({ connection, namespace: settings.namespace });
    const storeConnection = await connectStore(topology.mongodbUri);
    const store = createStore(storeConnection);
    const input = await fiveStepInput();
    const engine: Engine = { name: 'motcua', workflowType: dossierWorkflowType, taskQueue: settings.taskQueues.dossiers, workflowsPath: '' };
    const target = option('kill');
    const fault = target ? scheduleFault(topology, target, Number(option('kill-after') ?? 3_000)) : undefined;
    const throughApi = option('officers') === 'api';
    const complete = throughApi ? await completeThroughApi(topology.url) : completeByUpdate(createApiMetrics());
    const before = await tierCpuSeconds(topology);
    const result = await measure(engine, client, store, input, complete);
    const after = await tierCpuSeconds(topology);
    const faultReport = await fault;
    const tasks = await store.tasks.aggregate<{ _id: string; tasks: number }>([{ $match: { dossierId: { $regex: '^motcua-' } } }, { $group: { _id: '$status', tasks: { $sum: 1 } } }]);
    console.log(`\n${count} five-step dossiers on the cluster (Temporal server, 4 services, 16 shards, PostgreSQL; FerretDB on PostgreSQL; 2 workers), ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}`);
    console.log(`officers complete steps ${throughApi ? 'through the API behind HAProxy' : 'through the Update'}`);
    console.log(`dossiers/s ${result.throughput.toFixed(1)}   p50 ${result.p50.toFixed(0)} ms   p99 ${result.p99.toFixed(0)} ms   events/dossier ${result.eventsPerDossier.toFixed(1)}`);
    console.log('tier        CPU s   ms per dossier   ms per officer step');
    for (const tier of Object.keys(after)) {
      const used = after[tier]! - before[tier]!;
      console.log(`${tier.padEnd(10)} ${used.toFixed(1).padStart(6)} ${((used * 1000) / count).toFixed(1).padStart(16)} ${((used * 1000) / (count * stepsPerDossier)).toFixed(1).padStart(21)}`);
    }
    if (faultReport) console.log(faultReport);
    // measure() returns once every dossier's workflow has completed: a lost dossier never would.
    console.log(`workflows completed ${count}/${count}; tasks in the store by status ${tasks.map((row) => `${row._id} ${row.tasks}`).join(', ')} (expected ${count * stepsPerDossier} completed)`);
    await storeConnection.close();
    await connection.close();
  } finally {
    await stop();
  }
}

async function main(): Promise<void> {
  const ports = readEnvironment().metrics;
  installWorkerRuntime('WARN', servesMetrics ? `${ports.host}:${ports.temporalSdkPort}` : undefined);
  if (stack === 'cluster') return onCluster();
  const { runtime, settings, stop } = await startBenchRuntime('dossiers');
  const apiMetrics = createApiMetrics();
  const workerMetrics = createWorkerMetrics();
  const logger = pino({ level: 'warn' });
  const metricsServers = servesMetrics
    ? [await serveMetrics(apiMetrics.registry, ports.apiPort, ports.host, logger), await serveMetrics(workerMetrics.registry, ports.workerPort, ports.host, logger)]
    : [];
  for (const server of metricsServers) console.log(`metrics at ${server.url}`);
  try {
    const connection = await Connection.connect({ address: runtime.temporalAddress });
    const client = new Client({ connection, namespace: settings.namespace });
    const workerConnection = await NativeConnection.connect({ address: runtime.temporalAddress });
    const input = await fiveStepInput();
    const engines: Engine[] = [
      { name: 'hand-written', workflowType: 'handWrittenFiveSteps', taskQueue: 'bench-hand-written', workflowsPath: fileURLToPath(new URL('./fixtures/hand-written-workflow.ts', import.meta.url)) },
      { name: 'motcua', workflowType: dossierWorkflowType, taskQueue: 'bench-motcua', workflowsPath: fileURLToPath(new URL('../../workflows/index.ts', import.meta.url)) },
    ];
    const results: Measurement[] = [];
    for (const engine of engines) {
      // Each engine writes to a database of its own: the second must not start on the first's documents.
      const storeConnection = await connectStore(storeUriFor(runtime, `motcua-bench-${engine.name}`));
      const store = createStore(storeConnection);
      await store.ensureIndexes();
      const worker = await Worker.create({
        connection: workerConnection,
        namespace: settings.namespace,
        taskQueue: engine.taskQueue,
        workflowsPath: engine.workflowsPath,
        activities: createActivities(store),
        interceptors: { activity: [activityFailureCounting(workerMetrics)] },
        maxConcurrentWorkflowTaskExecutions: settings.worker.maxConcurrentWorkflowTaskExecutions,
        maxConcurrentActivityTaskExecutions: settings.worker.maxConcurrentActivityTaskExecutions,
      });
      const stopFigures = servesMetrics ? refreshStoreFigures({ store, metrics: apiMetrics, logger, intervalMs: storeFiguresIntervalMs }) : () => {};
      results.push(await worker.runUntil(measure(engine, client, store, input, completeByUpdate(apiMetrics))));
      stopFigures();
      await storeConnection.close();
    }

    console.log(`\n${count} five-step dossiers each, Temporal dev server + FerretDB, ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}`);
    console.log('engine          dossiers/s   p50 (ms)   p99 (ms)   events/dossier');
    for (const result of results) {
      console.log(
        `${result.engine.padEnd(15)} ${result.throughput.toFixed(1).padStart(10)} ${result.p50.toFixed(0).padStart(10)} ${result.p99.toFixed(0).padStart(10)} ${result.eventsPerDossier.toFixed(1).padStart(16)}`,
      );
    }
    const [baseline, motcua] = results as [Measurement, Measurement];
    console.log(
      `MotCua vs hand-written: events ${(((motcua.eventsPerDossier - baseline.eventsPerDossier) / baseline.eventsPerDossier) * 100).toFixed(1)}%, throughput ${(((motcua.throughput - baseline.throughput) / baseline.throughput) * 100).toFixed(1)}% (target: within 10%)`,
    );
    await workerConnection.close();
    await connection.close();
  } finally {
    for (const server of metricsServers) await server.close();
    await stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
