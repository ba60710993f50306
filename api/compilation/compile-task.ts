import { compile, type CompileResult } from '../../engine/compiler/compile.js';
import type { ProcedureRegistry } from '../../engine/plan/procedure-registry.js';
import { readProcedureIdentity, type ProcedureIdentity } from '../procedures/procedure-identity.js';

/** What one pool thread is asked to do: compile a model, or only read the procedure it declares. */
export type CompileTask = { kind: 'compile'; xml: string; procedures?: ProcedureRegistry } | { kind: 'identity'; xml: string };

/**
 * Runs in a pool thread (api/compilation/compile-worker.mjs loads it). The result is copied to the
 * API's thread, so the plan's canonical text and hash, which compile works out on first use, are
 * worked out here, off the event loop.
 */
export default async function runCompileTask(task: CompileTask): Promise<CompileResult | ProcedureIdentity | undefined> {
  if (task.kind === 'identity') return readProcedureIdentity(task.xml);
  const result = await compile(task.xml, task.procedures ? { procedures: task.procedures } : {});
  return { ...result, canonical: result.canonical, hash: result.hash };
}
