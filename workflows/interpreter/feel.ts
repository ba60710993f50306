import { evaluate } from 'feelin';
import type { Variables } from '../contract.js';

/** A FEEL expression that cannot be evaluated against the dossier's variables. */
export class FeelEvaluationError extends Error {
  override name = 'FeelEvaluationError';
}

/** Evaluates a FEEL expression over the dossier's variables (deterministic: no clock but workflow time). */
export function evaluateFeel(expression: string, variables: Variables): unknown {
  try {
    return evaluate(expression, variables).value;
  } catch (error) {
    throw new FeelEvaluationError(`FEEL "${expression}": ${(error as Error).message}`);
  }
}

/** A condition holds only when it evaluates to `true`; null (an unknown variable) does not. */
export function feelConditionHolds(expression: string, variables: Variables): boolean {
  return evaluateFeel(expression, variables) === true;
}

/** A multi-instance collection: must evaluate to a list. */
export function evaluateFeelList(expression: string, variables: Variables): unknown[] {
  const value = evaluateFeel(expression, variables);
  if (!Array.isArray(value)) throw new FeelEvaluationError(`FEEL "${expression}" is not a list`);
  return value;
}
