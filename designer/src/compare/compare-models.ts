import { compareProcedures, type ProcedureComparison } from '@engine/analysis/compare/compare-procedures.js';
import { compile } from '@engine/compiler/compile.js';
import type { Diagnostic } from '@engine/diagnostics/diagnostic.js';
import type { ProcedureRegistry } from '@engine/plan/procedure-registry.js';

export type ModelComparison =
  | { ok: true; comparison: ProcedureComparison }
  | { ok: false; side: 'before' | 'after'; errors: Diagnostic[] };

/**
 * Compares two BPMN models as the reform comparison does everywhere (engine/analysis/compare):
 * both compiled, then their plans and analyses compared. A model with errors has no plan, so the
 * answer then names the side and its errors.
 */
export async function compareModels(beforeXml: string, afterXml: string, procedures?: ProcedureRegistry): Promise<ModelComparison> {
  const [before, after] = await Promise.all([compile(beforeXml, { procedures }), compile(afterXml, { procedures })]);
  for (const [side, result] of [['before', before], ['after', after]] as const) {
    if (!result.ok || !result.plan || !result.analysis) return { ok: false, side, errors: result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error') };
  }
  return { ok: true, comparison: compareProcedures({ plan: before.plan!, analysis: before.analysis! }, { plan: after.plan!, analysis: after.analysis! }) };
}
