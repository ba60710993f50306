/** The chaos run's printed table: figures, faults with their catch-up, retries, and the verdict. */
import { lossFigures, type ChaosFigures } from './checks.js';
import type { FaultRecord } from './faults.js';
import type { RetryCounts } from './http-client.js';
import type { ChaosOptions } from './options.js';
import type { Quiescence } from './quiescence.js';

export interface ChaosResult {
  options: ChaosOptions;
  figures: ChaosFigures;
  faults: FaultRecord[];
  retries: RetryCounts;
  quiescence: Quiescence;
  drivingMs: number;
  /** Every loss, duplicate and mismatch figure; the run passes when all are 0. */
  losses: Record<string, number>;
  passed: boolean;
}

export function verdict(figures: ChaosFigures, quiescence: Quiescence): { losses: Record<string, number>; passed: boolean } {
  const losses = lossFigures(figures);
  return { losses, passed: quiescence.reached && Object.values(losses).every((value) => value === 0) };
}

const seconds = (ms: number | undefined) => (ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(1)} s`);
const row = (label: string, value: string | number) => `  ${label.padEnd(34)} ${value}`;

export function formatReport(result: ChaosResult): string {
  const { options, figures, faults, retries, quiescence } = result;
  const lines = [
    `MotCua chaos run: stack ${options.stack}, ${options.dossiers} dossiers, seed ${options.seed}, faults ${options.faults.join(', ') || 'none'}`,
    '',
    'Fault schedule (in firing order)',
    '  fault              at      down     healthy after  catch-up   what happened',
    ...faults.map(
      (fault) =>
        `  ${fault.kind.padEnd(18)} ${`${Math.round(fault.atShare * 100)}%`.padEnd(7)} ${seconds(fault.downMs).padEnd(8)} ${seconds(fault.healthyAfterMs).padEnd(14)} ${seconds(fault.catchUpMs).padEnd(10)} ${fault.note}`,
    ),
    '',
    'Dossiers',
    row('started (submissions acknowledged)', figures.dossiers.started),
    row('finished', figures.dossiers.finished),
    row('stuck', figures.dossiers.stuck),
    row('duplicated (one submission, two)', figures.dossiers.duplicated),
    row('driver gave up', figures.dossiers.driverFailures),
    row('supplements / withdrawals', `${figures.supplements} / ${figures.withdrawals}`),
    row('calendar corrections', figures.calendarCorrections),
    'Tasks',
    row('created', figures.tasks.created),
    row('completed (acknowledged)', figures.tasks.completed),
    row('duplicated', figures.tasks.duplicated),
    row('lost', figures.tasks.lost),
    'Consistency',
    row('store vs workflow mismatches', figures.storeWorkflowMismatches),
    row('audit chains checked / broken', `${figures.audit.chains} / ${figures.audit.broken}`),
    'Portal',
    row('statuses accepted', figures.portal.statuses),
    row('lost / duplicated / out of order', `${figures.portal.lost} / ${figures.portal.duplicated} / ${figures.portal.outOfOrder}`),
    'Notices',
    row('mails received', figures.notices.sent),
    row('lost / sent twice', `${figures.notices.lost} / ${figures.notices.sentTwice}`),
    'Requests',
    row('attempts', retries.attempts),
    row('network errors retried', retries.networkErrors),
    row('503 retried', retries.unavailable),
    row('other 5xx retried', retries.serverErrors),
    row('429 and submission-in-progress retried', retries.rateLimited),
    '',
    row('driving took', seconds(result.drivingMs)),
    row('quiescence', `${quiescence.reached ? 'reached' : 'NOT reached'} after ${seconds(quiescence.waitedMs)}${quiescence.reached ? '' : ` (pending ${JSON.stringify(quiescence.pending)})`}`),
    ...(figures.examples.length > 0 ? ['', 'Examples', ...figures.examples.map((line) => `  ${line}`)] : []),
    '',
    result.passed ? 'PASS: nothing lost, duplicated or inconsistent' : `FAIL: ${Object.entries(result.losses).filter(([, value]) => value > 0).map(([name, value]) => `${name} ${value}`).join(', ') || 'quiescence not reached'}`,
  ];
  return lines.join('\n');
}
