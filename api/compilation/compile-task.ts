import { compareProcedures, type ComparedVersion, type ProcedureComparison } from '../../engine/analysis/compare/compare-procedures.js';
import { compile, type CompileResult } from '../../engine/compiler/compile.js';
import type { ProcedureRegistry } from '../../engine/plan/procedure-registry.js';
import { readProcedureIdentity, type ProcedureIdentity } from './procedure-identity.js';

/** What one pool thread is asked to do: compile a model, only read the procedure it declares, or compare two compiled versions. */
export type CompileTask =
  | { kind: 'compile'; xml: string; procedures?: ProcedureRegistry; withPlan: boolean }
  | { kind: 'identity'; xml: string }
  | { kind: 'compare'; before: ComparedVersion; after: ComparedVersion };

/** A compile's verdict without the plan: what a preview shows, a fraction of the plan's size to copy. */
export type CompileCheck = Pick<CompileResult, 'ok' | 'diagnostics' | 'analysis'>;

/**
 * Runs in a pool thread (api/compilation/compile-worker.mjs loads it). The result is copied to the
 * API's thread, so the plan's canonical text and hash, which compile works out on first use, are
 * worked out here, off the event loop; and a plan nobody reads is not copied (reading it back costs
 * the API's thread about 17 ms at 5,000 nodes).
 */
export default async function runCompileTask(task: CompileTask): Promise<CompileResult | CompileCheck | ProcedureIdentity | ProcedureComparison | undefined> {
  if (task.kind === 'identity') return readProcedureIdentity(task.xml);
  if (task.kind === 'compare') return compareProcedures(task.before, task.after);
  const result = await compile(task.xml, task.procedures ? { procedures: task.procedures } : {});
  if (!task.withPlan) return { ok: result.ok, diagnostics: result.diagnostics, analysis: result.analysis };
  return { ...result, canonical: result.canonical, hash: result.hash };
}
