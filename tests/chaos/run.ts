/**
 * `npm run chaos -- [--stack embedded|cluster] [--dossiers N] [--seed S] [--faults a,b] [--concurrency C] [--store-down-ms MS]`:
 * the chaos suite (tests/chaos/chaos-run.ts); prints the figures and exits 1 if anything was lost,
 * duplicated or inconsistent, 2 on bad options.
 */
import { runChaos } from './chaos-run.js';
import { ChaosOptionError, parseChaosOptions } from './options.js';
import { formatReport } from './report.js';
import { runToExit } from '../support/run-to-exit.js';

async function main(): Promise<number> {
  let options;
  try {
    options = parseChaosOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof ChaosOptionError)) throw error;
    console.error(`chaos: ${error.message}`);
    return 2;
  }
  const result = await runChaos(options, (line) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`));
  console.log(`\n${formatReport(result)}`);
  return result.passed ? 0 : 1;
}

runToExit(main);
