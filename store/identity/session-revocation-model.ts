import { Schema, type Connection, type Model } from 'mongoose';

/**
 * When a user's sessions were last revoked (disabled, a new password, revoked by an administrator):
 * access tokens issued before are refused. Kept apart from the users, and only as long as an access
 * token lives, so every API process can read all of it every second.
 */
export interface SessionRevocationDocument {
  /** The user's id. */
  _id: string;
  revokedAt: Date;
}

const sessionRevocationSchema = new Schema<SessionRevocationDocument>(
  { _id: { type: String, required: true }, revokedAt: { type: Date, required: true } },
  { versionKey: false },
);

export function sessionRevocationModel(connection: Connection): Model<SessionRevocationDocument> {
  return connection.models.SessionRevocation ?? connection.model<SessionRevocationDocument>('SessionRevocation', sessionRevocationSchema, 'sessionRevocations');
}
