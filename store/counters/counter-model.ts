import { Schema, type Connection, type Model } from 'mongoose';
import { appendToLog, positionedId } from '../consecutive-log/consecutive-log.js';

/** A named sequence, e.g. one per agency per day for dossier codes: its head, and one claim per value. */
export interface CounterDocument {
  _id: string;
  value: number;
}

const counterSchema = new Schema<CounterDocument>(
  { _id: { type: String, required: true }, value: { type: Number, required: true } },
  { versionKey: false },
);

export function counterModel(connection: Connection): Model<CounterDocument> {
  return connection.models.Counter ?? connection.model<CounterDocument>('Counter', counterSchema, 'counters');
}

/**
 * The next value of counter `id` (1 for a new one), never handed out twice. Each value is claimed by
 * inserting `<id>#<value>`: FerretDB's `$inc` through findAndModify is not atomic (50 concurrent
 * increments gave 19 distinct values there), while a unique `_id` insert is atomic on every store.
 */
export async function nextCounterValue(model: Model<CounterDocument>, id: string): Promise<number> {
  const entryId = (value: number) => positionedId(id, value);
  const claim = await appendToLog({ entries: model, counters: model, headId: id, entryId }, (value) => ({ _id: entryId(value), value }));
  return claim.value;
}
