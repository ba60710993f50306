import { createHash } from 'node:crypto';
import { handlingReport, type ReportGrouping } from '../../engine/reports/handling-report.js';
import { periodBounds, periodKey, periodTitle, type ReportPeriod } from '../../engine/reports/report-period.js';
import type { Store } from '../store.js';
import { reportDossiers } from './report-dossiers.js';
import type { ReportDocument, ReportScope } from './report-model.js';

export interface ReportRequest {
  agency: { id: string; name: string };
  period: ReportPeriod;
  grouping: ReportGrouping;
  scope: ReportScope;
  producedBy: string;
  /** The local time's offset from UTC: periods are local months, quarters, years. */
  utcOffsetMs: number;
  now: number;
}

/** The report's id: the same agency, period, grouping and scope give the same id, so producing again replaces it. */
export function reportId(request: Pick<ReportRequest, 'agency' | 'period' | 'grouping' | 'scope'>): string {
  const { unitId, procedureCode, field } = request.scope;
  const scope = createHash('sha256').update(JSON.stringify([unitId ?? null, procedureCode ?? null, field ?? null])).digest('hex').slice(0, 12);
  return `${request.agency.id}~${periodKey(request.period)}~${request.grouping}~${scope}`;
}

/** Counts a period's report from the dossiers as the store holds them now, keeps it, and answers it. */
export async function produceReport(store: Pick<Store, 'dossiers' | 'tasks' | 'plans' | 'reports'>, request: ReportRequest): Promise<ReportDocument> {
  const { from, to } = periodBounds(request.period, request.utcOffsetMs);
  const until = Math.min(to, request.now);
  const dossiers = await reportDossiers(store, request.agency.id, request.scope, new Date(from), new Date(until));
  const { rows, total } = handlingReport(dossiers, { from, until }, request.grouping);
  const report: ReportDocument = {
    _id: reportId(request),
    agencyId: request.agency.id,
    agencyName: request.agency.name,
    period: { ...request.period, key: periodKey(request.period), title: periodTitle(request.period) },
    grouping: request.grouping,
    scope: Object.fromEntries(Object.entries(request.scope).filter(([, value]) => value !== undefined)),
    from: new Date(from),
    until: new Date(until),
    rows,
    total,
    producedAt: new Date(request.now),
    producedBy: request.producedBy,
  };
  await store.reports.replaceOne({ _id: report._id }, report, { upsert: true });
  return report;
}
