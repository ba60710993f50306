import { fileURLToPath } from 'node:url';
import type { DataConverter } from '@temporalio/common';
import { DefaultLogger, makeTelemetryFilterString, NativeConnection, Runtime, Worker, type LogLevel } from '@temporalio/worker';
import { activityFailureCounting, type WorkerMetrics } from './metrics/worker-metrics.js';
import type { WorkerTracing } from './worker-tracing.js';

export interface WorkerTuning {
  maxConcurrentWorkflowTaskExecutions: number;
  maxConcurrentActivityTaskExecutions: number;
  shutdownGraceTime: string;
}

export interface DossierWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  tuning: WorkerTuning;
  activities: object;
  metrics: WorkerMetrics;
  /** How payloads are written to and read from Temporal (MotCua's encrypts them). */
  dataConverter: DataConverter;
  /** Spans for workflows and activities (activities/worker-tracing.ts); none when tracing is off. */
  tracing?: WorkerTracing;
}

/** The worker that hosts the dossier workflows (bundled from workflows/) and MotCua's activities. */
export function createDossierWorker(options: DossierWorkerOptions): Promise<Worker> {
  const { tracing } = options;
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    workflowsPath: fileURLToPath(new URL('../workflows/index.ts', import.meta.url)),
    activities: options.activities,
    interceptors: {
      activity: [...(tracing ? [tracing.activityInterceptor] : []), activityFailureCounting(options.metrics)],
      workflowModules: tracing?.workflowModules,
    },
    sinks: tracing?.sinks,
    dataConverter: options.dataConverter,
    maxConcurrentWorkflowTaskExecutions: options.tuning.maxConcurrentWorkflowTaskExecutions,
    maxConcurrentActivityTaskExecutions: options.tuning.maxConcurrentActivityTaskExecutions,
    shutdownGraceTime: options.tuning.shutdownGraceTime as `${number}s`,
  });
}

/** Drains the worker (running tasks finish within its grace time) and waits until it has stopped. */
export async function stopWorker(worker: Worker, running: Promise<void>): Promise<void> {
  if (worker.getState() === 'RUNNING') worker.shutdown();
  await running;
}

/**
 * Sets how much the Temporal SDK logs in this process and, given an address (`host:port`), where Core
 * serves the SDK's own Prometheus metrics (`/metrics`). Core allows this once per process: call it
 * before any worker or connection. Signals are left to the caller.
 */
export function installWorkerRuntime(level: LogLevel, sdkMetricsAddress?: string): void {
  Runtime.install({
    logger: new DefaultLogger(level),
    // MotCua's entry points stop their workers themselves, in order (scripts/runtime/shutdown.ts):
    // the SDK's own handlers would drain the worker while the API still answers and its clients are open.
    shutdownSignals: [],
    telemetryOptions: {
      logging: { filter: makeTelemetryFilterString({ core: level === 'TRACE' ? 'TRACE' : 'ERROR' }) },
      ...(sdkMetricsAddress ? { metrics: { prometheus: { bindAddress: sdkMetricsAddress } } } : {}),
    },
  });
}
