import { Schema, type Connection, type Model } from 'mongoose';

/**
 * Failed sign-ins in a row for one username (known or not, so a lockout tells nothing about which
 * usernames exist), and until when the account refuses every password. Deleted by a successful
 * sign-in or an administrator's unlock.
 */
export interface SignInLockoutDocument {
  /** The username as typed. */
  _id: string;
  failures: number;
  lastFailureAt: Date;
  lockedUntil?: Date;
}

const signInLockoutSchema = new Schema<SignInLockoutDocument>(
  {
    _id: { type: String, required: true },
    failures: { type: Number, required: true },
    lastFailureAt: { type: Date, required: true },
    lockedUntil: Date,
  },
  { versionKey: false },
);

export function signInLockoutModel(connection: Connection): Model<SignInLockoutDocument> {
  return connection.models.SignInLockout ?? connection.model<SignInLockoutDocument>('SignInLockout', signInLockoutSchema, 'signInLockouts');
}
