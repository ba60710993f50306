import { computeDeadlineBudget } from '../analysis/budget/deadline-budget.js';
import { computeReformMetrics } from '../analysis/metrics/reform-metrics.js';
import type { ProcedureAnalysis } from '../analysis/procedure-analysis.js';
import { checkSoundness, DEFAULT_MAX_STATES } from '../analysis/soundness/check-soundness.js';
import type { DiagnosticCode } from '../diagnostics/catalogue.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { children, idOf, type ModdleElement } from '../moddle/moddle-element.js';
import { readBpmn } from '../moddle/read-bpmn.js';
import { sha256Hex } from '../canonical/canonical-json.js';
import { canonicalPlan } from '../plan/canonical-plan.js';
import { PLAN_SCHEMA_VERSION } from '../plan/plan-schema.js';
import type { PlanScope, ProcedurePlan } from '../plan/procedure-plan.js';
import type { ProcedureRegistry } from '../plan/procedure-registry.js';
import { allScopes } from '../plan/scope-index.js';
import { reportAnalysis } from './analysis-diagnostics.js';
import { buildScope } from './build-scope.js';
import { checkForeignMarkup } from './check-foreign-markup.js';
import { checkConditions } from './check-conditions.js';
import { checkRefusalEnds } from './check-refusal-ends.js';
import { checkStructure } from './check-structure.js';
import { CompileContext } from './compile-context.js';
import { readProcedure } from './read-procedure.js';

export interface CompileOptions {
  /** Deployed procedures, to check call activities against; without it they are not checked. */
  procedures?: ProcedureRegistry;
  /** Documents above this size are refused (default 16 MiB). */
  maxInputBytes?: number;
  /** Documents with more elements, diagram interchange aside, are refused (default 100,000). */
  maxInputElements?: number;
  /** States explored per scope by the soundness check before it gives up (default 50,000). */
  maxStates?: number;
}

export interface CompileResult {
  /** No error diagnostics: the plan may be deployed. */
  ok: boolean;
  /** The plan, its canonical JSON and its content hash: only when ok. */
  plan: ProcedurePlan | null;
  canonical: string | null;
  hash: string | null;
  diagnostics: Diagnostic[];
  /** Present whenever a process could be read, errors or not, so the designer can show it live. */
  analysis: ProcedureAnalysis | null;
}

function failed(diagnostics: Diagnostic[]): CompileResult {
  return { ok: false, plan: null, canonical: null, hash: null, diagnostics, analysis: null };
}

/** Errors that leave a scope's graph incomplete or ill-formed, so that exploring it would only repeat them. */
const structuralCodes = new Set<DiagnosticCode>([
  'unsupported-element',
  'invalid-connection',
  'missing-start-event',
  'multiple-start-events',
  'missing-end-event',
  'unreachable-element',
  'missing-flow',
  'no-path-to-end',
  'cycle-without-exit',
  'duplicate-id',
  'unresolved-reference',
]);

/** Structural errors about a scope as a whole, reported on its id (the process's, or the subprocess's). */
const scopeCodes = new Set<DiagnosticCode>(['missing-start-event', 'missing-end-event']);

/** Scopes with a structural error: the soundness check leaves them out. */
function structurallyBrokenScopes(process: PlanScope, diagnostics: readonly Diagnostic[], opaqueIds: ReadonlySet<string>): Set<string> {
  const structural = diagnostics.filter((d) => structuralCodes.has(d.code) && d.elementId !== null);
  const brokenScopes = new Set(structural.filter((d) => scopeCodes.has(d.code)).map((d) => d.elementId!));
  const brokenElements = new Set([...opaqueIds, ...structural.filter((d) => !scopeCodes.has(d.code)).map((d) => d.elementId!)]);
  const flagged = new Set<string>();
  for (const scope of allScopes(process)) {
    const members = [...scope.nodes.map((node) => node.id), ...scope.flows.flatMap((flow) => [flow.id, flow.source, flow.target])];
    if (brokenScopes.has(scope.id) || members.some((id) => brokenElements.has(id))) flagged.add(scope.id);
  }
  return flagged;
}

/**
 * Compiles moddle definitions, as bpmn-js's modeler holds them (the designer's live validation
 * skips the XML round trip this way). `earlier` are diagnostics from reading the XML.
 */
export function compileDefinitions(definitions: ModdleElement, options: CompileOptions = {}, earlier: readonly Diagnostic[] = []): CompileResult {
  const context = new CompileContext(options.procedures, earlier);
  const processes = children(definitions, 'rootElements').filter((element) => element.$type === 'bpmn:Process' && children(element, 'flowElements').length > 0);
  const [process, ...others] = processes;
  const processId = process && idOf(process);
  if (!process || !processId) {
    context.report('no-process', null);
    return failed(context.diagnostics);
  }
  for (const other of others) context.report('multiple-processes', idOf(other) ?? null);

  const procedure = readProcedure(context, process, processId);
  context.defaultAgency = procedure.agency;
  const root = buildScope(context, process, processId, false);
  for (const scope of allScopes(root)) {
    checkStructure(context, scope);
    checkRefusalEnds(context, scope);
  }
  checkConditions(context, root);
  checkForeignMarkup(context, definitions, process, processId);

  const draft: ProcedurePlan = { schemaVersion: PLAN_SCHEMA_VERSION, procedure, process: root };
  const analysis: ProcedureAnalysis = {
    soundness: checkSoundness(root, structurallyBrokenScopes(root, context.diagnostics, context.opaqueIds), options.maxStates ?? DEFAULT_MAX_STATES),
    budget: computeDeadlineBudget(draft, options.procedures),
    metrics: computeReformMetrics(draft),
  };
  reportAnalysis(context, draft, analysis);

  const ok = !hasErrors(context.diagnostics);
  if (!ok) return { ok, plan: null, canonical: null, hash: null, diagnostics: context.diagnostics, analysis };
  // The canonical form and hash are worked out on first use: the designer, compiling on every
  // change, never asks for them; the API, deploying, does.
  let canonical: string | undefined;
  let hash: string | undefined;
  const canonicalText = () => (canonical ??= canonicalPlan(draft));
  return {
    ok,
    plan: draft,
    get canonical() {
      return canonicalText();
    },
    get hash() {
      return (hash ??= sha256Hex(canonicalText()));
    },
    diagnostics: context.diagnostics,
    analysis,
  };
}

/**
 * Compiles BPMN XML to a ProcedurePlan with its diagnostics and analysis. Never throws: whatever
 * the input, the answer is a result whose diagnostics say what is wrong.
 */
export async function compile(xml: string, options: CompileOptions = {}): Promise<CompileResult> {
  const { definitions, diagnostics } = await readBpmn(xml, options);
  if (!definitions) return failed(diagnostics);
  return compileDefinitions(definitions, options, diagnostics);
}
