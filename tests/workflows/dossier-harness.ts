import { mkdir, readFile, writeFile } from 'node:fs/promises';
import proto from '@temporalio/proto';
import { fileURLToPath } from 'node:url';
import { Client, WorkflowNotFoundError, type WorkflowHandle } from '@temporalio/client';
import { Worker, type ActivityInterceptorsFactory, type NativeConnection } from '@temporalio/worker';
import { expect } from 'vitest';
import { createActivities, type ActivityServices } from '../../activities/index.js';
import { activityFailureCounting, createWorkerMetrics, type WorkerMetrics } from '../../activities/metrics/worker-metrics.js';
import { workerTracing, type WorkerTracingTarget } from '../../activities/worker-tracing.js';
import { clientTracingInterceptors } from '../../api/temporal/client-tracing.js';
import type { CalendarData } from '../../engine/calendar/index.js';
import { compile } from '../../engine/compiler/compile.js';
import type { ProcedurePlan } from '../../engine/plan/procedure-plan.js';
import { loadCalendar } from '../../scripts/calendar/calendar-files.js';
import { createStore, type Store } from '../../store/store.js';
import {
  claimTaskUpdate,
  completeTaskUpdate,
  dossierWorkflowType,
  stateQuery,
  type Actor,
  type DossierInput,
  type DossierResult,
  type DossierState,
  type TaskView,
  dossierSearchAttributesAtStart,
  type Variables,
} from '../../workflows/contract.js';
import { newestPatch } from '../../workflows/interpreter/patches.js';
import { testDataConverter } from '../support/payload-codec.js';
import type { OwnServerAddresses } from '../support/own-servers.js';
import { connectTestStore, uniqueDatabaseUri } from '../support/store.js';
import { connectDevServer, createTimeSkippingEnvironment, uniqueTaskQueue } from '../support/temporal.js';

export type DossierHandle = WorkflowHandle<(input: DossierInput) => Promise<DossierResult>>;

export interface CompiledProcedure {
  plan: ProcedurePlan;
  planHash: string;
}

/** Compiles a `.bpmn` file (a fixture beside the spec, or a sample) and fails the test on any error. */
export async function compileProcedure(file: URL | string): Promise<CompiledProcedure> {
  const result = await compile(await readFile(file, 'utf8'));
  expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
  return { plan: result.plan!, planHash: result.hash! };
}

export const sampleFile = (name: string) => new URL(`../../engine/samples/${name}.bpmn`, import.meta.url);

/** Where the harness runs dossiers: the time-skipping test server, or the run's dev server. */
interface HarnessServer {
  /** A plain client: waiting on a result never lets the time-skipping server skip time. */
  client: Client;
  nativeConnection: NativeConnection;
  /** Whether the server has MotCua's search attributes (the Java test server cannot register them). */
  searchAttributes: boolean;
  now(): Promise<number>;
  advance(ms: number): Promise<void>;
  close(): Promise<void>;
}

async function timeSkippingServer(startAt?: string): Promise<HarnessServer> {
  const { environment, teardown } = await createTimeSkippingEnvironment({ startAt });
  return {
    client: new Client({ connection: environment.connection, namespace: environment.namespace, dataConverter: testDataConverter }),
    nativeConnection: environment.nativeConnection,
    searchAttributes: false,
    now: () => environment.currentTimeMs(),
    advance: (ms) => environment.sleep(ms),
    close: teardown,
  };
}

async function devServer(traced: boolean, address?: string): Promise<HarnessServer> {
  const { client, workerConnection, close } = await connectDevServer({ ownNamespace: true, dataConverter: testDataConverter, interceptors: traced ? clientTracingInterceptors() : undefined, address });
  return {
    client,
    nativeConnection: workerConnection,
    searchAttributes: true,
    now: async () => Date.now(),
    advance: async () => {
      throw new Error('the dev server runs in real time: use a time-skipping harness to advance time');
    },
    close,
  };
}

/** Activities a test holds back (say, to send a signal while a write is on its way) until it releases them. */
class ActivityHold {
  private holds: Array<{ matches: (activityType: string, args: unknown[]) => boolean; released: Promise<void> }> = [];

  hold(matches: (activityType: string, args: unknown[]) => boolean): () => void {
    let release!: () => void;
    const entry = { matches, released: new Promise<void>((resolve) => (release = resolve)) };
    this.holds.push(entry);
    return () => {
      this.holds = this.holds.filter((candidate) => candidate !== entry);
      release();
    };
  }

