import { Schema, type Connection, type Model } from 'mongoose';

/**
 * A submission's Idempotency-Key, taken by the attempt that inserts it first (a unique `_id`, atomic
 * on FerretDB), with the dossier that attempt made: a retried submission answers with that dossier.
 */
export interface SubmissionKeyDocument {
  /** `<principal id>:<Idempotency-Key>`: keys are the submitter's own. */
  _id: string;
  dossierId: string;
  at: Date;
}

const submissionKeySchema = new Schema<SubmissionKeyDocument>(
  { _id: { type: String, required: true }, dossierId: { type: String, required: true }, at: { type: Date, required: true } },
  { versionKey: false },
);

export function submissionKeyModel(connection: Connection): Model<SubmissionKeyDocument> {
  return connection.models.SubmissionKey ?? connection.model<SubmissionKeyDocument>('SubmissionKey', submissionKeySchema, 'submissionKeys');
}
