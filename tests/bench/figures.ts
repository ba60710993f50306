/**
 * `npm run bench:figures [-- --dossiers=1000000 --agencies=10 --repeat=3]`: the dashboard's figures
 * over `dossiers` dossiers received in one year (one completed step each), timed through the very
 * functions the monitoring routes call: the service-quality index and counts (/api/stats), the daily
 * trend of the year (/api/stats/trend), and the first page of one figure's dossiers
 * (/api/stats/dossiers). Target ≤ 1 s each at 1,000,000 dossiers (issue 25). Starts its own FerretDB
 * and Temporal dev server (or uses MONGODB_URI), seeds an empty database, drops it at the end.
 */
import os from 'node:os';
import { createApiStore } from '../../api/api-store.js';
import { figureFilters, periodDossierFilter } from '../../api/monitoring/dashboard-figures.js';
import { periodStats, periodTrend } from '../../api/monitoring/period-stats.js';
import { newestDossiers } from '../../api/dossiers/dossier-summary.js';
import { loadCalendar } from '../../scripts/calendar/calendar-files.js';
import { connectStore } from '../../store/connection.js';
import { startBenchRuntime, storeUriFor } from './support/bench-runtime.js';
import { runToExit } from '../support/run-to-exit.js';

const argument = (name: string, fallback: number) => Number(process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const dossierCount = argument('dossiers', 1_000_000);
const agencyCount = argument('agencies', 10);
const repeat = argument('repeat', 3);
const dayMs = 86_400_000;
const yearStart = Date.UTC(2026, 0, 1) - 7 * 3_600_000;
const yearEnd = yearStart + 365 * dayMs;

/** A spread a real agency's year might show: most returned (mostly on time), some refused, the rest running, a few overdue. */
function dossierAt(i: number) {
  const receivedAt = new Date(yearStart + ((i * 7919) % 365) * dayMs + (i % 36_000) * 1000);
  const agencyId = `agency-${i % agencyCount}`;
  const kind = i % 20;
  const returned = kind < 14;
  const punctuality = returned ? (kind < 4 ? 'early' : kind < 12 ? 'on-time' : 'late') : undefined;
  const status = returned ? 'returned' : kind < 15 ? 'rejected' : 'processing';
  const finishedAt = returned || status === 'rejected' ? new Date(receivedAt.getTime() + 5 * dayMs) : undefined;
  return {
    _id: `BENCH-${i}`, procedureCode: `procedure-${i % 40}`, procedureVersion: 1, planHash: 'bench', calendarHash: 'bench', agencyId,
    channel: i % 5 < 3 ? 'online' : 'in-person', applicant: { name: `Người nộp ${i}` }, status, receivedAt, dueAt: new Date(receivedAt.getTime() + 10 * dayMs),
    overdue: status === 'processing' && kind === 19, currentSteps: [], supplementationCount: 0, finishedAt, processedAt: finishedAt, punctuality, sequence: 1, updatedAt: new Date(),
  };
}

function stepOf(i: number, dossier: ReturnType<typeof dossierAt>) {
  return {
    _id: `BENCH-${i}/Task_ThamDinh/1`, dossierId: dossier._id, procedureCode: dossier.procedureCode, agencyId: dossier.agencyId, elementId: 'Task_ThamDinh', name: 'Thẩm định hồ sơ', kind: 'step',
    candidateRole: 'chuyen-vien', candidateUnit: `unit-${i % 30}`, status: 'completed', assignee: 'kv', completedBy: 'kv', form: [], outcomes: [],
    createdAt: dossier.receivedAt, completedAt: new Date(dossier.receivedAt.getTime() + 2 * dayMs), overdue: false, escalationLevel: 0, sequence: 1,
  };
}

async function timed<T>(label: string, run: () => Promise<T>): Promise<void> {
  const runs: number[] = [];
  for (let attempt = 0; attempt < repeat; attempt++) {
    const t0 = performance.now();
    await run();
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  const median = runs[Math.floor(runs.length / 2)]!;
  console.log(`  ${label.padEnd(58)} median ${(median / 1000).toFixed(2)} s  (min ${(runs[0]! / 1000).toFixed(2)}, max ${(runs.at(-1)! / 1000).toFixed(2)})  ${median <= 1000 ? 'within' : 'OVER'} the 1 s target`);
}

async function main(): Promise<void> {
  const { runtime, stop } = await startBenchRuntime('figures');
  const connection = await connectStore(storeUriFor(runtime, 'motcua-bench-figures'));
  try {
    const store = createApiStore(connection);
    await store.ensureIndexes();
    const storeName = process.env.MONGODB_URI ? 'external MongoDB' : 'FerretDB 1.24 (SQLite)';
    console.log(`MotCua figures benchmark — ${os.cpus().length} cores (${os.cpus()[0]?.model}), load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; store ${storeName}`);

    const started = Date.now();
    const batch = 5_000;
    for (let offset = 0; offset < dossierCount; offset += batch) {
      const dossiers = Array.from({ length: Math.min(batch, dossierCount - offset) }, (_, k) => dossierAt(offset + k));
      await store.dossiers.collection.insertMany(dossiers as never[], { ordered: false });
      await store.tasks.collection.insertMany(dossiers.map((dossier, k) => stepOf(offset + k, dossier)) as never[], { ordered: false });
      if ((offset / batch) % 20 === 0) console.log(`  seeded ${Math.min(offset + batch, dossierCount).toLocaleString('en')} dossiers and their steps (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
    console.log(`Seeded ${dossierCount.toLocaleString('en')} dossiers over ${agencyCount} agencies and one completed step each in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const context = { store, loadCalendar: async (id: string) => (await loadCalendar(id)).data };
    const allAgencies = Array.from({ length: agencyCount }, (_, k) => `agency-${k}`);
    const year = { from: new Date(yearStart).toISOString(), to: new Date(yearEnd).toISOString() };
    console.log(`\nThe year's figures (${repeat} runs each, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}):`);
    await timed(`/api/stats, all ${agencyCount} agencies (${dossierCount.toLocaleString('en')} dossiers)`, () => periodStats(context, { agencyIds: allAgencies, ...year }));
    await timed(`/api/stats, one agency (${(dossierCount / agencyCount).toLocaleString('en')})`, () => periodStats(context, { agencyIds: ['agency-0'], ...year }));
    await timed('/api/stats/trend, all agencies, the whole year', () => periodTrend(context, { agencyIds: allAgencies, from: yearStart, to: yearEnd }));
    await timed('/api/stats/dossiers?figure=late, first page of 50', async () =>
      newestDossiers(store, { ...(await periodDossierFilter(store, { agencyIds: allAgencies, ...year })), ...figureFilters.late }, { limit: 50 }),
    );
    console.log(`Load at the end ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  } finally {
    await connection.dropDatabase().catch(() => undefined);
    await connection.close();
    await stop();
  }
}

runToExit(main);
