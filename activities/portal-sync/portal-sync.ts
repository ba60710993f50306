import type { PortalStatusDocument } from '../../store/portal-sync/portal-sync-models.js';
import type { Store } from '../../store/store.js';
import type { ProjectionWrite } from '../projection/projection-write.js';
import { claimAttempt } from '../outbox/claim.js';
import { backoffMs } from '../outbox/poller.js';
import type { PortalClient } from './portal-client.js';
import { portalDate, type PortalMapping } from './portal-mapping.js';
import { isDuplicateKey } from '../../store/duplicate-key.js';

export interface PortalSyncOptions {
  store: Store;
  client: PortalClient;
  mapping: PortalMapping;
  retry?: { baseMs: number; maxMs: number };
  leaseMs?: number;
}

const statusId = (dossierId: string, sequence: number) => `${dossierId}#${String(sequence).padStart(10, '0')}`;

/**
 * Status sync with the national portal. Every projection write that carries the dossier queues its
 * state (`enqueue`, called beside the projection activity); `syncPending` sends, per dossier, the
 * oldest state not yet told — never a newer one before it, never an older one after it — with the
 * write's id as Idempotency-Key, retrying with backoff. States equal to the last one told (a task
 * changed, not the dossier) are skipped.
 */
export function createPortalSync(options: PortalSyncOptions) {
  const { store, client, mapping } = options;
  const retry = options.retry ?? { baseMs: 1_000, maxMs: 300_000 };
  const leaseMs = options.leaseMs ?? 60_000;

  function payload(entry: PortalStatusDocument, channel: string): Record<string, unknown> {
    const { fields } = mapping;
    return {
      [fields.dossierCode]: entry.dossierId,
      [fields.status]: mapping.statusCodes[entry.status],
      [fields.receivedAt]: portalDate(entry.receivedAt),
      [fields.appointmentAt]: portalDate(entry.dueAt),
      [fields.finishedAt]: portalDate(entry.finishedAt),
      [fields.channel]: mapping.channelCodes[channel as keyof PortalMapping['channelCodes']] ?? null,
      [fields.sequence]: entry.sequence,
      [fields.mappingVersion]: mapping.version,
    };
  }

  async function settle(entry: PortalStatusDocument, state: 'sent' | 'skipped'): Promise<void> {
    const sentAt = new Date();
    await store.portalStatuses.updateOne(
      { _id: entry._id },
      {
        $set: { state, ...(state === 'sent' ? { sentAt, lagMs: sentAt.getTime() - entry.enqueuedAt.getTime(), mappingVersion: mapping.version } : {}) },
        $unset: { nextAttemptAt: 1 },
      },
    );
    if (state === 'sent') {
      await store.portalDossierStates.updateOne(
        { _id: entry.dossierId },
        { $set: { sequence: entry.sequence, status: entry.status, dueAt: entry.dueAt, finishedAt: entry.finishedAt } },
        { upsert: true },
      );
    }
  }

  async function syncHead(dossierId: string, now: Date): Promise<boolean> {
    const head = await store.portalStatuses.findOne({ dossierId, state: 'pending' }).sort({ sequence: 1 }).lean<PortalStatusDocument>();
    if (!head || (head.nextAttemptAt && head.nextAttemptAt > now)) return false;
    if (!(await claimAttempt(store.outboxClaims, head._id, head.attempts, leaseMs))) return false;
    // Read again after the claim: another process may have settled it meanwhile.
    const claimed = await store.portalStatuses.findOne({ _id: head._id, state: 'pending', attempts: head.attempts }).lean<PortalStatusDocument>();
    if (!claimed) return false;
    const told = await store.portalDossierStates.findById(dossierId).lean();
    const unchanged =
      told !== null &&
      told.status === claimed.status &&
      told.dueAt?.getTime() === claimed.dueAt?.getTime() &&
      told.finishedAt?.getTime() === claimed.finishedAt?.getTime();
    if (told && (told.sequence >= claimed.sequence || unchanged)) {
      await settle(claimed, 'skipped');
      return true;
    }
    try {
      const dossier = await store.dossiers.findById(dossierId, { channel: 1 }).lean();
      const response = await client.sendStatus(payload(claimed, dossier?.channel ?? 'online'), claimed._id);
      // 409: the portal already holds a newer state of this dossier; this one must not overwrite it.
      if (response.status >= 300 && response.status !== 409) throw new Error(`portal refused status ${claimed._id}: ${response.status} ${JSON.stringify(response.body)}`);
      await settle(claimed, response.status === 409 ? 'skipped' : 'sent');
    } catch (error) {
      const attempts = claimed.attempts + 1;
      await store.portalStatuses.updateOne(
        { _id: claimed._id },
        {
          $set: { attempts, nextAttemptAt: new Date(Date.now() + backoffMs(attempts, retry.baseMs, retry.maxMs)), lastError: (error as Error).message },
        },
      );
    }
    return true;
  }

  return {
    /** Queues the dossier state a projection write carries (idempotent: keyed by the write's sequence). */
    async enqueue(write: ProjectionWrite): Promise<void> {
      const { dossier } = write;
      if (!dossier) return;
      // The portal's end-of-processing date: when the result was ready, not when it was collected.
      const processingEnd = dossier.processedAt ?? dossier.finishedAt;
      try {
        await store.portalStatuses.create({
          _id: statusId(write.dossierId, write.sequence),
          dossierId: write.dossierId,
          sequence: write.sequence,
          status: dossier.status,
          receivedAt: new Date(dossier.receivedAt),
          dueAt: dossier.dueAt === undefined ? undefined : new Date(dossier.dueAt),
          finishedAt: processingEnd === undefined ? undefined : new Date(processingEnd),
          enqueuedAt: new Date(),
          state: 'pending',
          attempts: 0,
        });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    },

    /** One pass: the head of every dossier's queue that is due. Returns how many it handled. */
    async syncPending(limit = 100): Promise<number> {
      const now = new Date();
      const dossierIds = (await store.portalStatuses.distinct('dossierId', { state: 'pending' })).slice(0, limit);
      let handled = 0;
      for (const dossierId of dossierIds) if (await syncHead(dossierId, now)) handled += 1;
      return handled;
    }
  };
}

export type PortalSync = ReturnType<typeof createPortalSync>;
