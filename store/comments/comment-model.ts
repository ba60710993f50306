import { Schema, type Connection, type Model } from 'mongoose';

/**
 * A comment staff leave on a dossier for each other (“trao đổi nội bộ”): read by the staff who work
 * on it, never by the citizen nor in public tracking. Comments are never edited or deleted.
 */
export interface CommentDocument {
  _id: string;
  dossierId: string;
  agencyId: string;
  /** The user who wrote it, and their name as it read then. */
  author: string;
  authorName: string;
  text: string;
  at: Date;
}

const commentSchema = new Schema<CommentDocument>(
  {
    _id: { type: String, required: true },
    dossierId: { type: String, required: true },
    agencyId: { type: String, required: true },
    author: { type: String, required: true },
    authorName: { type: String, required: true },
    text: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
commentSchema.index({ dossierId: 1, at: 1 });

export function commentModel(connection: Connection): Model<CommentDocument> {
  return connection.models.Comment ?? connection.model<CommentDocument>('Comment', commentSchema, 'comments');
}
