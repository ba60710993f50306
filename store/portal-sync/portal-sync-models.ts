import { Schema, type Connection, type Model } from 'mongoose';
import { dossierStatuses, type DossierStatus } from '../../engine/dossier/dossier-status.js';

/**
 * One state of a dossier, in the order its workflow wrote it (`sequence`), waiting to be told to
 * the national portal. Sent one at a time per dossier, oldest first; a state equal to the one
 * last sent is skipped, so the portal hears each change once.
 */
export interface PortalStatusDocument {
  /** `<dossier>#<sequence, 10 digits>`: the projection write it comes from; also the Idempotency-Key. */
  _id: string;
  dossierId: string;
  sequence: number;
  status: DossierStatus;
  receivedAt: Date;
  dueAt?: Date;
  finishedAt?: Date;
  enqueuedAt: Date;
  state: 'pending' | 'sent' | 'skipped';
  attempts: number;
  nextAttemptAt?: Date;
  lastError?: string;
  sentAt?: Date;
  /** From the status change to the portal's acknowledgement. */
  lagMs?: number;
  mappingVersion?: string;
}

/** What the portal last acknowledged for a dossier. */
export interface PortalDossierStateDocument {
  _id: string;
  sequence: number;
  status: DossierStatus;
  dueAt?: Date;
  finishedAt?: Date;
}

const statusSchema = new Schema<PortalStatusDocument>(
  {
    _id: { type: String, required: true },
    dossierId: { type: String, required: true },
    sequence: { type: Number, required: true },
    status: { type: String, enum: dossierStatuses, required: true },
    receivedAt: { type: Date, required: true },
    dueAt: Date,
    finishedAt: Date,
    enqueuedAt: { type: Date, required: true },
    state: { type: String, enum: ['pending', 'sent', 'skipped'], required: true },
    attempts: { type: Number, default: 0 },
    nextAttemptAt: Date,
    lastError: String,
    sentAt: Date,
    lagMs: Number,
    mappingVersion: String,
  },
  { versionKey: false },
);
statusSchema.index({ state: 1, dossierId: 1, sequence: 1 });
statusSchema.index({ state: 1, sentAt: -1 });

const dossierStateSchema = new Schema<PortalDossierStateDocument>(
  {
    _id: { type: String, required: true },
    sequence: { type: Number, required: true },
    status: { type: String, enum: dossierStatuses, required: true },
    dueAt: Date,
    finishedAt: Date,
  },
  { versionKey: false },
);

export function portalStatusModel(connection: Connection): Model<PortalStatusDocument> {
  return connection.models.PortalStatus ?? connection.model<PortalStatusDocument>('PortalStatus', statusSchema, 'portalStatuses');
}

export function portalDossierStateModel(connection: Connection): Model<PortalDossierStateDocument> {
  return connection.models.PortalDossierState ?? connection.model<PortalDossierStateDocument>('PortalDossierState', dossierStateSchema, 'portalDossierStates');
}
