/** Waits, bounded, until the system has nothing left to do: dossiers at rest, the notice outbox and the portal queue empty. */
import { finalDossierStatuses } from '../../engine/dossier/dossier-status.js';
import type { Store } from '../../store/store.js';

export interface Quiescence {
  reached: boolean;
  waitedMs: number;
  /** What was still moving when the bound ran out. */
  pending: { dossiers: number; notices: number; portalStatuses: number };
}

export async function waitForQuiescence(store: Store, expectedAtRest: number, boundMs: number): Promise<Quiescence> {
  const started = Date.now();
  for (;;) {
    const pending = await Promise.all([
      store.dossiers.countDocuments({ status: { $in: [...finalDossierStatuses] } }).then((atRest) => Math.max(0, expectedAtRest - atRest)),
      store.notifications.countDocuments({ deliveredAt: { $exists: false } }),
      store.portalStatuses.countDocuments({ state: 'pending' }),
    ]).then(
      ([dossiers, notices, portalStatuses]) => ({ dossiers, notices, portalStatuses }),
      () => undefined,
    );
    const waitedMs = Date.now() - started;
    if (pending && pending.dossiers + pending.notices + pending.portalStatuses === 0) return { reached: true, waitedMs, pending };
    if (waitedMs > boundMs) return { reached: false, waitedMs, pending: pending ?? { dossiers: -1, notices: -1, portalStatuses: -1 } };
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}
