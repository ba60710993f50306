import type { Variables } from '../../workflows/contract.js';

/** What the interpreter hands every service-task activity. */
export interface ServiceTaskRequest {
  dossierId: string;
  elementId: string;
  /** The task's input mapping, evaluated. */
  input: Variables;
}
