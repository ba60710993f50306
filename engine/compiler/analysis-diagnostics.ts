import type { DefectKind } from '../analysis/soundness/explore-net.js';
import type { ProcedurePlan } from '../plan/procedure-plan.js';
import type { CompileContext } from './compile-context.js';
import type { ProcedureAnalysis } from '../analysis/procedure-analysis.js';

const defectCodes: Record<DefectKind, 'deadlock' | 'lack-of-synchronization' | 'cycle-without-exit'> = {
  deadlock: 'deadlock',
  'lack-of-synchronization': 'lack-of-synchronization',
  livelock: 'cycle-without-exit',
};

/** Turns what the analyses found into diagnostics on the elements concerned. */
export function reportAnalysis(context: CompileContext, plan: ProcedurePlan, analysis: ProcedureAnalysis): void {
  const { soundness, budget } = analysis;
  for (const finding of soundness.findings) {
    context.report(defectCodes[finding.kind], finding.elementId, undefined, { relatedElementIds: finding.relatedElementIds });
  }
  for (const scope of soundness.scopes) {
    if (scope.verdict === 'inconclusive') context.report('soundness-inconclusive', scope.scopeId, { states: soundness.maxStates });
  }
  for (const assumption of budget.assumptions) {
    if (assumption.kind === 'unbounded-rework') context.report('unbounded-rework', assumption.elementId);
  }
  if (budget.legalLimit && (budget.verdict === 'exceeds' || budget.verdict === 'indeterminate')) {
    context.report(
      budget.verdict === 'exceeds' ? 'deadline-budget-exceeded' : 'deadline-budget-indeterminate',
      plan.process.id,
      { budget: budget.text, limit: budget.legalLimit },
      { relatedElementIds: budget.criticalPath },
    );
  }
  for (const subprocess of budget.subprocesses) {
    if (subprocess.verdict === 'within') continue;
    context.report(
      subprocess.verdict === 'exceeds' ? 'deadline-budget-exceeded' : 'deadline-budget-indeterminate',
      subprocess.elementId,
      { budget: subprocess.total, limit: subprocess.deadline },
    );
  }
}
