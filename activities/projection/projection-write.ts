import type { AuditEntryContent } from '../../engine/audit/audit-chain.js';
import type { DossierStatus } from '../../engine/dossier/dossier-status.js';
import type { PlanOutcome } from '../../engine/plan/outcome-fields.js';
import type { Recipients } from '../../store/notifications/notification-model.js';
import type { TaskFormField } from '../../store/tasks/task-model.js';
import type { TaskView } from '../../engine/dossier/activity-shapes.js';

/** Instants cross the workflow/activity boundary as UTC milliseconds. */
export interface DossierProjection {
  procedureCode: string;
  procedureVersion: number;
  planHash: string;
  calendarHash: string;
  agencyId: string;
  status: DossierStatus;
  receivedAt: number;
  dueAt?: number;
  overdue: boolean;
  currentSteps: Array<{ elementId: string; name: string }>;
  supplementationCount: number;
  /** When processing ended: the step that returns the result opened. */
  processedAt?: number;
  finishedAt?: number;
  punctuality?: 'early' | 'on-time' | 'late';
}

/** A task as the worklist stores it: what the workflow's Updates answer, plus what only the store keeps. */
export interface TaskProjection extends TaskView {
  /** The agency whose unit does the step (another agency's, in an inter-agency procedure). */
  agencyId: string;
  form: TaskFormField[];
  /** The form's fields the dossier held values for when the step opened. */
  values?: Record<string, unknown>;
  outcomes: PlanOutcome[];
  data?: Record<string, unknown>;
  escalationLevel: number;
  claimedAt?: number;
}

export interface AuditRecord extends AuditEntryContent {
  previousHash: string;
  hash: string;
}

export interface NotificationRecord {
  /** `<dossier>#<n>`. */
  id: string;
  kind: string;
  at: number;
  recipients: Recipients;
  data: Record<string, unknown>;
}

/**
 * Everything one change of a dossier's state means for the store, written by one activity call.
 * `sequence` grows with every write the workflow makes, so a late retry never wins.
 */
export interface ProjectionWrite {
  dossierId: string;
  procedureCode: string;
  agencyId: string;
  sequence: number;
  /** Left out by a called procedure's run, which works on its caller's dossier. */
  dossier?: DossierProjection;
  tasks: TaskProjection[];
  audit: AuditRecord[];
  notifications: NotificationRecord[];
}
