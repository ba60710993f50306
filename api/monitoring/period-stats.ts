import { BusinessCalendar } from '../../engine/calendar/index.js';
import type { ApiContext } from '../context.js';
import { currentCalendar } from '../calendars/calendar-source.js';
import { dailyTrend } from './daily-trend.js';
import { countFigures, periodDossierFilter, periodRange, type FigureScope } from './dashboard-figures.js';
import { serviceQuality } from './service-quality.js';

const hourMs = 3_600_000;

type StatsContext = Pick<ApiContext, 'store' | 'loadCalendar'>;

/** The dashboard's figures of a scope: the dossier counts, the service-quality index and working time per step. */
export async function periodStats(context: StatsContext, scope: FigureScope) {
  const { store } = context;
  const taskFilter: Record<string, unknown> = { agencyId: { $in: scope.agencyIds }, status: 'completed' };
  if (scope.procedureCode) taskFilter.procedureCode = scope.procedureCode;
  if (scope.unitId) taskFilter.candidateUnit = scope.unitId;
  if (scope.from || scope.to) taskFilter.createdAt = periodRange(scope);
  const steps = await store.tasks.find(taskFilter, { procedureCode: 1, elementId: 1, name: 1, createdAt: 1, completedAt: 1, dossierId: 1 }).lean();
  const counts = await countFigures(store, await periodDossierFilter(store, scope));

  // Working time per step, counted on the national calendar as it is now.
  const calendar = new BusinessCalendar((await currentCalendar(context, 'vn-national')).data);
  const perStep = new Map<string, { procedureCode: string; elementId: string; name: string; completed: number; workingMs: number }>();
  for (const step of steps) {
    if (!step.completedAt) continue;
    const key = `${step.procedureCode}/${step.elementId}`;
    const entry = perStep.get(key) ?? { procedureCode: step.procedureCode, elementId: step.elementId, name: step.name, completed: 0, workingMs: 0 };
    entry.completed += 1;
    entry.workingMs += calendar.workingTimeBetween(step.createdAt.getTime(), step.completedAt.getTime());
    perStep.set(key, entry);
  }
  return {
    ...serviceQuality(counts),
    steps: [...perStep.values()].map(({ workingMs, ...entry }) => ({ ...entry, averageWorkingHours: Math.round((workingMs / entry.completed / hourMs) * 100) / 100 })),
  };
}

/** Dossiers received and finished per day of [from, to) (UTC ms), for the trend chart. */
export async function periodTrend(context: StatsContext, scope: { agencyIds: string[]; procedureCode?: string | undefined; from: number; to: number }) {
  const { from, to } = scope;
  const filter: Record<string, unknown> = {
    agencyId: { $in: scope.agencyIds },
    $or: [{ receivedAt: { $gte: new Date(from), $lt: new Date(to) } }, { finishedAt: { $gte: new Date(from), $lt: new Date(to) } }],
  };
  if (scope.procedureCode) filter.procedureCode = scope.procedureCode;
  const dossiers = await context.store.dossiers.find(filter, { receivedAt: 1, finishedAt: 1, punctuality: 1 }).lean();
  const calendar = new BusinessCalendar((await currentCalendar(context, 'vn-national')).data);
  return dailyTrend(dossiers, from, to, calendar.utcOffsetMs);
}
