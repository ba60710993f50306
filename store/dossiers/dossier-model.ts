import { Schema, type Connection, type Model } from 'mongoose';
import { dossierStatuses, type DossierStatus } from '../../engine/dossier/dossier-status.js';

export const channels = ['in-person', 'online', 'post'] as const;
export type Channel = (typeof channels)[number];

export const deliveryMethods = ['counter', 'post'] as const;

/** How the citizen receives the result: at the one-stop counter, or by public postal service to an address. */
export type ResultDelivery = { method: 'counter' } | { method: 'post'; address: string };

export interface Applicant {
  name: string;
  idNumber?: string;
  email?: string;
  phone?: string;
  address?: string;
}

/** The read model of one dossier; Temporal (workflow id = `_id`) is the source of truth while it runs. */
export interface DossierDocument {
  /** The dossier code, e.g. 000.00.12.H56-260315-0042; also the workflow id. */
  _id: string;
  procedureCode: string;
  procedureVersion: number;
  planHash: string;
  calendarHash: string;
  /** The calendar the dossier's plan counts in: publishing a new version of it tells running dossiers. */
  calendarId?: string;
  agencyId: string;
  channel: Channel;
  applicant: Applicant;
  /** The citizen account that owns it, when submitted online. */
  ownerId?: string;
  /** The officer who received it in person or by post: they keep seeing the dossier they registered. */
  receivedBy?: string;
  /** The fee the receiving officer collected at the counter, with the receipt (biên lai) number. */
  counterFee?: { amount: number; receiptNumber: string; collectedAt: Date; collectedBy: string };
  /** Chosen at submission; dossiers received before the choice existed have none (at the counter). */
  delivery?: ResultDelivery;
  status: DossierStatus;
  receivedAt: Date;
  /** The appointment (return) date: the legal deadline, moved once by an apology letter. */
  dueAt?: Date;
  overdue: boolean;
  /** What is being done now, in words a citizen reads. */
  currentSteps: Array<{ elementId: string; name: string }>;
  supplementationCount: number;
  /** When processing ended (the step that returns the result opened); the on-time rules count to here. */
  processedAt?: Date;
  finishedAt?: Date;
  punctuality?: 'early' | 'on-time' | 'late';
  sequence: number;
  updatedAt: Date;
}

const dossierSchema = new Schema<DossierDocument>(
  {
    _id: { type: String, required: true },
    procedureCode: { type: String, required: true },
    procedureVersion: { type: Number, required: true },
    planHash: { type: String, required: true },
    calendarHash: { type: String, required: true },
    calendarId: String,
    agencyId: { type: String, required: true },
    channel: { type: String, enum: channels, required: true },
    applicant: {
      name: { type: String, required: true },
      idNumber: String,
      email: String,
      phone: String,
      address: String,
    },
    ownerId: String,
    receivedBy: String,
    counterFee: { type: { _id: false, amount: Number, receiptNumber: String, collectedAt: Date, collectedBy: String }, required: false },
    delivery: new Schema({ method: { type: String, enum: deliveryMethods, required: true }, address: String }, { _id: false }),
    status: { type: String, enum: dossierStatuses, required: true },
    receivedAt: { type: Date, required: true },
    dueAt: Date,
    overdue: { type: Boolean, default: false },
    currentSteps: [{ _id: false, elementId: String, name: String }],
    supplementationCount: { type: Number, default: 0 },
    processedAt: Date,
    finishedAt: Date,
    punctuality: { type: String, enum: ['early', 'on-time', 'late'] },
    sequence: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
dossierSchema.index({ agencyId: 1, status: 1, dueAt: 1 });
dossierSchema.index({ ownerId: 1, receivedAt: -1 });
dossierSchema.index({ overdue: 1, dueAt: 1 });
dossierSchema.index({ procedureCode: 1, receivedAt: -1 });

export function dossierModel(connection: Connection): Model<DossierDocument> {
  return connection.models.Dossier ?? connection.model<DossierDocument>('Dossier', dossierSchema, 'dossiers');
}
