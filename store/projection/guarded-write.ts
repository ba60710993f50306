import type { Model } from 'mongoose';
import { storeServer } from '../connection.js';
import { isDuplicateKey } from '../duplicate-key.js';

export type GuardedWriteResult = 'applied' | 'stale';

type GuardedWrite = <T>(model: Model<T>, id: string, sequence: number, fields: Partial<T>, fieldsOnInsert?: Partial<T>) => Promise<GuardedWriteResult>;

/**
 * One conditional upsert, atomic on MongoDB: a stale upsert fails on the `_id` unique index and is
 * reported as stale.
 */
const conditionalUpsert: GuardedWrite = async (model, id, sequence, fields, fieldsOnInsert = {}) => {
  try {
    await model.updateOne(
      { _id: id, $or: [{ sequence: { $lt: sequence } }, { sequence: { $exists: false } }] } as never,
      { $set: { ...fields, sequence }, $setOnInsert: fieldsOnInsert } as never,
      { upsert: true },
    );
    return 'applied';
  } catch (error) {
    if (isDuplicateKey(error)) return 'stale';
    throw error;
  }
};

/**
 * Reads the held sequence by `_id`, then creates or writes by `_id`. FerretDB's SQLite backend
 * pushes only an `_id` filter down to its index and scans the whole collection for any other, and it
 * cannot compare and set atomically anyway. Creation is race-free (an insert-only upsert; the loser
 * compares again with what the winner wrote); the workflow sends one write per dossier at a time, so
 * an update can only race with a late retry.
 */
const readThenWrite: GuardedWrite = async (model, id, sequence, fields, fieldsOnInsert = {}) => {
  const held = await model.findOne({ _id: id } as never, { sequence: 1 }).lean<{ sequence?: number }>();
  if (held?.sequence !== undefined && held.sequence >= sequence) return 'stale';
  if (held) {
    await model.updateOne({ _id: id } as never, { $set: { ...fields, sequence } } as never);
    return 'applied';
  }
  try {
    const created = await model.updateOne({ _id: id } as never, { $setOnInsert: { ...fieldsOnInsert, ...fields, sequence } } as never, { upsert: true });
    if (created.upsertedCount === 1) return 'applied';
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
  return readThenWrite(model, id, sequence, fields, fieldsOnInsert);
};

export const guardedWriteStrategies = { conditionalUpsert, readThenWrite } as const;

/**
 * Writes a projected document only if `sequence` is newer than the one it holds, creating it if
 * absent. Activities retry and may run late; the sequence numbers the workflow hands out make a
 * late write lose against a newer one instead of overwriting it. Works without transactions.
 */
export const guardedWrite: GuardedWrite = (model, id, sequence, fields, fieldsOnInsert) =>
  (storeServer(model.db) === 'ferretdb' ? readThenWrite : conditionalUpsert)(model, id, sequence, fields, fieldsOnInsert);
