import { Schema, type Connection, type Model } from 'mongoose';
import { isDuplicateKey } from '../duplicate-key.js';

/**
 * A key taken once, by whoever inserts it first: an insert on a unique `_id` is atomic on FerretDB
 * and MongoDB alike, where a conditional find-and-modify is not on FerretDB. Answered requests
 * (idempotency keys), outbox attempts and snapshot rounds are claims.
 */
export interface ClaimDocument {
  _id: string;
  at: Date;
}

export type Claims = Model<ClaimDocument>;

const claimSchema = new Schema<ClaimDocument>({ _id: { type: String, required: true }, at: { type: Date, required: true } }, { versionKey: false });

export function claimsModel(connection: Connection, name: 'AnsweredRequest' | 'OutboxClaim' | 'SnapshotClaim', collection: string): Claims {
  return connection.models[name] ?? connection.model<ClaimDocument>(name, claimSchema, collection);
}

// A claim matters for seconds (until the store shows an answered request's result) or minutes (an
// outbox attempt's lease); kept a day, then forgotten, as FerretDB has no TTL index.
const keptMs = 24 * 3_600_000;
const sweepEveryMs = 3_600_000;
const lastSweep = new WeakMap<Claims, number>();

/** Takes `key` at `at`: true when this call took it, false when it was taken before. */
export async function takeClaim(claims: Claims, key: string, at = new Date()): Promise<boolean> {
  sweepOldClaims(claims, at.getTime());
  try {
    await claims.create({ _id: key, at });
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

/** Deletes claims older than a day, at most once an hour per process, alongside a take. */
function sweepOldClaims(claims: Claims, now: number): void {
  if (now - (lastSweep.get(claims) ?? 0) < sweepEveryMs) return;
  lastSweep.set(claims, now);
  // Nobody waits on the sweep; one that fails leaves old claims for the next, and no claim is wrong meanwhile.
  claims
    .deleteMany({ at: { $lt: new Date(now - keptMs) } })
    .exec()
    .catch(() => lastSweep.delete(claims));
}
