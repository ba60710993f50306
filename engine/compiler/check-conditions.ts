import { evaluate } from 'feelin';
import { feelSyntaxErrorColumn } from '../feel/feel-expression.js';
import { feelNames, type FeelComparison } from '../feel/feel-names.js';
import { juelToFeel } from '../feel/juel-to-feel.js';
import type { PlanFlow, PlanNode, PlanScope } from '../plan/procedure-plan.js';
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

/** Past this many combinations of values, a gateway's conditions are not tried one by one. */
const maxCombinations = 256;

/** The values a declared variable can hold that a condition tells apart: a choice's options, an outcome's values, true and false. */
function finiteValues(variable: DeclaredVariable | undefined): readonly unknown[] | null {
  if (variable?.kind === 'boolean') return [true, false];
  if (variable?.kind === 'string' && variable.values) return variable.values;
  return null;
}

/** `a = "x", b = true`: an assignment of values to variables, as the warning names it. */
function describe(assignment: Record<string, unknown>): string {
  return Object.entries(assignment)
    .map(([name, value]) => `${name} = ${JSON.stringify(value)}`)
    .join(', ');
}

/**
 * For a gateway without a default flow: '' when its conditions are not all over variables of few
 * values (nothing more can be said than that none may hold), null when every combination of the
 * values they read takes some branch, else the first combination that takes none.
 */
function uncoveredValues(conditions: readonly string[], declared: DeclaredVariables): string | null {
  const names = new Set<string>();
  for (const condition of conditions) {
    if (feelSyntaxErrorColumn(condition) !== null || juelToFeel(condition) !== null) return '';
    for (const name of feelNames(condition).free) names.add(name);
  }
  const domains = [...names].map((name) => [name, finiteValues(declared.variables.get(name))] as const);
  if (domains.length === 0 || domains.some(([, values]) => values === null)) return '';
  if (domains.reduce((count, [, values]) => count * values!.length, 1) > maxCombinations) return '';
  let assignments: Array<Record<string, unknown>> = [{}];
  for (const [name, values] of domains) assignments = assignments.flatMap((assignment) => values!.map((value) => ({ ...assignment, [name]: value })));
  const holds = (condition: string, assignment: Record<string, unknown>) => {
    try {
      return evaluate(condition, assignment).value === true;
    } catch {
      return false;
    }
  };
  const uncovered = assignments.find((assignment) => !conditions.some((condition) => holds(condition, assignment)));
  return uncovered ? describe(uncovered) : null;
}

/** A gateway without a default flow is warned about unless its conditions cover every value of the data they read. */
function checkExhaustive(context: CompileContext, gateway: Extract<PlanNode, { default?: string }>, flows: ReadonlyMap<string, PlanFlow>, declared: DeclaredVariables): void {
  if (gateway.default !== undefined || gateway.outgoing.length < 2) return;
  const conditions = gateway.outgoing.map((flowId) => flows.get(flowId)?.condition);
  const uncovered = conditions.every((condition) => condition !== undefined) ? uncoveredValues(conditions as string[], declared) : '';
  if (uncovered !== null) context.report('non-exhaustive-gateway', gateway.id, { uncovered });
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
    const flows = new Map(scope.flows.map((flow) => [flow.id, flow]));
    for (const node of scope.nodes) if (node.type === 'exclusiveGateway' || node.type === 'inclusiveGateway') checkExhaustive(context, node, flows, declared);
  }
}
