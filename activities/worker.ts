import { fileURLToPath } from 'node:url';
import type { DataConverter } from '@temporalio/common';
import { DefaultLogger, makeTelemetryFilterString, NativeConnection, Runtime, Worker, type LogLevel } from '@temporalio/worker';

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
  /** How payloads are written to and read from Temporal (MotCua's encrypts them). */
  dataConverter: DataConverter;
}

/** The worker that hosts the dossier workflows (bundled from workflows/) and MotCua's activities. */
export function createDossierWorker(options: DossierWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    workflowsPath: fileURLToPath(new URL('../workflows/index.ts', import.meta.url)),
    activities: options.activities,
    dataConverter: options.dataConverter,
    maxConcurrentWorkflowTaskExecutions: options.tuning.maxConcurrentWorkflowTaskExecutions,
    maxConcurrentActivityTaskExecutions: options.tuning.maxConcurrentActivityTaskExecutions,
    shutdownGraceTime: options.tuning.shutdownGraceTime as `${number}s`,
  });
}

/** Sets how much the Temporal SDK logs in this process; call once, before any worker or connection. */
export function installWorkerRuntime(level: LogLevel): void {
  Runtime.install({
    logger: new DefaultLogger(level),
    telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: level === 'TRACE' ? 'TRACE' : 'ERROR' }) } },
  });
}
