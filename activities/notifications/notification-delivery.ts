import type { NotificationChannel } from '../../engine/service-tasks/catalogue.js';
import type { NotificationDelivery, NotificationDocument } from '../../store/notifications/notification-model.js';
import type { Store } from '../../store/store.js';
import type { DocumentIssuer } from '../documents/document-issuer.js';
import { claimAttempt } from '../outbox/claim.js';
import { backoffMs } from '../outbox/poller.js';
import type { Channel } from './channels.js';
import { citizenMessage } from './templates.js';

export interface NotificationDeliveryOptions {
  store: Store;
  channels: Record<NotificationChannel, Channel>;
  documents: DocumentIssuer;
  retry?: { baseMs: number; maxMs: number };
  leaseMs?: number;
}

const pdf = 'application/pdf';

/**
 * Sends the notification outbox: each entry once, through the channel it asks for (email unless a
 * service task chose SMS or Zalo), to the citizen's address from the dossier or the address the
 * task named, with the legal form (Mẫu 01…04, result) attached as a signed PDF stored with the
 * dossier (issued even when the citizen gave no address to send it to). Staff notifications
 * need no channel (the worklist shows them) and are marked delivered.
 * A failed send is retried with backoff; the Message-ID is the entry's id, so a resend after a
 * crash is recognisable.
 */
export function createNotificationDelivery(options: NotificationDeliveryOptions) {
  const { store, channels, documents } = options;
  const retry = options.retry ?? { baseMs: 1_000, maxMs: 300_000 };
  const leaseMs = options.leaseMs ?? 60_000;

  async function claim(entry: Pick<NotificationDocument, '_id' | 'attempts'>): Promise<NotificationDocument | null> {
    const attempts = entry.attempts ?? 0;
    if (!(await claimAttempt(store.outboxClaims, entry._id, attempts, leaseMs))) return null;
    // Read again after the claim: another process may have delivered it meanwhile.
    return store.notifications.findOne({ _id: entry._id, deliveredAt: { $exists: false }, ...(attempts ? { attempts } : {}) }).lean<NotificationDocument>();
  }

  async function send(notification: NotificationDocument): Promise<NotificationDelivery[]> {
    const forCitizen = notification.recipients.citizen || typeof notification.data.to === 'string';
    if (!forCitizen) return [];
    const dossier = await store.dossiers.findById(notification.dossierId).lean();
    if (!dossier) throw new Error(`dossier ${notification.dossierId} is not in the store yet`);
    const message = citizenMessage(notification, dossier);
    if (!message) return [];
    const channelName = (notification.data.channel as NotificationChannel | undefined) ?? 'email';
    const channel = channels[channelName];
    if (!channel) throw new Error(`no channel "${channelName}"`);
    // The form is issued whether or not it can travel: a walk-in citizen without an email address
    // takes the receipt printed at the counter and downloads it from public tracking.
    const document = message.form
      ? await documents.issue({ dossierId: dossier._id, form: message.form, sourceId: notification._id, details: { ...notification.data, notificationKind: notification.kind } })
      : undefined;
    const to = typeof notification.data.to === 'string' ? notification.data.to : channelName === 'email' ? dossier.applicant.email : dossier.applicant.phone;
    if (!to) return [];
    const sent = await channel.send({
      id: notification._id,
      to,
      subject: message.subject,
      text: message.text,
      attachments: document ? [{ filename: document.filename, contentType: pdf, content: document.bytes }] : [],
    });
    return [{ channel: channelName, to, at: new Date(), messageId: sent.messageId, documentIds: document ? [document.id] : [] }];
  }

  return {
    /** One pass over what is due; returns how many entries it handled. */
    async deliverPending(limit = 50): Promise<number> {
      const now = new Date();
      const due = await store.notifications
        .find({ deliveredAt: { $exists: false }, $or: [{ nextAttemptAt: { $exists: false } }, { nextAttemptAt: { $lte: now } }] }, { _id: 1, attempts: 1 })
        .sort({ at: 1 })
        .limit(limit)
        .lean();
      let handled = 0;
      for (const entry of due) {
        const { _id } = entry;
        const notification = await claim(entry);
        if (!notification) continue;
        handled += 1;
        try {
          const deliveries = await send(notification);
          await store.notifications.updateOne({ _id }, { $set: { deliveredAt: new Date(), deliveries }, $unset: { lastError: 1 } });
        } catch (error) {
          const attempts = (notification.attempts ?? 0) + 1;
          await store.notifications.updateOne(
            { _id },
            {
              $set: { attempts, nextAttemptAt: new Date(Date.now() + backoffMs(attempts, retry.baseMs, retry.maxMs)), lastError: (error as Error).message },
            },
          );
        }
      }
      return handled;
    },
  };
}

export type NotificationDeliveryService = ReturnType<typeof createNotificationDelivery>;
