import { Schema, type Connection, type Model } from 'mongoose';
import type { Assignment, ImportMapping } from '../../engine/import/import-types.js';

/** One name of the other tool (a candidate group, an assignee) and who it is in MotCua. */
export interface MappedName extends Assignment {
  name: string;
}

/**
 * How an agency's people in Camunda or Flowable models become MotCua's roles and units, as the last
 * person who imported a model for it left it. Kept as lists, not maps: the other tools' names may
 * hold dots and dollar signs, which a document's keys may not.
 */
export interface ImportMappingDocument {
  /** The agency's id. */
  _id: string;
  groups: MappedName[];
  users: MappedName[];
  updatedAt: Date;
  updatedBy: string;
}

const mappedNameSchema = new Schema<MappedName>(
  { name: { type: String, required: true }, role: { type: String, required: true }, unit: { type: String, required: true } },
  { _id: false },
);

const importMappingSchema = new Schema<ImportMappingDocument>(
  {
    _id: { type: String, required: true },
    groups: { type: [mappedNameSchema], required: true },
    users: { type: [mappedNameSchema], required: true },
    updatedAt: { type: Date, required: true },
    updatedBy: { type: String, required: true },
  },
  { versionKey: false },
);

export function importMappingModel(connection: Connection): Model<ImportMappingDocument> {
  return connection.models.ImportMapping ?? connection.model<ImportMappingDocument>('ImportMapping', importMappingSchema, 'importMappings');
}

/** The stored lists as the converter takes them (engine/import's ImportMapping). */
export function importMappingOf(document: Pick<ImportMappingDocument, 'groups' | 'users'>): ImportMapping {
  const record = (names: MappedName[]) => Object.fromEntries(names.map(({ name, role, unit }) => [name, { role, unit }]));
  return { groups: record(document.groups), users: record(document.users) };
}

/** A mapping as it is stored: lists in the order of the names, so equal mappings are equal documents. */
export function storedNames(assignments: Record<string, Assignment>): MappedName[] {
  return Object.entries(assignments)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, { role, unit }]) => ({ name, role, unit }));
}
