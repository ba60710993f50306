import { onlineLevels } from './plan-schema.js';
import type { ProcedurePlan } from './procedure-plan.js';

export type OnlineLevel = (typeof onlineLevels)[number];

/** What a procedure that does not declare its level offers: online submission, the rest as its steps say. */
export const DEFAULT_ONLINE_LEVEL: OnlineLevel = 'partial';

/** The procedure's online service level; plans compiled before the level was declared read as the default. */
export function onlineLevelOf(plan: ProcedurePlan): OnlineLevel {
  return plan.procedure.onlineLevel ?? DEFAULT_ONLINE_LEVEL;
}

/** Whether a citizen may submit the procedure's dossiers online (every level but "in person only"). */
export function submittedOnline(plan: ProcedurePlan): boolean {
  return onlineLevelOf(plan) !== 'none';
}
