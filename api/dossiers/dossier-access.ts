import { allScopes } from '../../engine/plan/scope-index.js';
import type { ProcedurePlan } from '../../engine/plan/procedure-plan.js';
import type { DossierDocument } from '../../store/dossiers/dossier-model.js';
import type { ApiStore } from '../api-store.js';
import { hasRole, type Principal } from '../auth/principal.js';
import { Problem } from '../http/problem.js';
import { agencyScope } from '../org/agency-scope.js';

/**
 * How a person stands to a dossier: its owner citizen; staff of a unit that holds or held one of its
 * steps (or who hold one themselves, or received it at the counter; a unit's supervisor is one of its staff); staff of an agency
 * answering for it; or staff of another agency.
 */
export type DossierRelation = 'owner' | 'step-unit' | 'agency' | 'other-agency' | 'none';

/** What a reader gets: everything, or the dossier without the applicant's personal data and documents. */
export type DossierAccess = 'full' | 'without-personal-data';

/**
 * The access a role has through a relation (README "Access"): the owner and the officers and
 * supervisors who work on the dossier see it all; agency administrators and auditors of its agency
 * see it without personal data; reformers and unrelated staff see nothing.
 */
export function dossierAccess(principal: Principal, relation: DossierRelation): DossierAccess | undefined {
  if (relation === 'owner') return 'full';
  if (relation === 'step-unit' && hasRole(principal, 'officer', 'supervisor')) return 'full';
  if ((relation === 'step-unit' || relation === 'agency') && hasRole(principal, 'agency-admin', 'auditor')) return 'without-personal-data';
  return undefined;
}

const stepUnitsByPlan = new Map<string, ReadonlyMap<string, string>>();

/** The unit the plan gives each of its steps, by element id (plans are immutable, so kept once read). */
export async function plannedStepUnits(store: ApiStore, planHash: string): Promise<ReadonlyMap<string, string>> {
  const known = stepUnitsByPlan.get(planHash);
  if (known) return known;
  const stored = await store.plans.findById(planHash).lean();
  const units = new Map<string, string>();
  for (const scope of stored ? allScopes((stored.plan as ProcedurePlan).process) : []) {
    for (const node of scope.nodes) if ('assignment' in node && node.assignment?.unit) units.set(node.id, node.assignment.unit);
  }
  stepUnitsByPlan.set(planHash, units);
  return units;
}

/** The units that hold or held the dossier's steps (where they are now, and where the plan put them), and who held them. */
async function dossierWorkers(store: ApiStore, dossier: Pick<DossierDocument, '_id' | 'planHash'>): Promise<{ units: Set<string>; people: Set<string> }> {
  const [tasks, planned] = await Promise.all([
    store.tasks.find({ dossierId: dossier._id }, { elementId: 1, candidateUnit: 1, assignee: 1, completedBy: 1 }).lean(),
    plannedStepUnits(store, dossier.planHash),
  ]);
  const units = new Set<string>();
  const people = new Set<string>();
  for (const task of tasks) {
    for (const unit of [task.candidateUnit, planned.get(task.elementId)]) if (unit) units.add(unit);
    for (const person of [task.assignee, task.completedBy]) if (person) people.add(person);
  }
  return { units, people };
}

export async function dossierRelation(store: ApiStore, dossier: DossierDocument, principal: Principal): Promise<DossierRelation> {
  if (hasRole(principal, 'citizen')) return dossier.ownerId === principal.id ? 'owner' : 'none';
  if (!principal.agencyId) return 'none';
  if (!(await agencyScope(store, principal)).has(dossier.agencyId)) return 'other-agency';
  if (dossier.receivedBy === principal.id) return 'step-unit';
  const workers = await dossierWorkers(store, dossier);
  if (workers.people.has(principal.id) || principal.units.some((unit) => workers.units.has(unit))) return 'step-unit';
  return 'agency';
}

/**
 * The dossier and what the principal may see of it, refused unless they may see at least `needed`.
 * A citizen asking for someone else's gets 404, so codes cannot be probed; staff get 403 with why.
 */
export async function visibleDossier(store: ApiStore, code: string, principal: Principal, needed: DossierAccess = 'without-personal-data'): Promise<{ dossier: DossierDocument; access: DossierAccess }> {
  const dossier = await store.dossiers.findById(code).lean();
  const notFound = new Problem(404, 'unknown-dossier', `no dossier ${code}`);
  if (!dossier) throw notFound;
  const relation = await dossierRelation(store, dossier, principal);
  const access = dossierAccess(principal, relation);
  if (access === 'full' || (access !== undefined && needed === 'without-personal-data')) return { dossier, access };
  if (hasRole(principal, 'citizen') || relation === 'none') throw notFound;
  if (!hasRole(principal, 'officer', 'supervisor', 'agency-admin', 'auditor')) throw new Problem(403, 'no-dossier-access', 'your role does not read dossiers; the dashboards show the figures');
  if (relation === 'other-agency') throw new Problem(403, 'other-agency', `dossier ${code} belongs to agency ${dossier.agencyId}`);
  if (access !== undefined) throw new Problem(403, 'personal-data', `dossier ${code}: your role sees dossiers without the applicant's personal data and documents`);
  throw new Problem(403, 'unrelated-dossier', `dossier ${code}: none of your units holds or held one of its steps`);
}

/**
 * The dossiers of the principal's agencies that they may list, as a store filter, and whether they
 * see them with personal data: a citizen their own, officers and supervisors those their units or
 * they themselves hold or held steps of, administrators and auditors all their agencies' (without
 * personal data); reformers none.
 */
export async function listableDossiers(store: ApiStore, principal: Principal): Promise<{ filter: Record<string, unknown>; access: DossierAccess }> {
  if (hasRole(principal, 'citizen')) return { filter: { ownerId: principal.id }, access: 'full' };
  const agencies = { agencyId: { $in: [...(await agencyScope(store, principal))] } };
  if (hasRole(principal, 'officer', 'supervisor')) return { filter: { ...agencies, _id: { $in: await workedOn(store, principal) } }, access: 'full' };
  if (hasRole(principal, 'agency-admin', 'auditor')) return { filter: agencies, access: 'without-personal-data' };
  return { filter: { _id: { $in: [] } }, access: 'without-personal-data' };
}

/** The dossiers (of `among`, when given) whose steps the principal or their units hold or held. */
async function workedOn(store: ApiStore, principal: Principal, among?: string[]): Promise<string[]> {
  const byWhom = { $or: [{ candidateUnit: { $in: principal.units } }, { assignee: principal.id }, { completedBy: principal.id }] };
  return store.tasks.distinct('dossierId', among ? { ...byWhom, dossierId: { $in: among } } : byWhom);
}

/** Which of these dossiers (of the principal's agencies) the principal may see the applicant's personal data of. */
export async function withPersonalData(store: ApiStore, principal: Principal, dossiers: Array<Pick<DossierDocument, '_id' | 'ownerId'>>): Promise<Set<string>> {
  if (hasRole(principal, 'citizen')) return new Set(dossiers.filter((dossier) => dossier.ownerId === principal.id).map((dossier) => dossier._id));
  if (!hasRole(principal, 'officer', 'supervisor') || dossiers.length === 0) return new Set();
  return new Set(await workedOn(store, principal, dossiers.map((dossier) => dossier._id)));
}
