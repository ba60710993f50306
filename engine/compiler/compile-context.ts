import type { DiagnosticCode, DiagnosticParams } from '../diagnostics/catalogue.js';
import { createDiagnostic } from '../diagnostics/create-diagnostic.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ProcedureRegistry } from '../plan/procedure-registry.js';

/**
 * Stands in for a required value the model lacks. Its element always carries an error diagnostic,
 * and a plan with errors is never handed out, so a hole never reaches the store or the interpreter;
 * the analysis of a draft simply skips it.
 */
export const MISSING = '';

/** State shared by the compiler's readers while one process is compiled. */
export class CompileContext {
  readonly diagnostics: Diagnostic[] = [];
  /** Elements MotCua cannot run: kept as opaque pass-through nodes so one of them does not make everything after it "unreachable". */
  readonly opaqueIds = new Set<string>();
  /** Elements with an unresolved reference, already reported. */
  readonly unresolvedIds: ReadonlySet<string>;
  defaultAgency = MISSING;
  private readonly seenIds = new Set<string>();

  constructor(
    readonly procedures: ProcedureRegistry | undefined,
    earlier: readonly Diagnostic[],
  ) {
    this.diagnostics.push(...earlier);
    this.unresolvedIds = new Set(earlier.filter((d) => d.code === 'unresolved-reference' && d.elementId).map((d) => d.elementId!));
  }

  /** Records an element id; a second element with the same id is reported and left out. */
  claimId(id: string): boolean {
    if (this.seenIds.has(id)) {
      this.report('duplicate-id', id, { id });
      return false;
    }
    this.seenIds.add(id);
    return true;
  }

  report<C extends DiagnosticCode>(
    code: C,
    elementId: string | null,
    ...rest: undefined extends DiagnosticParams<C>
      ? [params?: undefined, extra?: Pick<Diagnostic, 'relatedElementIds'>]
      : [params: DiagnosticParams<C>, extra?: Pick<Diagnostic, 'relatedElementIds'>]
  ): void {
    this.diagnostics.push((createDiagnostic as (...args: unknown[]) => Diagnostic)(code, elementId, ...rest));
  }
}