  readonly interceptor: ActivityInterceptorsFactory = (context) => ({
    inbound: {
      execute: async (input, next) => {
        const held = this.holds.filter((entry) => entry.matches(context.info.activityType, input.args as unknown[]));
        await Promise.all(held.map((entry) => entry.released));
        return next(input);
      },
    },
  });
}

/**
 * A dossier worker with a store of its own, on the time-skipping test server (whose clock starts at
 * `startAt`, ISO-8601, when given) or on the run's dev server (`devServer: true`): what the
 * workflow tests drive. Time moves only when a test says `advance`.
 */
export class DossierHarness {
  private constructor(
    private readonly server: HarnessServer,
    readonly store: Store,
    private readonly disposeStore: () => Promise<void>,
    readonly calendar: CalendarData,
    readonly taskQueue: string,
    private readonly worker: Worker,
    private readonly running: Promise<void>,
    private readonly activityHold: ActivityHold,
    /** The worker's own metrics, as a worker process serves them (activities/metrics/). */
    readonly workerMetrics: WorkerMetrics,
  ) {}

  /**
   * `services`: the outside services the activities reach (portal, documents, payments…), built on the harness's store.
   * `tracing` (dev server only): client, workflows and activities traced as npm start's are, into that target.
   * `servers` (dev server only): a dev server and store server of the test's own instead of the run's.
   */
  static async create(options: { startAt?: string; devServer?: boolean; services?: (store: Store) => Partial<ActivityServices>; tracing?: WorkerTracingTarget; servers?: OwnServerAddresses } = {}): Promise<DossierHarness> {
    const server = options.devServer ? await devServer(options.tracing !== undefined, options.servers?.temporalAddress) : await timeSkippingServer(options.startAt);
    const tracing = options.tracing && workerTracing(options.tracing);
    const testStore = await connectTestStore(options.servers && uniqueDatabaseUri(options.servers.mongodbUri));
    const store = createStore(testStore.connection);
    await store.ensureIndexes();
    const taskQueue = uniqueTaskQueue('dossiers');
    const activityHold = new ActivityHold();
    const workerMetrics = createWorkerMetrics();
    const worker = await Worker.create({
      connection: server.nativeConnection,
      namespace: server.client.options.namespace,
      taskQueue,
      workflowsPath: fileURLToPath(new URL('../../workflows/index.ts', import.meta.url)),
      activities: createActivities(store, options.services?.(store)),
      interceptors: {
        activity: [...(tracing ? [tracing.activityInterceptor] : []), activityHold.interceptor, activityFailureCounting(workerMetrics)],
        workflowModules: tracing?.workflowModules,
      },
      sinks: tracing?.sinks,
      dataConverter: testDataConverter,
    });
    const calendar = (await loadCalendar()).data;
    return new DossierHarness(server, store, () => testStore.dispose(), calendar, taskQueue, worker, worker.run(), activityHold, workerMetrics);
  }

  get client(): Client {
    return this.server.client;
  }

  /** Server time now (the time-skipping server's clock, not the machine's). */
  now(): Promise<number> {
    return this.server.now();
  }

  /** Lets `ms` of server time go by, firing whatever timers fall due. */
  advance(ms: number): Promise<void> {
    return this.server.advance(ms);
  }

  async start(procedure: CompiledProcedure, options: { dossierId: string; receivedAt?: number; variables?: Variables; historyLimit?: number }): Promise<DossierHandle> {
    const input: DossierInput = {
      dossierId: options.dossierId,
      procedureVersion: 1,
      planHash: procedure.planHash,
      plan: procedure.plan,
      calendar: this.calendar,
      receivedAt: options.receivedAt ?? (await this.now()),
      variables: options.variables ?? {},
      historyLimit: options.historyLimit,
      searchAttributes: this.server.searchAttributes,
    };
    this.started.push(options.dossierId);
    return this.client.workflow.start<(input: DossierInput) => Promise<DossierResult>>(dossierWorkflowType, {
      taskQueue: this.taskQueue,
      workflowId: options.dossierId,
      args: [input],
      typedSearchAttributes: this.server.searchAttributes ? dossierSearchAttributesAtStart(input) : undefined,
    });
  }

  state(handle: DossierHandle): Promise<DossierState> {
    return handle.query(stateQuery);
  }

  /** The state, once the workflow exists (a child workflow starts a moment after its caller asks). */
  private async stateWhenStarted(handle: DossierHandle): Promise<DossierState | undefined> {
    try {
      return await this.state(handle);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return undefined;
      throw error;
    }
  }

