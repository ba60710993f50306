import type { Store } from '../store/store.js';
import { createProcedureActivities } from './procedures/procedure-activities.js';
import { createProjectionActivities } from './projection/project-dossier.js';
import { createServiceTaskActivities } from './service-tasks/service-task-activities.js';

/** Every activity the dossier worker registers, bound to the store. */
export function createActivities(store: Store) {
  return {
    ...createProjectionActivities(store),
    ...createProcedureActivities(store),
    ...createServiceTaskActivities(store),
  };
}
