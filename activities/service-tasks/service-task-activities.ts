import { Context } from '@temporalio/activity';
import type { Store } from '../../store/store.js';
import type { Variables } from '../../workflows/contract.js';

/** What the interpreter hands every service-task activity. */
export interface ServiceTaskRequest {
  dossierId: string;
  elementId: string;
  /** The task's input mapping, evaluated. */
  input: Variables;
}

/**
 * The activity types a service task may name (mc:ServiceCall type). Each is safe to run twice: its
 * effects carry a key made of the workflow run and the activity's id.
 */
export function createServiceTaskActivities(store: Store) {
  const idempotencyKey = () => {
    const { workflowExecution, activityId } = Context.current().info;
    return `${workflowExecution?.workflowId}#${workflowExecution?.runId}#${activityId}`;
  };

  return {
    /** Puts a message for the citizen or a role in the notification outbox: input `message`, optional `role`, `unit`. */
    async notify(request: ServiceTaskRequest): Promise<Variables> {
      const { message, role, unit } = request.input as { message?: unknown; role?: unknown; unit?: unknown };
      await store.notifications.updateOne(
        { _id: idempotencyKey() },
        {
          $setOnInsert: {
            dossierId: request.dossierId,
            kind: 'service-notification',
            at: new Date(),
            recipients: {
              userIds: [],
              roles: typeof role === 'string' ? [role] : [],
              units: typeof unit === 'string' ? [unit] : [],
              citizen: role === undefined,
            },
            data: { message: String(message ?? ''), elementId: request.elementId },
          },
        },
        { upsert: true },
      );
      return {};
    },
  };
}
