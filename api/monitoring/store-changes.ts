import type { ApiContext } from '../context.js';

const pollMs = 2_000;

/**
 * Publishes the changes the dossier workflows make (escalations, steps opening) on the event hub, by
 * polling dossiers whose `updatedAt` moved (FerretDB has no change streams). Runs only while
 * someone listens; returns a function that stops it.
 */
export function watchStoreChanges(context: Pick<ApiContext, 'store' | 'events' | 'logger'>): () => void {
  let since = new Date();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const poll = async () => {
    try {
      const changed = await context.store.dossiers.find({ updatedAt: { $gt: since } }, { agencyId: 1, ownerId: 1, status: 1, updatedAt: 1 }).sort({ updatedAt: 1 }).limit(500).lean();
      for (const dossier of changed) {
        context.events.publish({ kind: 'dossier', id: dossier._id, dossierId: dossier._id, agencyId: dossier.agencyId, ownerId: dossier.ownerId, change: `status:${dossier.status}`, at: dossier.updatedAt.toISOString() });
        if (dossier.updatedAt > since) since = dossier.updatedAt;
      }
    } catch (error) {
      context.logger.warn({ err: (error as Error).message }, 'polling store changes failed');
    }
    if (!stopped) timer = setTimeout(poll, pollMs);
  };
  timer = setTimeout(poll, pollMs);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
