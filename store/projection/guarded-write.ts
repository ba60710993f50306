import type { Model } from 'mongoose';

export type GuardedWriteResult = 'applied' | 'stale';

const duplicateKey = 11000;

/**
 * Writes a projected document only if `sequence` is newer than the one it holds, creating it if
 * absent. Activities retry and may run late; the sequence numbers the workflow hands out make a
 * late write lose against a newer one instead of overwriting it. Works without transactions
 * (FerretDB): a stale upsert fails on the `_id` unique index and is reported as stale.
 */
export async function guardedWrite<T>(
  model: Model<T>,
  id: string,
  sequence: number,
  fields: Partial<T>,
  fieldsOnInsert: Partial<T> = {},
): Promise<GuardedWriteResult> {
  try {
    await model.updateOne(
      { _id: id, $or: [{ sequence: { $lt: sequence } }, { sequence: { $exists: false } }] } as never,
      { $set: { ...fields, sequence }, $setOnInsert: fieldsOnInsert } as never,
      { upsert: true },
    );
    return 'applied';
  } catch (error) {
    if ((error as { code?: number }).code === duplicateKey) return 'stale';
    throw error;
  }
}
