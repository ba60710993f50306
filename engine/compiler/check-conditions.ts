import { feelSyntaxErrorColumn } from '../feel/feel-expression.js';
import { feelNames, type FeelComparison } from '../feel/feel-names.js';
import { juelToFeel } from '../feel/juel-to-feel.js';
import type { PlanScope } from '../plan/procedure-plan.js';
import { allScopes } from '../plan/scope-index.js';
import type { CompileContext } from './compile-context.js';
import { declaredVariables, type DeclaredVariable, type DeclaredVariables } from './declared-variables.js';

/** Edits (insert, delete, replace a letter) between two names, case ignored. */
function distance(a: string, b: string): number {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  let previous = Array.from({ length: y.length + 1 }, (_, index) => index);
  for (let i = 1; i <= x.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= y.length; j += 1) row.push(Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1)));
    previous = row;
  }
  return previous[y.length]!;
}

/** The declared names a mistyped one most likely meant, closest first (at most three). */
export function closeNames(name: string, declared: Iterable<string>): string[] {
  const limit = Math.max(1, Math.floor(name.length / 3));
  return [...declared]
    .map((candidate) => ({ candidate, edits: distance(name, candidate) }))
    .filter(({ edits }) => edits <= limit)
    .sort((a, b) => a.edits - b.edits || a.candidate.localeCompare(b.candidate))
    .slice(0, 3)
    .map(({ candidate }) => candidate);
}

/** Why comparing `variable` as `comparison` does is never true, or null when it may be. */
function mismatch(variable: DeclaredVariable, { operator, literal }: FeelComparison): 'kind' | 'value' | null {
  if (variable.kind === 'any') return null;
  if (variable.kind !== literal.type) return 'kind';
  if (literal.type === 'string' && variable.values && (operator === '=' || operator === '!=') && !variable.values.includes(literal.value)) return 'value';
  return null;
}

function checkCondition(context: CompileContext, flowId: string, condition: string, declared: DeclaredVariables): void {
  const rewrite = juelToFeel(condition);
  if (rewrite !== null) {
    context.report('juel-condition', flowId, { expression: condition, rewrite });
    return;
  }
  // Already reported as invalid FEEL.
  if (feelSyntaxErrorColumn(condition) !== null) return;
  const names = feelNames(condition);
  if (names.constant) {
    context.report('constant-condition', flowId, { expression: condition });
    return;
  }
  if (declared.complete) {
    for (const name of names.free) {
      if (!declared.variables.has(name)) context.report('unknown-condition-variable', flowId, { name, close: closeNames(name, declared.variables.keys()).join(', ') });
    }
  }
  for (const comparison of names.comparisons) {
    const variable = declared.variables.get(comparison.name);
    const problem = variable && mismatch(variable, comparison);
    if (!variable || !problem) continue;
    context.report('condition-type-mismatch', flowId, {
      name: comparison.name,
      kind: variable.kind as Exclude<DeclaredVariable['kind'], 'any'>,
      literal: comparison.literal.type === 'string' ? JSON.stringify(comparison.literal.value) : comparison.literal.text,
      values: problem === 'value' ? variable.values!.map((value) => JSON.stringify(value)).join(', ') : '',
    });
  }
}

/**
 * Conditions read against the data the plan declares: a JUEL/Groovy condition (`approved == true`,
 * which FEEL reads as null whatever `approved` holds), a name no field, outcome or service task
 * declares (`Yes`, a typo), a comparison that is never true (`daNop = "true"`, an outcome value the
 * step does not offer), and a condition that reads nothing. Each such branch would never be taken,
 * or always, and the dossier would stop at its gateway.
 */
export function checkConditions(context: CompileContext, process: PlanScope): void {
  const declared = declaredVariables(process);
  for (const scope of allScopes(process)) {
    for (const flow of scope.flows) if (flow.condition !== undefined) checkCondition(context, flow.id, flow.condition, declared);
  }
}
