import { Schema, type Connection, type Model } from 'mongoose';
import { positionedId } from '../consecutive-log/consecutive-log.js';

/** Who did something: a person acting in a role and unit, or MotCua itself applying a rule. */
export interface AuditActor {
  kind: 'person' | 'system';
  id: string;
  role?: string;
  unit?: string;
}

/**
 * One entry of an append-only, hash-chained audit stream (one stream per dossier, plus streams
 * for registry and administration actions). `hash` covers the entry and the previous hash, so
 * changing or removing an entry breaks every hash after it.
 */
export interface AuditEventDocument {
  /** `<stream>#<sequence, zero-padded>`: deterministic, so a retried write cannot duplicate. */
  _id: string;
  stream: string;
  sequence: number;
  at: Date;
  actor: AuditActor;
  action: string;
  target: { kind: string; id: string };
  details: Record<string, unknown>;
  previousHash: string;
  hash: string;
}

const auditEventSchema = new Schema<AuditEventDocument>(
  {
    _id: { type: String, required: true },
    stream: { type: String, required: true },
    sequence: { type: Number, required: true },
    at: { type: Date, required: true },
    actor: {
      kind: { type: String, enum: ['person', 'system'], required: true },
      id: { type: String, required: true },
      role: String,
      unit: String,
    },
    action: { type: String, required: true },
    target: { kind: { type: String, required: true }, id: { type: String, required: true } },
    details: { type: Schema.Types.Mixed, default: {} },
    previousHash: { type: String, required: true },
    hash: { type: String, required: true },
  },
  { versionKey: false, minimize: false },
);
auditEventSchema.index({ stream: 1, sequence: 1 }, { unique: true });
auditEventSchema.index({ at: -1 });
auditEventSchema.index({ 'actor.id': 1, at: -1 });

/** An entry's `_id`: consecutive per stream, so the entry after a known one is found by `_id` alone. */
export function auditEntryId(stream: string, sequence: number): string {
  return positionedId(stream, sequence);
}

export function auditEventModel(connection: Connection): Model<AuditEventDocument> {
  return connection.models.AuditEvent ?? connection.model<AuditEventDocument>('AuditEvent', auditEventSchema, 'auditEvents');
}