  /** Registers a procedure as deployed (version 1, current), so call activities can find it. */
  async deploy(procedure: CompiledProcedure): Promise<void> {
    const { code, agency, name } = procedure.plan.procedure;
    const now = new Date();
    await this.store.plans.create({ _id: procedure.planHash, plan: procedure.plan, createdAt: now });
    await this.store.procedureVersions.create({ _id: `${code}@1`, procedureCode: code, version: 1, planHash: procedure.planHash, xml: '<definitions/>', deployedAt: now, deployedBy: 'test' });
    await this.store.procedures.create({ _id: code, agencyId: agency, name, currentVersion: 1, retired: false, updatedAt: now });
  }

  /** Holds back every activity `matches` picks out, from now until the returned function is called. */
  holdActivities(matches: (activityType: string, args: unknown[]) => boolean): () => void {
    return this.activityHold.hold(matches);
  }

  /** Lets server time run to `instant` (UTC milliseconds). */
  async advanceTo(instant: number): Promise<void> {
    const now = await this.now();
    if (instant > now) await this.advance(instant - now);
  }

  /** Waits (in real time, the server's clock standing still) until the dossier's state satisfies `holds`. */
  async until(handle: DossierHandle, holds: (state: DossierState) => boolean, what = 'the expected state'): Promise<DossierState> {
    let state = await this.stateWhenStarted(handle);
    for (let attempt = 0; attempt < 200 && !(state && holds(state)); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      state = await this.stateWhenStarted(handle);
    }
    if (!state || !holds(state)) throw new Error(`never reached ${what}: ${JSON.stringify(state && { status: state.status, tasks: state.tasks, history: state.history.slice(-5) })}`);
    return state;
  }

  /** Element ids of the open tasks, sorted. */
  static openSteps(state: DossierState): string[] {
    return state.tasks.filter((task) => task.status === 'open' || task.status === 'claimed').map((task) => task.elementId).sort();
  }

  /** Waits (in real time, the server's clock standing still) until the dossier has an open task on `elementId`. */
  async openTask(handle: DossierHandle, elementId: string, kind: TaskView['kind'] = 'step'): Promise<TaskView> {
    const isOpen = (task: TaskView) => task.elementId === elementId && task.kind === kind && (task.status === 'open' || task.status === 'claimed');
    const state = await this.until(handle, (candidate) => candidate.tasks.some(isOpen), `an open ${kind} task on ${elementId}`);
    return state.tasks.find(isOpen)!;
  }

  claim(handle: DossierHandle, taskId: string, actor: Actor): Promise<TaskView> {
    return handle.executeUpdate(claimTaskUpdate, { args: [{ taskId, actor }] });
  }

  complete(handle: DossierHandle, taskId: string, actor: Actor, formData: Variables = {}, outcome?: string, updateId?: string): Promise<TaskView> {
    return handle.executeUpdate(completeTaskUpdate, { args: [{ taskId, actor, formData, outcome }], updateId });
  }

  /** Opens the task on `elementId` and completes it as `actor`. */
  async work(handle: DossierHandle, elementId: string, actor: Actor, formData: Variables = {}, outcome?: string): Promise<TaskView> {
    const task = await this.openTask(handle, elementId);
    return this.complete(handle, task.taskId, actor, formData, outcome);
  }

  /** Dossiers this harness started, for recording their histories. */
  private readonly started: string[] = [];

  /**
   * With MOTCUA_RECORD_HISTORIES set (`npm run record:histories`), writes the history of every dossier
   * this harness started and saw finish to tests/workflows/histories/<the newest patch>/, for the
   * replay test.
   */
  private async recordHistories(): Promise<void> {
    if (!process.env.MOTCUA_RECORD_HISTORIES) return;
    const generation = newestPatch;
    await mkdir(new URL(`./histories/${generation}/`, import.meta.url), { recursive: true });
    for (const dossierId of this.started) {
      const handle = this.client.workflow.getHandle(dossierId);
      const { status } = await handle.describe();
      if (status.name === 'RUNNING') continue;
      const file = new URL(`./histories/${generation}/${dossierId.replace(/[^A-Za-z0-9-]/g, '_')}.json`, import.meta.url);
      const history = proto.temporal.api.history.v1.History.fromObject(await handle.fetchHistory());
      const json = proto.temporal.api.history.v1.History.toObject(history, { longs: String, enums: String, bytes: String });
      await writeFile(file, `${JSON.stringify(json)}\n`);
    }
  }

  async teardown(): Promise<void> {
    await this.recordHistories();
    this.worker.shutdown();
    await this.running;
    await this.server.close();
    await this.disposeStore();
  }
}

/** Officers of the fixtures' units. */
export function officer(id: string, role: string, unit: string): Actor {
  return { id, roles: [role], units: [unit] };
}
