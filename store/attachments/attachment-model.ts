import { Schema, type Connection, type Model } from 'mongoose';

export const attachmentPurposes = ['submission', 'supplement', 'original-seen'] as const;
export type AttachmentPurpose = (typeof attachmentPurposes)[number];

/**
 * A file a citizen or officer attached to a dossier; its bytes live in the attachment storage under
 * `_id`. An `original-seen` one has no bytes: the receiving officer saw the paper original at the
 * counter and kept no copy, so the document field still names one of the dossier's documents.
 */
export interface AttachmentDocument {
  _id: string;
  dossierId: string;
  fileName: string;
  contentType: string;
  size: number;
  purpose: AttachmentPurpose;
  uploadedBy: string;
  uploadedAt: Date;
}

const attachmentSchema = new Schema<AttachmentDocument>(
  {
    _id: { type: String, required: true },
    dossierId: { type: String, required: true },
    fileName: { type: String, required: true },
    contentType: { type: String, required: true },
    size: { type: Number, required: true },
    purpose: { type: String, enum: attachmentPurposes, required: true },
    uploadedBy: { type: String, required: true },
    uploadedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
attachmentSchema.index({ dossierId: 1, uploadedAt: 1 });

export function attachmentModel(connection: Connection): Model<AttachmentDocument> {
  return connection.models.Attachment ?? connection.model<AttachmentDocument>('Attachment', attachmentSchema, 'attachments');
}
