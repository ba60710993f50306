import { detectDialect, importModel } from '@engine/import/import-model.js';
import type { Dialect, ImportMapping, ImportOutcome, ProcedureDefaults, SeenAssignee } from '@engine/import/import-types.js';

/** A file another modeler wrote, as the import dialog needs it: the tool, the people it names, its steps' names. */
export interface ForeignModel {
  xml: string;
  dialect: Dialect;
  assignees: SeenAssignee[];
  /** The names of the file's elements by id, to say which steps a group or person does. */
  elementNames: Record<string, string>;
}

function elementNames(xml: string): Record<string, string> {
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  return Object.fromEntries([...document.querySelectorAll('[id][name]')].map((element) => [element.getAttribute('id')!, element.getAttribute('name')!]));
}

/**
 * The file as another tool's model, when it is one the converter reads; undefined for MotCua's own
 * BPMN, and for a file the converter cannot read at all (the modeler then says why, as for any file).
 */
export async function readForeignModel(xml: string): Promise<ForeignModel | undefined> {
  const dialect = detectDialect(xml);
  if (!dialect) return undefined;
  // Converting with no mapping is how the file's people are found: each is reported as unmapped.
  const outcome = await importModel(xml, { from: dialect });
  if (!outcome.ok) return undefined;
  return { xml, dialect, assignees: outcome.assignees, elementNames: elementNames(xml) };
}

/** `stripForeign`: the other tool's markup left out of the model (else kept, so the file still opens there). */
export function convertForeignModel(model: ForeignModel, mapping: ImportMapping, procedure: ProcedureDefaults, stripForeign: boolean): Promise<ImportOutcome> {
  return importModel(model.xml, { from: model.dialect, mapping, procedure, stripForeign });
}
