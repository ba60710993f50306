import type { CompileResult } from '../../engine/compiler/compile.js';
import type { ProcedurePlan } from '../../engine/plan/procedure-plan.js';
import type { ProcedureRegistry } from '../../engine/plan/procedure-registry.js';
import type { ApiStore } from '../api-store.js';
import type { CompilePool } from '../compilation/compile-pool.js';

/** Deployed procedures as the compiler checks call activities against them. */
export async function deployedRegistry(store: ApiStore): Promise<ProcedureRegistry> {
  const versions = await store.procedureVersions.find({}, { procedureCode: 1, version: 1, planHash: 1 }).lean();
  const current = new Map((await store.procedures.find({ currentVersion: { $exists: true } }, { currentVersion: 1 }).lean()).map((p) => [p._id, p.currentVersion]));
  const registry: Record<string, { versions: number[]; legalLimit?: string }> = {};
  for (const version of versions) (registry[version.procedureCode] ??= { versions: [] }).versions.push(version.version);
  const currentPlans = await Promise.all(
    Object.keys(registry).map(async (code) => {
      const deployed = versions.find((v) => v.procedureCode === code && v.version === current.get(code));
      const plan = deployed && (await store.plans.findById(deployed.planHash).lean());
      return [code, (plan?.plan as ProcedurePlan | undefined)?.procedure.legalLimit] as const;
    }),
  );
  for (const [code, legalLimit] of currentPlans) if (legalLimit) registry[code]!.legalLimit = legalLimit;
  return registry;
}

/** Compiles a model against the deployed procedures (so call activities are checked), in the compile pool. */
export async function compileAgainstRegistry(store: ApiStore, compiler: CompilePool, xml: string): Promise<CompileResult> {
  return compiler.compile(xml, await deployedRegistry(store));
}

/** The plan of a deployed version. */
export async function deployedPlan(store: ApiStore, code: string, version: number): Promise<{ plan: ProcedurePlan; planHash: string; xml: string } | undefined> {
  const deployed = await store.procedureVersions.findById(`${code}@${version}`).lean();
  const stored = deployed && (await store.plans.findById(deployed.planHash).lean());
  return deployed && stored ? { plan: stored.plan as ProcedurePlan, planHash: deployed.planHash, xml: deployed.xml } : undefined;
}
