import { Schema, type Connection, type Model } from 'mongoose';
import { documentForms, type DocumentForm } from '../../engine/service-tasks/catalogue.js';

/** A signed PDF issued for a dossier (forms 01–04, result), kept as issued: never rewritten. */
export interface StoredDocument {
  /** `<dossier>#<form>#<hash of what it was issued for>`: issuing the same thing twice finds the first. */
  _id: string;
  dossierId: string;
  form: DocumentForm;
  sourceId: string;
  filename: string;
  bytes: Buffer;
  sha256: string;
  signer?: string;
  issuedAt: Date;
}

const documentSchema = new Schema<StoredDocument>(
  {
    _id: { type: String, required: true },
    dossierId: { type: String, required: true },
    form: { type: String, enum: documentForms, required: true },
    sourceId: { type: String, required: true },
    filename: { type: String, required: true },
    bytes: { type: Buffer, required: true },
    sha256: { type: String, required: true },
    signer: String,
    issuedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
documentSchema.index({ dossierId: 1, issuedAt: 1 });

export function documentModel(connection: Connection): Model<StoredDocument> {
  return connection.models.IssuedDocument ?? connection.model<StoredDocument>('IssuedDocument', documentSchema, 'documents');
}
