import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Latency buckets (seconds) from a fast read to a slow upload or an Update waiting on a busy worker. */
const latencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The API process's Prometheus metrics, in a registry of its own (served on the metrics port by the
 * composition root, never on the public origin).
 */
export function createApiMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    httpRequestDuration: new Histogram({
      name: 'motcua_http_request_duration_seconds',
      help: 'HTTP requests by method, route template (not the raw path) and status',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: latencyBuckets,
      registers,
    }),
    taskCompletionDuration: new Histogram({
      name: 'motcua_task_completion_duration_seconds',
      help: 'From the API sending the completeTask Update to the workflow answering it; result answered, refused (the workflow said no) or failed',
      labelNames: ['result'] as const,
      buckets: latencyBuckets,
      registers,
    }),
    dossiers: new Gauge({ name: 'motcua_dossiers', help: 'Dossiers in the store by agency and status', labelNames: ['agency', 'status'] as const, registers }),
    overdueDossiers: new Gauge({ name: 'motcua_overdue_dossiers', help: 'Running dossiers past their legal deadline now, by agency', labelNames: ['agency'] as const, registers }),
    overdueTasks: new Gauge({ name: 'motcua_overdue_tasks', help: 'Open or claimed steps past their deadline now, by agency', labelNames: ['agency'] as const, registers }),
    portalSyncPending: new Gauge({ name: 'motcua_portal_sync_pending', help: 'Dossier statuses waiting to be told to the national portal', registers }),
    portalSyncFailing: new Gauge({ name: 'motcua_portal_sync_failing', help: 'Waiting statuses whose last attempt failed (retrying with backoff)', registers }),
    portalSyncOldestPending: new Gauge({ name: 'motcua_portal_sync_oldest_pending_seconds', help: 'How long the oldest waiting status has waited', registers }),
    portalSyncLag: new Gauge({
      name: 'motcua_portal_sync_lag_seconds',
      help: 'From a status change to the portal’s acknowledgement, over the last 1,000 statuses sent (quantile 1 is the maximum)',
      labelNames: ['quantile'] as const,
      registers,
    }),
    notificationsUndelivered: new Gauge({ name: 'motcua_notifications_undelivered', help: 'Notification outbox backlog: pending (not tried yet) or failing (retrying)', labelNames: ['state'] as const, registers }),
    notificationsOldestUndelivered: new Gauge({ name: 'motcua_notifications_oldest_undelivered_seconds', help: 'Age of the oldest notification not delivered yet', registers }),
    figuresRefreshDuration: new Gauge({ name: 'motcua_store_figures_refresh_duration_seconds', help: 'How long the last refresh of the store figures took', registers }),
    figuresRefreshedAt: new Gauge({ name: 'motcua_store_figures_refreshed_timestamp_seconds', help: 'When the store figures were last refreshed successfully (Unix time)', registers }),
    figuresRefreshFailures: new Counter({ name: 'motcua_store_figures_refresh_failures_total', help: 'Refreshes of the store figures that failed (the store did not answer)', registers }),
  };
}

export type ApiMetrics = ReturnType<typeof createApiMetrics>;
