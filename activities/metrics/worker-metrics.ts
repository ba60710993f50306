import { ApplicationFailure } from '@temporalio/common';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { Counter, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * A worker process's own Prometheus metrics, beside the Temporal SDK's (which Core exports on a port
 * of its own): the SDK counts failed activities by activity type; this adds what failed them.
 */
export function createWorkerMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    activityFailures: new Counter({
      name: 'motcua_activity_failures_total',
      help: 'Activity attempts that failed, by activity type and failure type (an ApplicationFailure’s type, else the error’s name)',
      labelNames: ['activity_type', 'failure_type'] as const,
      registers: [registry],
    }),
  };
}

export type WorkerMetrics = ReturnType<typeof createWorkerMetrics>;

function failureType(error: unknown): string {
  if (error instanceof ApplicationFailure && error.type) return error.type;
  return error instanceof Error ? error.name : typeof error;
}

/** Counts every failed activity attempt (a retried one once per attempt). */
export function activityFailureCounting(metrics: WorkerMetrics): ActivityInterceptorsFactory {
  return (context) => ({
    inbound: {
      async execute(input, next) {
        try {
          return await next(input);
        } catch (error) {
          metrics.activityFailures.inc({ activity_type: context.info.activityType, failure_type: failureType(error) });
          throw error;
        }
      },
    },
  });
}
