import type { Diagnostic } from '@engine/diagnostics/diagnostic.js';

/**
 * Whether the budget means anything: a model with errors (a missing flow, a step without a
 * deadline) adds up a path that is not the procedure's, so only the budget's own verdict may stand.
 */
export function budgetComputable(diagnostics: readonly Diagnostic[]): boolean {
  return !diagnostics.some((diagnostic) => diagnostic.severity === 'error' && diagnostic.code !== 'deadline-budget-exceeded');
}
