import { Schema, type Connection, type Model } from 'mongoose';
import { isDuplicateKey } from '../duplicate-key.js';

/**
 * A request answered under an idempotency key. Temporal answers a replayed Update with its first
 * result, and the store may not show that result yet, so the first answer inserts the key: any API
 * process then knows a replay for what it is.
 */
export interface AnsweredRequestDocument {
  _id: string;
  at: Date;
}

const answeredRequestSchema = new Schema<AnsweredRequestDocument>({ _id: { type: String, required: true }, at: { type: Date, required: true } }, { versionKey: false });

export function answeredRequestModel(connection: Connection): Model<AnsweredRequestDocument> {
  return connection.models.AnsweredRequest ?? connection.model<AnsweredRequestDocument>('AnsweredRequest', answeredRequestSchema, 'answeredRequests');
}

/** Whether this is the first answer under `key` (an insert on a unique `_id`: atomic on FerretDB too). */
export async function isFirstAnswer(model: Model<AnsweredRequestDocument>, key: string): Promise<boolean> {
  try {
    await model.create({ _id: key, at: new Date() });
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}
