import type { Store } from '../store.js';

export interface PortalSyncMetrics {
  pending: number;
  /** How long the oldest unsent status has waited, ms (0 when none waits). */
  oldestPendingMs: number;
  /** Lag of the last `window` statuses sent: from the change to the portal's acknowledgement. */
  lagMs: { p50: number; p95: number; max: number; count: number };
  failingAttempts: number;
}

function percentile(sorted: number[], share: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

/** The sync-lag metric and the queue's backlog: the admins' outbox page and the Prometheus gauges read it. */
export async function portalSyncMetrics(store: Pick<Store, 'portalStatuses'>, window = 1_000): Promise<PortalSyncMetrics> {
  const [pending, oldest, sent, failing] = await Promise.all([
    store.portalStatuses.countDocuments({ state: 'pending' }),
    store.portalStatuses.findOne({ state: 'pending' }).sort({ enqueuedAt: 1 }).lean(),
    store.portalStatuses.find({ state: 'sent' }, { lagMs: 1 }).sort({ sentAt: -1 }).limit(window).lean(),
    store.portalStatuses.countDocuments({ state: 'pending', attempts: { $gt: 0 } }),
  ]);
  const lags = sent.map((entry) => entry.lagMs ?? 0).sort((a, b) => a - b);
  return {
    pending,
    oldestPendingMs: oldest ? Date.now() - oldest.enqueuedAt.getTime() : 0,
    lagMs: { p50: percentile(lags, 0.5), p95: percentile(lags, 0.95), max: lags.at(-1) ?? 0, count: lags.length },
    failingAttempts: failing,
  };
}
