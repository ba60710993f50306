import { Schema, type Connection, type Model } from 'mongoose';

export const administrativeLevels = ['ministry', 'province', 'district', 'commune'] as const;
export type AdministrativeLevel = (typeof administrativeLevels)[number];

/** An agency in the organisation tree; `code` is the one dossier codes carry (e.g. 000.00.12.H56). */
export interface AgencyDocument {
  _id: string;
  name: string;
  level: AdministrativeLevel;
  parentId?: string;
  code: string;
}

/** A unit of an agency (one-stop office, a department); its head is who overdue work goes to. */
export interface UnitDocument {
  _id: string;
  agencyId: string;
  name: string;
  headUserId?: string;
}

/** A position procedures name as a step's candidate role (chuyen-vien, truong-phong…). */
export interface PositionDocument {
  _id: string;
  name: string;
}

const agencySchema = new Schema<AgencyDocument>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    level: { type: String, enum: administrativeLevels, required: true },
    parentId: String,
    code: { type: String, required: true },
  },
  { versionKey: false },
);
agencySchema.index({ code: 1 }, { unique: true });

const unitSchema = new Schema<UnitDocument>(
  {
    _id: { type: String, required: true },
    agencyId: { type: String, required: true },
    name: { type: String, required: true },
    headUserId: String,
  },
  { versionKey: false },
);
unitSchema.index({ agencyId: 1 });

const positionSchema = new Schema<PositionDocument>(
  { _id: { type: String, required: true }, name: { type: String, required: true } },
  { versionKey: false },
);

export function agencyModel(connection: Connection): Model<AgencyDocument> {
  return connection.models.Agency ?? connection.model<AgencyDocument>('Agency', agencySchema, 'agencies');
}

export function unitModel(connection: Connection): Model<UnitDocument> {
  return connection.models.Unit ?? connection.model<UnitDocument>('Unit', unitSchema, 'units');
}

export function positionModel(connection: Connection): Model<PositionDocument> {
  return connection.models.Position ?? connection.model<PositionDocument>('Position', positionSchema, 'positions');
}
