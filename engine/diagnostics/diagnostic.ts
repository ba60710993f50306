import type { DiagnosticCode } from './catalogue.js';
import type { LocalizedText, Severity } from './localized-text.js';

export type { LocalizedText, Severity };

/**
 * One finding of the compiler: the designer draws it on `elementId`, the API returns it in a 400
 * answer, the CLI prints it. `elementId` is null only for findings about the document as a whole
 * (unreadable XML, no process).
 */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  elementId: string | null;
  message: LocalizedText;
  hint: LocalizedText;
  /** Further elements taking part (the branches of a deadlock, the steps of a cycle). */
  relatedElementIds?: string[];
  /** 1-based position in the XML, for findings about the document's text. */
  location?: { line: number; column: number };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}
