/**
 * `motcua compare <old.bpmn> <new.bpmn> [--json] [--registry <procedures.json>] [--lang vi|en]`:
 * the reform comparison of two versions of a procedure — elements added, removed and changed, the
 * metric deltas and the verdict on the 20% target. Exit 1 when either version has errors.
 */
import { parseArgs } from 'node:util';
import { compareProcedures, type ProcedureComparison } from '../../engine/analysis/compare/compare-procedures.js';
import type { Language } from '../../engine/diagnostics/format-diagnostic.js';
import { parseOrUsage, runCommand, UsageError } from '../calendar/command.js';
import { compileFile, diagnosticLines, languageOf, procedureOptions } from './compile.js';

const headings = {
  vi: { metric: 'Chỉ số', before: 'Trước', after: 'Sau', change: 'Thay đổi', added: 'thêm', removed: 'bỏ', changed: 'sửa' },
  en: { metric: 'Metric', before: 'Before', after: 'After', change: 'Change', added: 'added', removed: 'removed', changed: 'changed' },
} as const;

function percent(change: number | null): string {
  if (change === null) return '—';
  return `${change > 0 ? '+' : change < 0 ? '−' : ''}${Math.abs(change)}%`;
}

function comparisonLines(comparison: ProcedureComparison, language: Language): string[] {
  const text = headings[language];
  const lines = [
    `${comparison.added.length} ${text.added}, ${comparison.removed.length} ${text.removed}, ${comparison.changed.length} ${text.changed}`,
    ...comparison.added.map((id) => `  + ${id}`),
    ...comparison.removed.map((id) => `  − ${id}`),
    ...comparison.changed.map((change) => `  ~ ${change.elementId}: ${change.fields.join(', ')}`),
    '',
  ];
  const width = Math.max(text.metric.length, ...comparison.metrics.map((metric) => metric.label[language].length)) + 2;
  const cell = (value: string) => value.padStart(16);
  lines.push(`${text.metric.padEnd(width)}${cell(text.before)}${cell(text.after)}${cell(text.change)}`);
  for (const metric of comparison.metrics) {
    lines.push(`${metric.label[language].padEnd(width)}${cell(metric.before)}${cell(metric.after)}${cell(percent(metric.changePercent))}`);
  }
  lines.push('', comparison.target.summary[language]);
  return lines;
}

export function run(args: string[]): Promise<number> {
  return runCommand('compare', async () => {
    const { values, positionals } = parseOrUsage(() => parseArgs({ args, options: procedureOptions, strict: true, allowPositionals: true }));
    if (positionals.length !== 2) throw new UsageError('usage: motcua compare <old.bpmn> <new.bpmn> [--json] [--registry <procedures.json>] [--lang vi|en]');
    const language = languageOf(values.lang);
    const [before, after] = await Promise.all(positionals.map((file) => compileFile(file, values.registry)));
    if (!before!.ok || !after!.ok) {
      if (values.json) console.log(JSON.stringify({ ok: false, before: before!.diagnostics, after: after!.diagnostics }, null, 2));
      else {
        for (const [file, result] of [
          [positionals[0]!, before!],
          [positionals[1]!, after!],
        ] as const) {
          if (!result.ok) for (const line of [file, ...diagnosticLines(result, language)]) console.log(line);
        }
      }
      return 1;
    }
    const comparison = compareProcedures({ plan: before!.plan!, analysis: before!.analysis! }, { plan: after!.plan!, analysis: after!.analysis! });
    if (values.json) console.log(JSON.stringify({ ok: true, comparison }, null, 2));
    else for (const line of comparisonLines(comparison, language)) console.log(line);
    return 0;
  });
}
