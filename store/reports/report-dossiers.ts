import type { ReportDossier } from '../../engine/reports/handling-report.js';
import type { ProcedurePlan } from '../../engine/plan/procedure-plan.js';
import { dossiersWithStepsIn } from '../monitoring/unit-dossiers.js';
import type { Store } from '../store.js';
import type { ReportScope } from './report-model.js';

/**
 * The dossiers of an agency a report of [from, until) reads: received before its end and not ended
 * before its start, with the field and name of the procedure version each was received under.
 */
export async function reportDossiers(store: Pick<Store, 'dossiers' | 'tasks' | 'plans'>, agencyId: string, scope: ReportScope, from: Date, until: Date): Promise<ReportDossier[]> {
  const filter: Record<string, unknown> = { agencyId, receivedAt: { $lt: until }, $or: [{ finishedAt: { $exists: false } }, { finishedAt: { $gte: from } }] };
  if (scope.procedureCode) filter.procedureCode = scope.procedureCode;
  if (scope.unitId) filter._id = { $in: await dossiersWithStepsIn(store, scope.unitId) };
  const dossiers = await store.dossiers.find(filter, { procedureCode: 1, planHash: 1, channel: 1, status: 1, receivedAt: 1, finishedAt: 1, dueAt: 1, punctuality: 1 }).lean();
  const plans = await store.plans.find({ _id: { $in: [...new Set(dossiers.map((dossier) => dossier.planHash))] } }, { 'plan.procedure': 1 }).lean();
  const procedures = new Map(plans.map(({ _id, plan }) => [_id, (plan as Pick<ProcedurePlan, 'procedure'>).procedure]));
  return dossiers.flatMap((dossier) => {
    const procedure = procedures.get(dossier.planHash);
    if (scope.field !== undefined && procedure?.field !== scope.field) return [];
    return [
      {
        procedureCode: dossier.procedureCode,
        procedureName: procedure?.name ?? dossier.procedureCode,
        field: procedure?.field,
        channel: dossier.channel,
        status: dossier.status,
        receivedAt: dossier.receivedAt.getTime(),
        finishedAt: dossier.finishedAt?.getTime(),
        dueAt: dossier.dueAt?.getTime(),
        punctuality: dossier.punctuality,
      },
    ];
  });
}
