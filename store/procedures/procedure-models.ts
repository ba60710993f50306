import { Schema, type Connection, type Model } from 'mongoose';

/** A procedure as the registry knows it: its draft, and which deployed version is current. */
export interface ProcedureDocument {
  /** The procedure code (mc:procedureCode). */
  _id: string;
  agencyId: string;
  name: string;
  draftXml?: string;
  currentVersion?: number;
  retired: boolean;
  updatedAt: Date;
  updatedBy?: string;
}

/** A deployed version: immutable once written; dossiers pin its plan hash. */
export interface ProcedureVersionDocument {
  /** `<code>@<version>`. */
  _id: string;
  procedureCode: string;
  version: number;
  planHash: string;
  xml: string;
  deployedAt: Date;
  deployedBy: string;
  retiredAt?: Date;
}

/** A compiled plan stored under its content hash, written once and never changed. */
export interface PlanDocument {
  _id: string;
  plan: unknown;
  createdAt: Date;
}

const procedureSchema = new Schema<ProcedureDocument>(
  {
    _id: { type: String, required: true },
    agencyId: { type: String, required: true },
    name: { type: String, required: true },
    draftXml: String,
    currentVersion: Number,
    retired: { type: Boolean, default: false },
    updatedAt: { type: Date, required: true },
    updatedBy: String,
  },
  { versionKey: false },
);
procedureSchema.index({ agencyId: 1, name: 1 });

const procedureVersionSchema = new Schema<ProcedureVersionDocument>(
  {
    _id: { type: String, required: true },
    procedureCode: { type: String, required: true },
    version: { type: Number, required: true },
    planHash: { type: String, required: true },
    xml: { type: String, required: true },
    deployedAt: { type: Date, required: true },
    deployedBy: { type: String, required: true },
    retiredAt: Date,
  },
  { versionKey: false },
);
procedureVersionSchema.index({ procedureCode: 1, version: 1 }, { unique: true });
procedureVersionSchema.index({ planHash: 1 });

const planSchema = new Schema<PlanDocument>(
  {
    _id: { type: String, required: true },
    plan: { type: Schema.Types.Mixed, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, minimize: false },
);

export function procedureModel(connection: Connection): Model<ProcedureDocument> {
  return connection.models.Procedure ?? connection.model<ProcedureDocument>('Procedure', procedureSchema, 'procedures');
}

export function procedureVersionModel(connection: Connection): Model<ProcedureVersionDocument> {
  return (
    connection.models.ProcedureVersion ??
    connection.model<ProcedureVersionDocument>('ProcedureVersion', procedureVersionSchema, 'procedureVersions')
  );
}

export function planModel(connection: Connection): Model<PlanDocument> {
  return connection.models.Plan ?? connection.model<PlanDocument>('Plan', planSchema, 'plans');
}
