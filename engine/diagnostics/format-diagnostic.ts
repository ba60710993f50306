import type { Diagnostic, Severity } from './diagnostic.js';

export type Language = 'vi' | 'en';

const severityWords: Record<Language, Record<Severity, string>> = {
  vi: { error: 'lỗi', warning: 'cảnh báo', info: 'ghi chú' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

/**
 * One diagnostic as two lines of text, for a terminal or a log: severity, element, code and
 * message, then the hint.
 */
export function formatDiagnostic(diagnostic: Diagnostic, language: Language): string {
  const where = diagnostic.elementId ?? (language === 'vi' ? '(tài liệu)' : '(document)');
  const at = diagnostic.location ? (language === 'vi' ? ` (dòng ${diagnostic.location.line}, cột ${diagnostic.location.column})` : ` (line ${diagnostic.location.line}, column ${diagnostic.location.column})`) : '';
  return `${severityWords[language][diagnostic.severity].padEnd(9)}${where}  [${diagnostic.code}] ${diagnostic.message[language]}${at}\n         → ${diagnostic.hint[language]}`;
}

/** "2 lỗi, 1 cảnh báo" / "2 errors, 1 warning"; severities that did not occur are left out. */
export function countDiagnostics(diagnostics: readonly Diagnostic[], language: Language): string {
  const parts = (['error', 'warning', 'info'] as const)
    .map((severity) => [severity, diagnostics.filter((diagnostic) => diagnostic.severity === severity).length] as const)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${count} ${severityWords[language][severity]}${language === 'en' && count > 1 ? 's' : ''}`);
  if (parts.length > 0) return parts.join(', ');
  return language === 'vi' ? 'không có vấn đề nào' : 'no problems';
}
