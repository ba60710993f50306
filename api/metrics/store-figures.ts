import type { Logger } from 'pino';
import { operationsFigures, type OperationsFigures } from '../../store/monitoring/operations-figures.js';
import type { Store } from '../../store/store.js';
import type { ApiMetrics } from './api-metrics.js';

export interface StoreFiguresOptions {
  store: Store;
  metrics: ApiMetrics;
  logger: Logger;
  /** How often the store is asked; scrapes read the last answer. */
  intervalMs: number;
}

function publish(metrics: ApiMetrics, figures: OperationsFigures): void {
  // Reset then set in one synchronous step: an agency or status that dropped to none disappears, and no scrape sees a half-filled gauge.
  metrics.dossiers.reset();
  for (const { agencyId, status, count } of figures.dossiers) metrics.dossiers.set({ agency: agencyId, status }, count);
  metrics.overdueDossiers.reset();
  for (const { agencyId, count } of figures.overdueDossiers) metrics.overdueDossiers.set({ agency: agencyId }, count);
  metrics.overdueTasks.reset();
  for (const { agencyId, count } of figures.overdueTasks) metrics.overdueTasks.set({ agency: agencyId }, count);
  const { portalSync, notifications } = figures;
  metrics.portalSyncPending.set(portalSync.pending);
  metrics.portalSyncFailing.set(portalSync.failingAttempts);
  metrics.portalSyncOldestPending.set(portalSync.oldestPendingMs / 1000);
  metrics.portalSyncLag.set({ quantile: '0.5' }, portalSync.lagMs.p50 / 1000);
  metrics.portalSyncLag.set({ quantile: '0.95' }, portalSync.lagMs.p95 / 1000);
  metrics.portalSyncLag.set({ quantile: '1' }, portalSync.lagMs.max / 1000);
  metrics.notificationsUndelivered.set({ state: 'pending' }, notifications.pending);
  metrics.notificationsUndelivered.set({ state: 'failing' }, notifications.failing);
  metrics.notificationsOldestUndelivered.set(notifications.oldestUndeliveredMs / 1000);
}

/**
 * Keeps the gauges that need store queries up to date on a schedule (one refresh at a time, never
 * per scrape), so however often Prometheus scrapes, the store answers one set of queries per
 * interval. Returns the function that stops it.
 */
export function refreshStoreFigures(options: StoreFiguresOptions): () => void {
  const { store, metrics, logger } = options;
  let running = false;
  const refresh = async () => {
    if (running) return;
    running = true;
    const started = performance.now();
    try {
      publish(metrics, await operationsFigures(store));
      metrics.figuresRefreshDuration.set((performance.now() - started) / 1000);
      metrics.figuresRefreshedAt.set(Date.now() / 1000);
    } catch (error) {
      metrics.figuresRefreshFailures.inc();
      logger.warn({ err: (error as Error).message }, 'refreshing the store figures for /metrics failed');
    } finally {
      running = false;
    }
  };
  void refresh();
  const timer = setInterval(() => void refresh(), options.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
