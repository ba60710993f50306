import type { Store } from '../../store/store.js';
import type { ProjectionWrite } from '../projection/projection-write.js';

/**
 * The receipt (Form 01) goes to the citizen when the workflow records the dossier as received:
 * the `dossier-received` audit fact of the dossier's own stream (a called procedure writes another
 * stream) becomes an outbox entry with a key of its own, so a retried write queues it once.
 */
export async function queueReceiptNotification(store: Store, write: ProjectionWrite): Promise<void> {
  const received = write.audit.find((entry) => entry.action === 'dossier-received' && entry.stream === `dossier:${write.dossierId}`);
  if (!received) return;
  await store.notifications.updateOne(
    { _id: `${received.stream}#receipt` },
    {
      $setOnInsert: {
        dossierId: write.dossierId,
        kind: 'dossier-received',
        at: new Date(received.at),
        recipients: { userIds: [], roles: [], units: [], citizen: true },
        data: { dueAt: received.details.dueAt ?? null },
      },
    },
    { upsert: true },
  );
}
