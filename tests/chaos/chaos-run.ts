/**
 * One chaos run: its own stack, the sample procedure deployed, N dossiers driven by simulated users
 * while the seeded faults fire, then quiescence and the checks against the ledger.
 */
import { readFile } from 'node:fs/promises';
import { checkAgainstLedger } from './checks.js';
import { correctCalendar } from './calendar-correction.js';
import { DossierDriver, type DossierCast } from './dossier-driver.js';
import { startEmbeddedStack, type ChaosStack } from './embedded-stack.js';
import { faultSchedule, runFaults, withCatchUp } from './faults.js';
import { RetryCounts } from './http-client.js';
import { Ledger, type Scenario } from './ledger.js';
import type { ChaosOptions } from './options.js';
import { mapLimited } from './pool.js';
import { waitForQuiescence } from './quiescence.js';
import { SeededRandom } from './random.js';
import { verdict, type ChaosResult } from './report.js';
import { UserPool, type SimulatedUser } from './users.js';

const scenarioWeights: Record<Scenario, number> = { approved: 55, supplemented: 20, rejected: 10, withdrawn: 15 };

async function startStack(options: ChaosOptions): Promise<ChaosStack> {
  if (options.stack === 'cluster') throw new Error('--stack cluster is not built yet: the chaos suite runs on the embedded stack only');
  return startEmbeddedStack();
}

/** The reformer creates the household-business sample and the admin deploys it; returns its code. */
async function deploySample(reformer: SimulatedUser, admin: SimulatedUser): Promise<string> {
  const xml = await readFile(new URL('../../engine/samples/household-business-registration.bpmn', import.meta.url), 'utf8');
  const created = await reformer.call({ method: 'POST', path: '/api/procedures', json: { xml }, idempotencyKey: 'chaos-procedure' });
  if (created.status !== 201) throw new Error(`create the procedure: ${created.status} ${JSON.stringify(created.body)}`);
  const deployed = await admin.call({ method: 'POST', path: `/api/procedures/${created.body.code}/deploy`, idempotencyKey: 'chaos-deploy' });
  if (deployed.status !== 201) throw new Error(`deploy the procedure: ${deployed.status} ${JSON.stringify(deployed.body)}`);
  return created.body.code as string;
}

/** Several users per demo account, each on its own address: the per-client limits are for one person, not a crowd. */
function casting(pool: UserPool, dossiers: number): (index: number) => DossierCast {
  const many = (count: number, usernames: string[]) => Array.from({ length: count }, (_, index) => pool.user(usernames[index % usernames.length]!));
  const citizens = many(Math.max(4, Math.ceil(dossiers / 12)), ['an']);
  const oneStop = many(4, ['mot-cua']);
  const appraisers = many(4, ['lan', 'minh']);
  const leaders = many(2, ['lanh-dao']);
  return (index) => ({ citizen: citizens[index % citizens.length]!, oneStop: oneStop[index % oneStop.length]!, appraiser: appraisers[index % appraisers.length]!, leader: leaders[index % leaders.length]! });
}

export async function runChaos(options: ChaosOptions, log: (line: string) => void = () => {}): Promise<ChaosResult> {
  const random = new SeededRandom(options.seed);
  const schedule = faultSchedule(options.faults, random, options.storeDownMs);
  const scenarios = Array.from({ length: options.dossiers }, () => random.pick(scenarioWeights));
  log(`starting the ${options.stack} stack…`);
  const stack = await startStack(options);
  const counts = new RetryCounts();
  const pool = new UserPool(stack.apiPort, counts);
  try {
    const ledger = new Ledger();
    const procedureCode = await deploySample(pool.user('reformer'), pool.user('admin'));
    log(`procedure ${procedureCode} deployed; driving ${options.dossiers} dossiers; faults ${schedule.map((fault) => `${fault.kind}@${Math.round(fault.atShare * 100)}%`).join(', ')}`);
    const driver = new DossierDriver(procedureCode, ledger);
    const castOf = casting(pool, options.dossiers);
    let driving = true;
    const faults = runFaults(schedule, { stack, counts, ledger, dossiers: options.dossiers, stopped: () => !driving });
    const calendar = (async () => {
      while (driving && ledger.submitted().length < options.dossiers / 2) await new Promise((resolve) => setTimeout(resolve, 200));
      await correctCalendar(pool.user('admin'), ledger);
    })();
    const started = Date.now();
    const progress = setInterval(() => log(`${ledger.submitted().length} submitted, ${ledger.acknowledgedAt.length} acknowledged, ${counts.networkErrors} network errors, ${counts.unavailable} 503s`), 15_000);
    try {
      await mapLimited(scenarios, options.concurrency, (scenario, index) => driver.drive(`chaos-${options.seed}-${index}`, scenario, castOf(index)));
    } finally {
      clearInterval(progress);
      driving = false;
    }
    const drivingMs = Date.now() - started;
    const records = await faults;
    await calendar;
    log(`driven in ${(drivingMs / 1000).toFixed(0)} s; waiting for quiescence…`);
    const atRest = ledger.submitted().filter((entry) => entry.failure === undefined).length;
    const quiescence = await waitForQuiescence(stack.store, atRest, 300_000);
    log('checking against the ledger…');
    const figures = await checkAgainstLedger(ledger, stack, pool.user('kiem-toan'), options.dossiers);
    return { options, figures, faults: withCatchUp(records, ledger), retries: counts, quiescence, drivingMs, ...verdict(figures, quiescence) };
  } finally {
    pool.close();
    await stack.stop();
  }
}
