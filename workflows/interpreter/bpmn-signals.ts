/**
 * BPMN errors and escalations as they travel inside the interpreter: thrown by error end events,
 * called procedures and service tasks; caught by boundary events of the enclosing activities.
 */
export class BpmnError extends Error {
  override name = 'BpmnError';

  constructor(
    readonly errorCode: string,
    message = `BPMN error ${errorCode}`,
  ) {
    super(message);
  }
}

/** How a scope (the process, a subprocess, a called procedure) ended. */
export type ScopeOutcome =
  | { kind: 'completed' }
  | { kind: 'terminated' }
  | { kind: 'error'; errorCode: string }
  /** Cancelled from outside: an interrupting boundary event, a withdrawal, a terminate above. */
  | { kind: 'cancelled' };
