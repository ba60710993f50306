import type { DeadlineBudget } from './budget/deadline-budget.js';
import type { ReformMetrics } from './metrics/reform-metrics.js';
import type { SoundnessReport } from './soundness/check-soundness.js';

/** Everything the compiler works out about a procedure besides its plan. */
export interface ProcedureAnalysis {
  soundness: SoundnessReport;
  budget: DeadlineBudget;
  metrics: ReformMetrics;
}
