import { Schema, type Connection, type Model } from 'mongoose';
import { appendToLog, logEnd, logEntryAt, positionedId, type ConsecutiveLog, type CounterDocument } from '../consecutive-log/consecutive-log.js';
import { isDuplicateKey } from '../duplicate-key.js';

// A named sequence (e.g. one per agency per day for dossier codes) is a head and one claim per value.
export type { CounterDocument };

const counterSchema = new Schema<CounterDocument>(
  { _id: { type: String, required: true }, value: { type: Number, required: true } },
  { versionKey: false },
);

export function counterModel(connection: Connection): Model<CounterDocument> {
  return connection.models.Counter ?? connection.model<CounterDocument>('Counter', counterSchema, 'counters');
}

/** Values of counter `id` given back (`releaseCounterValue`), in the order they were. */
function releasedLog(model: Model<CounterDocument>, id: string): ConsecutiveLog<CounterDocument> {
  return { entries: model, counters: model, headId: `${id}~released`, entryId: (position) => positionedId(`${id}~released`, position) };
}

/** One entry per released value handed out again, at the same position as the released one. */
function reusedLog(model: Model<CounterDocument>, id: string): ConsecutiveLog<CounterDocument> {
  return { entries: model, counters: model, headId: `${id}~reused`, entryId: (position) => positionedId(`${id}~reused`, position) };
}

/** A released value not yet handed out again, claimed by inserting its reuse entry (atomic, as below). */
async function takeReleasedValue(model: Model<CounterDocument>, id: string): Promise<number | undefined> {
  const released = releasedLog(model, id);
  const reused = reusedLog(model, id);
  for (;;) {
    const releasedEnd = await logEnd(released);
    const reusedEnd = await logEnd(reused);
    if (reusedEnd.position >= releasedEnd.position) return undefined;
    const position = reusedEnd.position + 1;
    try {
      await model.create({ _id: reused.entryId(position), value: position });
    } catch (error) {
      if (isDuplicateKey(error)) continue;
      throw error;
    }
    return (await logEntryAt(released, position))!.value;
  }
}

/**
 * The next value of counter `id` (1 for a new one), never handed out twice: a released value first,
 * else a new one. Each value is claimed by inserting `<id>#<value>`: FerretDB's `$inc` through
 * findAndModify is not atomic (50 concurrent increments gave 19 distinct values there), while a
 * unique `_id` insert is atomic on every store.
 */
export async function nextCounterValue(model: Model<CounterDocument>, id: string): Promise<number> {
  const released = await takeReleasedValue(model, id);
  if (released !== undefined) return released;
  const entryId = (value: number) => positionedId(id, value);
  const claim = await appendToLog({ entries: model, counters: model, headId: id, entryId }, (value) => ({ _id: entryId(value), value }));
  return claim.value;
}

/**
 * Gives back a value whose use failed (a submission refused after its code was taken), so the
 * next `nextCounterValue` hands it out again and the sequence keeps no gap.
 */
export async function releaseCounterValue(model: Model<CounterDocument>, id: string, value: number): Promise<void> {
  const log = releasedLog(model, id);
  await appendToLog(log, (position) => ({ _id: log.entryId(position), value }));
}
