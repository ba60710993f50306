import { ApplicationFailure } from '@temporalio/activity';
import type { ProcedurePlan } from '../../engine/plan/procedure-plan.js';
import type { Store } from '../../store/store.js';
import { bpmnErrorFailureType } from '../../engine/dossier/activity-shapes.js';

export interface CalledProcedureRequest {
  procedureCode: string;
  /** `latest`: the current version now; `deployment`: the one current when the caller was deployed; or a fixed version. */
  version: 'latest' | 'deployment' | number;
  callerProcedureCode: string;
  callerVersion: number;
}

export interface ResolvedProcedure {
  version: number;
  planHash: string;
  plan: ProcedurePlan;
}

/** Reads of the procedure registry that running dossiers need. */
export function createProcedureActivities(store: Store) {
  async function versionNumber(request: CalledProcedureRequest): Promise<number | undefined> {
    if (typeof request.version === 'number') return request.version;
    if (request.version === 'latest') return (await store.procedures.findById(request.procedureCode).lean())?.currentVersion;
    const caller = await store.procedureVersions.findById(`${request.callerProcedureCode}@${request.callerVersion}`).lean();
    if (!caller) return undefined;
    const deployedThen = await store.procedureVersions
      .find({ procedureCode: request.procedureCode, deployedAt: { $lte: caller.deployedAt } })
      .sort({ version: -1 })
      .limit(1)
      .lean();
    return deployedThen[0]?.version;
  }

  return {
    /** The plan a call activity runs. A procedure or version that does not exist fails for good. */
    async resolveCalledProcedure(request: CalledProcedureRequest): Promise<ResolvedProcedure> {
      const version = await versionNumber(request);
      const deployed = version === undefined ? null : await store.procedureVersions.findById(`${request.procedureCode}@${version}`).lean();
      const stored = deployed ? await store.plans.findById(deployed.planHash).lean() : null;
      if (!deployed || !stored) {
        throw ApplicationFailure.nonRetryable(
          `procedure ${request.procedureCode} has no deployed version for policy ${request.version}`,
          bpmnErrorFailureType,
          'called-procedure-missing',
        );
      }
      return { version: deployed.version, planHash: deployed.planHash, plan: stored.plan as ProcedurePlan };
    },
  };
}
