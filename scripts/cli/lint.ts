/**
 * `motcua lint <file.bpmn> [--json] [--registry <procedures.json>] [--lang vi|en]`: a procedure's
 * diagnostics with the elements they concern. Exit 1 when there is an error.
 */
import { parseArgs } from 'node:util';
import { parseOrUsage, runCommand, UsageError } from '../calendar/command.js';
import { compileFile, diagnosticLines, languageOf, procedureOptions } from './compile.js';

export function run(args: string[]): Promise<number> {
  return runCommand('lint', async () => {
    const { values, positionals } = parseOrUsage(() => parseArgs({ args, options: procedureOptions, strict: true, allowPositionals: true }));
    if (positionals.length !== 1) throw new UsageError('usage: motcua lint <file.bpmn> [--json] [--registry <procedures.json>] [--lang vi|en]');
    const language = languageOf(values.lang);
    const result = await compileFile(positionals[0]!, values.registry);
    if (values.json) console.log(JSON.stringify({ ok: result.ok, diagnostics: result.diagnostics }, null, 2));
    else for (const line of diagnosticLines(result, language)) console.log(line);
    return result.ok ? 0 : 1;
  });
}
