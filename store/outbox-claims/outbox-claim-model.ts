import { Schema, type Connection, type Model } from 'mongoose';

/**
 * Who sends an outbox entry's next attempt: the process that inserted `<entry>#<attempt>` first.
 * An insert on a unique `_id` is atomic on FerretDB and MongoDB alike, where a conditional
 * find-and-modify is not on FerretDB.
 */
export interface OutboxClaimDocument {
  _id: string;
  at: Date;
}

const outboxClaimSchema = new Schema<OutboxClaimDocument>({ _id: { type: String, required: true }, at: { type: Date, required: true } }, { versionKey: false });

export function outboxClaimModel(connection: Connection): Model<OutboxClaimDocument> {
  return connection.models.OutboxClaim ?? connection.model<OutboxClaimDocument>('OutboxClaim', outboxClaimSchema, 'outboxClaims');
}
