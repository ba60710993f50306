/**
 * `motcua import [--from camunda7|camunda8|flowable] <file.bpmn> [--mapping <mapping.json>] [--agency <id>]
 * [--legal-limit 5WD] [--step-deadline 1WD] [--calendar <id>] [--code <code>] [--name <name>]
 * [--strip-foreign] [--out <file>] [--json] [--lang vi|en]`: converts another modeler's model into a
 * MotCua procedure, writes it (beside the file as `<name>.motcua.bpmn` unless --out), and prints the
 * conversion report, the people still to map and the converted model's diagnostics. Exit 0 when
 * the converted model compiles, 1 when it needs a person, 2 for a usage error.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { compile } from '../../engine/compiler/compile.js';
import type { Language } from '../../engine/diagnostics/format-diagnostic.js';
import { importMappingSchema } from '../../engine/import/import-mapping-schema.js';
import { detectDialect, importModel } from '../../engine/import/import-model.js';
import { dialects, type Dialect, type ImportMapping, type ImportResult } from '../../engine/import/import-types.js';
import { parseOrUsage, runCommand, UsageError } from '../calendar/command.js';
import { diagnosticLines, languageOf, readText } from './compile.js';

const usage =
  'usage: motcua import [--from camunda7|camunda8|flowable] <file.bpmn> [--mapping <mapping.json>] [--agency <id>] [--legal-limit 5WD] [--step-deadline 1WD] [--calendar <id>] [--code <code>] [--name <name>] [--strip-foreign] [--out <file>] [--json] [--lang vi|en]';

const options = {
  from: { type: 'string' },
  mapping: { type: 'string' },
  agency: { type: 'string' },
  'legal-limit': { type: 'string' },
  'step-deadline': { type: 'string' },
  calendar: { type: 'string' },
  code: { type: 'string' },
  name: { type: 'string' },
  'strip-foreign': { type: 'boolean', default: false },
  out: { type: 'string' },
  json: { type: 'boolean', default: false },
  lang: { type: 'string', default: 'vi' },
} as const;

function dialectOf(given: string | undefined, xml: string, file: string): Dialect {
  if (given === undefined) {
    const detected = detectDialect(xml);
    if (!detected) throw new UsageError(`${file} binds no Camunda 7, Camunda 8 or Flowable namespace; say which with --from`);
    return detected;
  }
  if (!(dialects as readonly string[]).includes(given)) throw new UsageError(`--from "${given}" is not one of ${dialects.join(', ')}`);
  return given as Dialect;
}

async function readMapping(file: string | undefined): Promise<ImportMapping | undefined> {
  if (file === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(await readText(file, 'mapping'));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`mapping ${file} is not JSON: ${(error as Error).message}`);
  }
  const parsed = importMappingSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`mapping ${file}: ${issue.path.join('.') || 'the file'}: ${issue.message} (expected {"groups": {"<group>": {"role": "…", "unit": "…"}}, "users": {…}})`);
  }
  return parsed.data;
}

const headings = {
  vi: { converted: 'đã chuyển', dropped: 'bỏ qua', 'needs-person': 'cần người xử lý', toMap: 'cần ánh xạ', written: 'đã ghi', document: 'tài liệu' },
  en: { converted: 'converted', dropped: 'dropped', 'needs-person': 'needs a person', toMap: 'to map', written: 'written', document: 'document' },
} as const;

function reportLines(result: ImportResult, language: Language): string[] {
  const text = headings[language];
  const lines = result.report.map((line) => `${text[line.outcome].padEnd(16)}${(line.elementId ?? text.document).padEnd(20)}${line.subject}: ${line.text[language]}`);
  for (const assignee of result.assignees.filter((seen) => !seen.mapped)) lines.push(`${text.toMap.padEnd(16)}${assignee.kind} ${assignee.name} (${assignee.elementIds.join(', ')})`);
  return lines;
}

export function run(args: string[]): Promise<number> {
  return runCommand('import', async () => {
    const { values, positionals } = parseOrUsage(() => parseArgs({ args, options, strict: true, allowPositionals: true }));
    if (positionals.length !== 1) throw new UsageError(usage);
    const file = positionals[0]!;
    const language = languageOf(values.lang);
    const xml = await readText(file, 'file');
    const from = dialectOf(values.from, xml, file);
    const mapping = await readMapping(values.mapping);
    const procedure = {
      ...(values.agency ? { agency: values.agency } : {}),
      ...(values['legal-limit'] ? { legalLimit: values['legal-limit'] } : {}),
      ...(values['step-deadline'] ? { stepDeadline: values['step-deadline'] } : {}),
      ...(values.calendar ? { calendarId: values.calendar } : {}),
      ...(values.code ? { code: values.code } : {}),
      ...(values.name ? { name: values.name } : {}),
    };
    const result = await importModel(xml, { from, procedure, stripForeign: values['strip-foreign'], ...(mapping ? { mapping } : {}) });
    if (!result.ok) {
      if (values.json) console.log(JSON.stringify({ ok: false, diagnostics: result.diagnostics }, null, 2));
      else for (const line of diagnosticLines(result, language)) console.log(line);
      return 1;
    }
    const out = values.out ?? path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.motcua.bpmn`);
    await writeFile(out, result.xml);
    const compiled = await compile(result.xml);
    if (values.json) {
      console.log(JSON.stringify({ ok: compiled.ok, out, report: result.report, assignees: result.assignees, diagnostics: compiled.diagnostics }, null, 2));
    } else {
      for (const line of [...reportLines(result, language), `${headings[language].written.padEnd(16)}${out}`, ...diagnosticLines(compiled, language)]) console.log(line);
    }
    return compiled.ok ? 0 : 1;
  });
}
