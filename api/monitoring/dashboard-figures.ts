import { overdueDossierFilter } from '../../store/monitoring/overdue-work.js';
import { dossiersWithStepsIn } from '../../store/monitoring/unit-dossiers.js';
import type { ApiStore } from '../api-store.js';

/**
 * The dossier figures a dashboard shows; each opens the list of the dossiers it counts. `finished`
 * is what the on-time rate and the points divide by, `overdue-or-late` what the satisfaction loses.
 */
export const dashboardFigures = ['received', 'early', 'on-time', 'late', 'finished', 'refused', 'overdue-now', 'overdue-or-late', 'online'] as const;

export type DashboardFigure = (typeof dashboardFigures)[number];

/** Returned dossiers by punctuality: projections written before refusals lost theirs still hold one. */
function returnedWith(punctuality: unknown): Record<string, unknown> {
  return { status: 'returned', punctuality };
}

/** Which of the period's dossiers each figure counts: the count and the drill-down list read the same filter. */
export const figureFilters: Record<DashboardFigure, Record<string, unknown>> = {
  received: {},
  early: returnedWith('early'),
  'on-time': returnedWith('on-time'),
  late: returnedWith('late'),
  finished: returnedWith({ $in: ['early', 'on-time', 'late'] }),
  refused: { status: 'rejected' },
  'overdue-now': overdueDossierFilter,
  'overdue-or-late': { $or: [returnedWith('late'), overdueDossierFilter] },
  online: { channel: 'online' },
};

export interface FigureScope {
  agencyIds: string[];
  unitId?: string | undefined;
  procedureCode?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** The dossiers a dashboard looks at: received in the period, of its agencies, procedure and (having had a step in) unit. */
export async function periodDossierFilter(store: ApiStore, scope: FigureScope): Promise<Record<string, unknown>> {
  const filter: Record<string, unknown> = { agencyId: { $in: scope.agencyIds } };
  if (scope.procedureCode) filter.procedureCode = scope.procedureCode;
  if (scope.from || scope.to) filter.receivedAt = periodRange(scope);
  if (scope.unitId) filter._id = { $in: await dossiersWithStepsIn(store, scope.unitId) };
  return filter;
}

/** The period as a range on an instant field: from inclusive, to exclusive. */
export function periodRange(scope: Pick<FigureScope, 'from' | 'to'>): Record<string, Date> {
  const range: Record<string, Date> = {};
  if (scope.from) range.$gte = new Date(scope.from);
  if (scope.to) range.$lt = new Date(scope.to);
  return range;
}

/** Every figure of the period, counted in the store. */
export async function countFigures(store: ApiStore, periodFilter: Record<string, unknown>): Promise<Record<DashboardFigure, number>> {
  const counts = await Promise.all(dashboardFigures.map((figure) => store.dossiers.countDocuments({ ...periodFilter, ...figureFilters[figure] })));
  return Object.fromEntries(dashboardFigures.map((figure, index) => [figure, counts[index]!])) as Record<DashboardFigure, number>;
}
