import { Schema, type Connection, type Model } from 'mongoose';

/** A file a citizen or officer attached to a dossier; its bytes live in the attachment storage under `_id`. */
export interface AttachmentDocument {
  _id: string;
  dossierId: string;
  fileName: string;
  contentType: string;
  size: number;
  /** `submission` or `supplement`. */
  purpose: 'submission' | 'supplement';
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
    purpose: { type: String, enum: ['submission', 'supplement'], required: true },
    uploadedBy: { type: String, required: true },
    uploadedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
attachmentSchema.index({ dossierId: 1, uploadedAt: 1 });

export function attachmentModel(connection: Connection): Model<AttachmentDocument> {
  return connection.models.Attachment ?? connection.model<AttachmentDocument>('Attachment', attachmentSchema, 'attachments');
}
