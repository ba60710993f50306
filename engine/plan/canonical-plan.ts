import { canonicalJson, contentHash, type CanonicalValue } from '../canonical/canonical-json.js';
import type { ProcedurePlan } from './procedure-plan.js';

/** The plan's canonical JSON: sorted keys, no whitespace, absent members left out. */
export function canonicalPlan(plan: ProcedurePlan): string {
  return canonicalJson(plan as CanonicalValue);
}

/** SHA-256 of the canonical JSON: the id under which a deployed plan is stored and pinned. */
export function planHash(plan: ProcedurePlan): string {
  return contentHash(plan as CanonicalValue);
}
