import { Schema, type Connection, type Model } from 'mongoose';

/** What a person may do in MotCua, whatever their agency writes on their door. */
export const systemRoles = ['reformer', 'agency-admin', 'officer', 'supervisor', 'citizen', 'auditor'] as const;
export type SystemRole = (typeof systemRoles)[number];

/**
 * A person who signs in: staff (one agency, one or more of its units, the positions procedures
 * name as candidate roles) or a citizen. `passwordHash` is absent for accounts of an SSO.
 */
export interface UserDocument {
  _id: string;
  username: string;
  name: string;
  passwordHash?: string;
  roles: SystemRole[];
  positions: string[];
  agencyId?: string;
  units: string[];
  disabled: boolean;
  createdAt: Date;
  /** Where staff notices go (reports, escalations), when given. */
  email?: string;
  phone?: string;
  lastSignInAt?: Date;
}

const userSchema = new Schema<UserDocument>(
  {
    _id: { type: String, required: true },
    username: { type: String, required: true },
    name: { type: String, required: true },
    passwordHash: String,
    roles: { type: [String], enum: systemRoles, required: true },
    positions: { type: [String], default: [] },
    agencyId: String,
    units: { type: [String], default: [] },
    disabled: { type: Boolean, default: false },
    createdAt: { type: Date, required: true },
    email: String,
    phone: String,
    lastSignInAt: Date,
  },
  { versionKey: false },
);
userSchema.index({ username: 1 }, { unique: true });

export function userModel(connection: Connection): Model<UserDocument> {
  return connection.models.User ?? connection.model<UserDocument>('User', userSchema, 'users');
}
