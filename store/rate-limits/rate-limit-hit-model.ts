import { Schema, type Connection, type Model } from 'mongoose';

/**
 * One request counted against a rate limit, in a fixed window: a process counts by inserting, the
 * only write FerretDB makes atomic, so every API process sees every other's hits.
 */
export interface RateLimitHitDocument {
  _id: string;
  /** The limiter and the client's key (its address), e.g. `auth:203.0.113.7`. */
  key: string;
  /** The window's start, in milliseconds since the epoch. */
  window: number;
}

const rateLimitHitSchema = new Schema<RateLimitHitDocument>(
  { _id: { type: String, required: true }, key: { type: String, required: true }, window: { type: Number, required: true } },
  { versionKey: false },
);
rateLimitHitSchema.index({ key: 1, window: 1 });

export type RateLimitHits = Model<RateLimitHitDocument>;

export function rateLimitHitModel(connection: Connection): RateLimitHits {
  return connection.models.RateLimitHit ?? connection.model<RateLimitHitDocument>('RateLimitHit', rateLimitHitSchema, 'rateLimitHits');
}
