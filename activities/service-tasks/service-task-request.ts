import type { Variables } from '../../engine/dossier/activity-shapes.js';

/** What the interpreter hands every service-task activity. */
export interface ServiceTaskRequest {
  dossierId: string;
  elementId: string;
  /** The task's input mapping, evaluated. */
  input: Variables;
}
