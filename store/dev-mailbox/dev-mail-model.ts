import { Schema, type Connection, type Model } from 'mongoose';

/** What the dev stack's local SMTP server received: the admins' outbox page shows it beside the outbox. */
export interface DevMailDocument {
  messageId?: string;
  from?: string;
  to: string[];
  subject: string;
  text: string;
  attachments: Array<{ filename: string; contentType: string; size: number }>;
  receivedAt: Date;
}

const devMailSchema = new Schema<DevMailDocument>(
  {
    messageId: String,
    from: String,
    to: [String],
    subject: String,
    text: String,
    attachments: [{ _id: false, filename: String, contentType: String, size: Number }],
    receivedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
devMailSchema.index({ receivedAt: -1 });

export function devMailModel(connection: Connection): Model<DevMailDocument> {
  return connection.models.DevMail ?? connection.model<DevMailDocument>('DevMail', devMailSchema, 'devMailbox');
}
