import { Schema, type Connection, type Model } from 'mongoose';

/**
 * A published calendar version: immutable, numbered per calendar. New dossiers pin the latest;
 * running ones are told by the calendarChanged signal. `hash` is the calendar's content version.
 */
export interface CalendarVersionDocument {
  /** `<calendar id>@<version>`. */
  _id: string;
  calendarId: string;
  version: number;
  hash: string;
  data: unknown;
  publishedAt: Date;
  publishedBy: string;
}

/** An administrator's corrections not yet published: the whole calendar as it will be. */
export interface CalendarDraftDocument {
  _id: string;
  data: unknown;
  updatedAt: Date;
  updatedBy: string;
}

const calendarVersionSchema = new Schema<CalendarVersionDocument>(
  {
    _id: { type: String, required: true },
    calendarId: { type: String, required: true },
    version: { type: Number, required: true },
    hash: { type: String, required: true },
    data: { type: Schema.Types.Mixed, required: true },
    publishedAt: { type: Date, required: true },
    publishedBy: { type: String, required: true },
  },
  { versionKey: false, minimize: false },
);
calendarVersionSchema.index({ calendarId: 1, version: 1 }, { unique: true });

const calendarDraftSchema = new Schema<CalendarDraftDocument>(
  {
    _id: { type: String, required: true },
    data: { type: Schema.Types.Mixed, required: true },
    updatedAt: { type: Date, required: true },
    updatedBy: { type: String, required: true },
  },
  { versionKey: false, minimize: false },
);

export function calendarVersionModel(connection: Connection): Model<CalendarVersionDocument> {
  return connection.models.CalendarVersion ?? connection.model<CalendarVersionDocument>('CalendarVersion', calendarVersionSchema, 'calendarVersions');
}

export function calendarDraftModel(connection: Connection): Model<CalendarDraftDocument> {
  return connection.models.CalendarDraft ?? connection.model<CalendarDraftDocument>('CalendarDraft', calendarDraftSchema, 'calendarDrafts');
}
