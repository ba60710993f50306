import type { Store } from '../store.js';

/** The dossiers that have or had a step for a unit: what a unit's dashboard and reports count. */
export async function dossiersWithStepsIn(store: Pick<Store, 'tasks'>, unitId: string): Promise<string[]> {
  return [...new Set((await store.tasks.find({ candidateUnit: unitId }, { dossierId: 1 }).lean()).map((task) => task.dossierId))];
}
