import type { Assignment, ImportMapping, SeenAssignee } from '@engine/import/import-types.js';

/** One group or person the file names, as the dialog lets the reader say who they are in MotCua. */
export interface MappingRow {
  kind: SeenAssignee['kind'];
  name: string;
  elementIds: string[];
  role: string;
  unit: string;
}

const tableOf = (mapping: ImportMapping, kind: MappingRow['kind']) => (kind === 'group' ? mapping.groups : mapping.users);

function savedAssignment(mapping: ImportMapping, kind: MappingRow['kind'], name: string): Assignment | undefined {
  const table = tableOf(mapping, kind);
  return Object.hasOwn(table, name) ? table[name] : undefined;
}

/** A row per group and person the file names, groups first, filled in from the agency's saved mapping. */
export function mappingRows(assignees: readonly SeenAssignee[], saved: ImportMapping): MappingRow[] {
  const kinds: MappingRow['kind'][] = ['group', 'user'];
  return kinds.flatMap((kind) =>
    assignees
      .filter((assignee) => assignee.kind === kind)
      .map(({ name, elementIds }) => ({ kind, name, elementIds, role: '', unit: '', ...savedAssignment(saved, kind, name) })),
  );
}

/** Whether the row says both a role and a unit; a row with either left blank maps nobody. */
export function isComplete(row: MappingRow): boolean {
  return row.role.trim() !== '' && row.unit.trim() !== '';
}

/**
 * The agency's mapping after this import: what was saved for names this file does not use, and for
 * each name it does, the row's role and unit — or nothing, when the reader left the row blank.
 */
export function mappingWith(saved: ImportMapping, rows: readonly MappingRow[]): ImportMapping {
  const mapping: ImportMapping = { groups: { ...saved.groups }, users: { ...saved.users } };
  for (const row of rows) {
    const table = tableOf(mapping, row.kind);
    if (isComplete(row)) table[row.name] = { role: row.role.trim(), unit: row.unit.trim() };
    else delete table[row.name];
  }
  return mapping;
}

/** Whether two mappings say the same of every name, whatever order their names were written in. */
export function sameMapping(a: ImportMapping, b: ImportMapping): boolean {
  const entries = (mapping: ImportMapping) =>
    JSON.stringify((['groups', 'users'] as const).map((kind) => Object.entries(mapping[kind]).map(([name, { role, unit }]) => [name, role, unit]).sort()));
  return entries(a) === entries(b);
}
