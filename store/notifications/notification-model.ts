import { Schema, type Connection, type Model } from 'mongoose';

/** Who a notification is for: people by id, everyone holding a role in a unit, and/or the citizen. */
export interface Recipients {
  userIds: string[];
  roles: string[];
  units: string[];
  citizen: boolean;
}

/**
 * The notification outbox: what a dossier's workflow decided to tell someone (due soon, overdue,
 * supplementation requested, apology…). Written idempotently by the workflow's activities; the
 * delivery channels (email, SMS, portal) send from here and record how it went.
 */
export interface NotificationDocument {
  /** `<dossier>#<n>`: deterministic, so a retried activity cannot notify twice. */
  _id: string;
  dossierId: string;
  kind: string;
  at: Date;
  recipients: Recipients;
  data: Record<string, unknown>;
  /** When every channel it goes out on took it (or it needs none: staff see it in their worklist). */
  deliveredAt?: Date;
  /** What each channel sent, for the admins' outbox page. */
  deliveries?: NotificationDelivery[];
  attempts?: number;
  nextAttemptAt?: Date;
  lastError?: string;
}

export interface NotificationDelivery {
  channel: string;
  to: string;
  at: Date;
  messageId?: string;
  /** Ids of documents (PDFs) attached. */
  documentIds: string[];
}

const notificationSchema = new Schema<NotificationDocument>(
  {
    _id: { type: String, required: true },
    dossierId: { type: String, required: true },
    kind: { type: String, required: true },
    at: { type: Date, required: true },
    recipients: {
      userIds: [String],
      roles: [String],
      units: [String],
      citizen: { type: Boolean, default: false },
    },
    data: { type: Schema.Types.Mixed, default: {} },
    deliveredAt: Date,
    deliveries: [{ _id: false, channel: String, to: String, at: Date, messageId: String, documentIds: [String] }],
    attempts: { type: Number, default: 0 },
    nextAttemptAt: Date,
    lastError: String,
  },
  { versionKey: false, minimize: false },
);
notificationSchema.index({ dossierId: 1, at: 1 });
notificationSchema.index({ deliveredAt: 1, at: 1 });

export function notificationModel(connection: Connection): Model<NotificationDocument> {
  return connection.models.Notification ?? connection.model<NotificationDocument>('Notification', notificationSchema, 'notifications');
}
