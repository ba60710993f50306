import type { AuditEntryContent } from '../../engine/audit/audit-chain.js';
import type { DossierStatus, TaskStatus } from '../../engine/dossier/dossier-status.js';
import type { Recipients } from '../../store/notifications/notification-model.js';
import type { Choice, TaskFormField } from '../../store/tasks/task-model.js';

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
  finishedAt?: number;
  punctuality?: 'early' | 'on-time' | 'late';
}

export interface TaskProjection {
  taskId: string;
  /** The agency whose unit does the step (another agency's, in an inter-agency procedure). */
  agencyId: string;
  elementId: string;
  name: string;
  kind: 'step' | 'apology' | 'reassignment';
  status: TaskStatus;
  candidateRole?: string;
  candidateUnit?: string;
  assignee?: string;
  form: TaskFormField[];
  outcomes: Choice[];
  data?: Record<string, unknown>;
  createdAt: number;
  dueAt?: number;
  dueSoonAt?: number;
  overdue: boolean;
  escalationLevel: number;
  claimedAt?: number;
  completedAt?: number;
  completedBy?: string;
  outcome?: string;
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
