/**
 * The `motcua` command line. Each command lives in its own module under scripts/cli/ and exports
 * `run(args)`, resolving to the process exit code.
 */
import { reportFatal } from '../runtime/fatal.js';

interface Command {
  summary: string;
  load: () => Promise<{ run(args: string[]): Promise<number> }>;
}

const commands: Record<string, Command> = {
  compile: { summary: 'compile <file.bpmn> [--json]     compile a procedure to its plan', load: () => import('./compile.js') },
  lint: { summary: 'lint <file.bpmn> [--json]        list a procedure’s diagnostics', load: () => import('./lint.js') },
  import: {
    summary: 'import [--from camunda7|camunda8|flowable] <file.bpmn> [--mapping <mapping.json>] [--agency <id>] [--legal-limit 5WD] [--step-deadline 1WD]  convert another modeler’s model',
    load: () => import('./import.js'),
  },
  compare: { summary: 'compare <old.bpmn> <new.bpmn>    reform comparison of two versions', load: () => import('./compare.js') },
  due: {
    summary: 'due --from <instant> --limit <5WD|8WH|P20D> [--calendar <id>] [--cutoff HH:MM] [--explain]',
    load: () => import('./due.js'),
  },
  calendar: { summary: 'calendar <year> [--calendar <id>]  a year’s non-working days and why', load: () => import('./calendar.js') },
};

function usage(): string {
  return ['usage: motcua <command> …', ...Object.values(commands).map((command) => `  motcua ${command.summary}`)].join('\n');
}

async function main([name, ...args]: string[]): Promise<number> {
  const command = name === undefined ? undefined : commands[name];
  if (!command) {
    console.error(name === undefined || name === '--help' ? usage() : `motcua: unknown command "${name}"\n${usage()}`);
    return name === '--help' ? 0 : 2;
  }
  return (await command.load()).run(args);
}

main(process.argv.slice(2)).then((code) => process.exit(code), reportFatal);
