import { CompileContext, MISSING } from '../../engine/compiler/compile-context.js';
import { readProcedure } from '../../engine/compiler/read-procedure.js';
import { children, idOf } from '../../engine/moddle/moddle-element.js';
import { readBpmn } from '../../engine/moddle/read-bpmn.js';

export interface ProcedureIdentity {
  code: string;
  name: string;
  agencyId: string;
}

/**
 * The code, name and agency a model declares, read even when the model has errors (a draft is saved
 * as it is); undefined when the XML cannot be read or declares no code or agency.
 */
export async function readProcedureIdentity(xml: string): Promise<ProcedureIdentity | undefined> {
  const { definitions } = await readBpmn(xml);
  const process = definitions && children(definitions, 'rootElements').find((element) => element.$type === 'bpmn:Process');
  const processId = process && idOf(process);
  if (!process || !processId) return undefined;
  const settings = readProcedure(new CompileContext(undefined, []), process, processId);
  if (settings.code === MISSING || settings.agency === MISSING) return undefined;
  return { code: settings.code, name: settings.name || settings.code, agencyId: settings.agency };
}
