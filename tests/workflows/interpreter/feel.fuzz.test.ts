import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feelSyntaxErrorColumn, iteratedRangeColumn } from '../../../engine/feel/feel-expression.js';
import { evaluateFeel, FeelEvaluationError } from '../../../workflows/interpreter/feel.js';
import { fuzz, fuzzTimeoutMs } from '../../support/fuzz.js';
import { deepFeelExpression, dossierVariables, feelExpression } from './random-feel.js';

const shortBudgetMs = 3_000;
/** One evaluation may take this long at most: a condition over a dossier takes microseconds. */
const evaluationBoundMs = 2_000;

/** JavaScript's own objects: none may come out of an expression over the dossier's variables. */
const outside = new Set<unknown>([globalThis, process, Object, Function, Array, String, Number, Boolean, Symbol, Promise, eval, Reflect, Proxy, JSON, Math]);
for (const constructor of [Object, Function, Array, String, Number, Boolean, Symbol, Promise]) outside.add(constructor.prototype);

const prototypeMembers = () => [Object.prototype, Array.prototype, String.prototype, Function.prototype].map((prototype) => Reflect.ownKeys(prototype).map(String).sort());

/** Every value reachable from the answer (a few levels down) is data or FEEL's own, never a native function or a global. */
function expectOnlyData(value: unknown, depth = 0): void {
  if (depth > 6 || value === null || (typeof value !== 'object' && typeof value !== 'function')) return;
  expect(outside.has(value)).toBe(false);
  if (typeof value === 'function') expect(Function.prototype.toString.call(value)).not.toContain('[native code]');
  for (const key of Object.keys(value)) expectOnlyData((value as Record<string, unknown>)[key], depth + 1);
}

/** What a deployed plan may evaluate: the compiler refuses syntax errors and iterated ranges. */
const deployable = (expression: string) => feelSyntaxErrorColumn(expression) === null && iteratedRangeColumn(expression) === null;

function expectContainedEvaluation(expression: string, variables: Record<string, unknown>): void {
  if (!deployable(expression)) return;
  const before = { variables: structuredClone(variables), prototypes: prototypeMembers() };
  const startedAt = performance.now();
  let value: unknown;
  try {
    value = evaluateFeel(expression, variables);
  } catch (error) {
    expect(error).toBeInstanceOf(FeelEvaluationError);
  }
  expect(performance.now() - startedAt).toBeLessThan(evaluationBoundMs);
  expectOnlyData(value);
  expect(variables).toEqual(before.variables);
  expect(prototypeMembers()).toEqual(before.prototypes);
}

describe('fuzzing FEEL conditions', () => {
  it('random expressions over a dossier evaluate within the bound and reach nothing but its variables', async () => {
    await fuzz('feel/random-expressions', shortBudgetMs, fc.property(feelExpression, dossierVariables, expectContainedEvaluation));
  }, fuzzTimeoutMs(shortBudgetMs));

  it('deeply nested expressions evaluate within the bound or are refused', async () => {
    await fuzz('feel/deep-nesting', shortBudgetMs, fc.property(deepFeelExpression, dossierVariables, expectContainedEvaluation));
  }, fuzzTimeoutMs(shortBudgetMs));
});
