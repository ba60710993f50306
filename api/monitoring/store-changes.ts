import type { ApiContext } from '../context.js';

const pollMs = 2_000;
/** How often the live worklist follows the task-change announcements while someone listens: a claim or completion through any API process reaches every stream within this. */
const taskFollowMs = 250;

/**
 * Publishes the changes the dossier workflows and the other API processes make (escalations, steps
 * opening, claims, completions) on the event hub: task changes as the live worklist follows the
 * store's task-change announcements (it publishes what they bring), dossier changes by polling
 * dossiers whose `updatedAt` moved (FerretDB has no change streams). Runs only while someone
 * listens; returns a function that stops it.
 */
export function watchStoreChanges(context: Pick<ApiContext, 'store' | 'events' | 'logger' | 'worklist'>): () => void {
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
  const follower = setInterval(() => {
    context.worklist.refresh().catch((error: Error) => context.logger.warn({ err: error.message }, 'following task changes failed'));
  }, taskFollowMs);
  return () => {
    stopped = true;
    clearTimeout(timer);
    clearInterval(follower);
  };
}
