import { Schema, type Connection, type Model } from 'mongoose';

/**
 * One live refresh token (its `jti`). Refreshing deletes it and issues the next one, so a replayed
 * refresh token finds nothing; logging out deletes it too. Expired ones are swept at sign-in
 * (FerretDB has no TTL indexes).
 */
export interface RefreshSessionDocument {
  _id: string;
  userId: string;
  expiresAt: Date;
  createdAt: Date;
}

const refreshSessionSchema = new Schema<RefreshSessionDocument>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    expiresAt: { type: Date, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
refreshSessionSchema.index({ userId: 1, expiresAt: 1 });

export function refreshSessionModel(connection: Connection): Model<RefreshSessionDocument> {
  return connection.models.RefreshSession ?? connection.model<RefreshSessionDocument>('RefreshSession', refreshSessionSchema, 'refreshSessions');
}
