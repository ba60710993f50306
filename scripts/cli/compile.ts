/**
 * `motcua compile <file.bpmn> [--json] [--registry <procedures.json>] [--lang vi|en]`: compiles a
 * procedure to its plan and prints the plan's hash, legal budget and soundness with the
 * diagnostics (or everything as JSON). Exit 1 when the procedure has errors.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { compile, type CompileResult } from '../../engine/compiler/compile.js';
import { countDiagnostics, formatDiagnostic, type Language } from '../../engine/diagnostics/format-diagnostic.js';
import type { ProcedureRegistry } from '../../engine/plan/procedure-registry.js';
import { parseOrUsage, runCommand, UsageError } from '../calendar/command.js';

/** Options every procedure command takes. */
export const procedureOptions = {
  json: { type: 'boolean', default: false },
  registry: { type: 'string' },
  lang: { type: 'string', default: 'vi' },
} as const;

export function languageOf(value: string | undefined): Language {
  if (value === 'vi' || value === 'en') return value;
  throw new UsageError(`--lang "${value}" is not vi or en`);
}

export async function readText(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${what} ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

async function readRegistry(file: string | undefined): Promise<ProcedureRegistry | undefined> {
  if (file === undefined) return undefined;
  try {
    return JSON.parse(await readText(file, 'registry')) as ProcedureRegistry;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`registry ${file} is not JSON: ${(error as Error).message}`);
  }
}

/** Reads and compiles one BPMN file; I/O stays here, the engine only sees text. */
export async function compileFile(file: string, registryFile?: string): Promise<CompileResult> {
  const [xml, procedures] = await Promise.all([readText(file, 'file'), readRegistry(registryFile)]);
  return compile(xml, { procedures });
}

export function diagnosticLines(result: Pick<CompileResult, 'diagnostics'>, language: Language): string[] {
  return [...result.diagnostics.map((diagnostic) => formatDiagnostic(diagnostic, language)), countDiagnostics(result.diagnostics, language)];
}

const labels = {
  vi: {
    plan: 'kế hoạch',
    nodes: 'nút',
    budget: 'thời hạn',
    limit: 'so với thời hạn giải quyết',
    none: 'chưa khai báo',
    path: 'đường găng',
    soundness: 'tính đúng đắn',
    scopes: 'phạm vi',
    states: 'trạng thái',
    bound: 'tối đa mỗi phạm vi',
    verdicts: { within: 'trong hạn', exceeds: 'vượt thời hạn', indeterminate: 'cần lịch làm việc để so', 'no-limit': 'không so được' },
    soundnessVerdicts: { sound: 'đúng đắn', unsound: 'có lỗi hành vi', inconclusive: 'chưa kết luận', 'not-checked': 'chưa kiểm tra (còn lỗi cấu trúc)' },
  },
  en: {
    plan: 'plan',
    nodes: 'nodes',
    budget: 'budget',
    limit: 'against the legal limit',
    none: 'not declared',
    path: 'critical path',
    soundness: 'soundness',
    scopes: 'scopes',
    states: 'states',
    bound: 'at most per scope',
    verdicts: { within: 'within', exceeds: 'exceeds', indeterminate: 'needs a calendar to tell', 'no-limit': 'nothing to compare with' },
    soundnessVerdicts: { sound: 'sound', unsound: 'unsound', inconclusive: 'inconclusive', 'not-checked': 'not checked (structural errors)' },
  },
} as const;

function summaryLines(file: string, result: CompileResult, language: Language): string[] {
  const text = labels[language];
  const lines = [file];
  if (result.plan) {
    const { code, name } = result.plan.procedure;
    lines.push(`${text.plan.padEnd(14)}${code} «${name}», ${result.plan.process.nodes.length} ${text.nodes}, sha256 ${result.hash}`);
  }
  if (result.analysis) {
    const { budget, soundness } = result.analysis;
    lines.push(`${text.budget.padEnd(14)}${budget.text} ${text.limit} ${budget.legalLimit ?? text.none}: ${text.verdicts[budget.verdict]}`);
    lines.push(`${text.path.padEnd(14)}${budget.criticalPath.join(' → ')}`);
    const states = soundness.scopes.reduce((sum, scope) => sum + scope.states, 0);
    const extent = `${soundness.scopes.length} ${text.scopes}, ${states} ${text.states}, ${text.bound} ${soundness.maxStates}`;
    lines.push(`${text.soundness.padEnd(14)}${text.soundnessVerdicts[soundness.verdict]} (${extent})`);
  }
  return lines;
}

export function run(args: string[]): Promise<number> {
  return runCommand('compile', async () => {
    const { values, positionals } = parseOrUsage(() => parseArgs({ args, options: procedureOptions, strict: true, allowPositionals: true }));
    if (positionals.length !== 1) throw new UsageError('usage: motcua compile <file.bpmn> [--json] [--registry <procedures.json>] [--lang vi|en]');
    const language = languageOf(values.lang);
    const result = await compileFile(positionals[0]!, values.registry);
    if (values.json) {
      console.log(JSON.stringify({ ok: result.ok, hash: result.hash, plan: result.plan, diagnostics: result.diagnostics, analysis: result.analysis }, null, 2));
    } else {
      for (const line of [...summaryLines(positionals[0]!, result, language), ...diagnosticLines(result, language)]) console.log(line);
    }
    return result.ok ? 0 : 1;
  });
}
