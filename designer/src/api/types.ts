/** Shapes of the API's answers (the HTTP contract; see api/openapi.json on a running server). */
import type { Diagnostic } from '@engine/diagnostics/diagnostic.js';
import type { ProcedureAnalysis } from '@engine/analysis/procedure-analysis.js';

export type SystemRole = 'reformer' | 'agency-admin' | 'officer' | 'supervisor' | 'citizen' | 'auditor';

export interface CurrentUser {
  id: string;
  username: string;
  name: string;
  roles: SystemRole[];
  positions: string[];
  agencyId: string | null;
  units: string[];
}

export interface LoginAnswer {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: CurrentUser;
}

export interface Agency {
  id: string;
  name: string;
  level: 'ministry' | 'province' | 'district' | 'commune';
  parentId?: string;
  code: string;
}

export interface Unit {
  id: string;
  agencyId: string;
  name: string;
  headUserId?: string;
}

/** A position (candidate role in procedures); the API may answer with plain ids. */
export interface Position {
  id: string;
  name: string;
}

export interface ProcedureSummary {
  code: string;
  name: string;
  agencyId: string;
  currentVersion: number | null;
  retired: boolean;
  updatedAt: string;
  hasDraft: boolean;
}

export interface ProcedureVersionSummary {
  version: number;
  planHash: string;
  deployedAt: string;
  deployedBy: string;
  retiredAt: string | null;
}

export interface ProcedureDetail {
  code: string;
  name: string;
  agencyId: string;
  draftXml: string | null;
  currentVersion: number | null;
  retired: boolean;
  versions: ProcedureVersionSummary[];
}

export interface ProcedureVersion {
  version: number;
  planHash: string;
  xml: string;
  deployedAt: string;
  deployedBy: string;
  analysis: ProcedureAnalysis;
}

export interface Preview {
  ok: boolean;
  diagnostics: Diagnostic[];
  analysis: ProcedureAnalysis | null;
}

export interface Deployed {
  version: number;
  planHash: string;
}

export type TaskStatus = 'open' | 'claimed' | 'completed' | 'cancelled';
export type TaskKind = 'step' | 'apology' | 'reassignment';
export type WorklistView = 'mine' | 'unit' | 'overdue' | 'due-soon';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Choice {
  value: string;
  label: string;
}

/** A pinned calendar, named by its content hash. */
export interface CalendarRef {
  id: string;
  hash: string;
}

export interface Task {
  taskId: string;
  dossierId: string;
  procedureCode: string;
  agencyId: string;
  elementId: string;
  name: string;
  kind: TaskKind;
  candidateRole: string | null;
  candidateUnit: string | null;
  assignee: string | null;
  status: TaskStatus;
  createdAt: string;
  dueAt: string | null;
  dueSoonAt: string | null;
  overdue: boolean;
  escalationLevel: number;
  outcome: string | null;
}

export interface WorklistItem extends Task {
  calendar: CalendarRef | null;
}

export interface FormField {
  key: string;
  label: string;
  type: string;
  required: boolean;
  options?: Choice[];
}

export interface TaskDetail extends Task {
  calendar: CalendarRef | null;
  form: FormField[];
  /** What the dossier held under the form's keys when the step opened, to show pre-filled. */
  values: Record<string, unknown>;
  outcomes: Choice[];
  data: Record<string, unknown> | null;
  dossier: { dossierId: string; procedureCode?: string; status?: DossierStatus; applicant?: Applicant; channel?: Channel; receivedAt?: string; dueAt?: string | null; overdue?: boolean };
}

export interface WorklistQuery {
  view: WorklistView;
  procedureCode?: string;
  overdue?: boolean;
  dueBefore?: string;
  cursor?: string;
  limit?: number;
}

export interface BulkResult {
  results: Array<{ taskId: string; ok: boolean; problem?: { status: number; code?: string; detail?: string } }>;
}

export type DossierStatus = 'received' | 'rejected' | 'processing' | 'supplement-requested' | 'payment-requested' | 'withdrawal-requested' | 'stopped' | 'processed' | 'returned';
export type Channel = 'in-person' | 'online' | 'post';

export interface Applicant {
  name: string;
  idNumber?: string;
  email?: string;
  phone?: string;
  address?: string;
}

export interface Attachment {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  purpose: string;
  uploadedAt: string;
}

export interface DossierSummary {
  dossierId: string;
  procedureCode: string;
  procedureVersion: number;
  agencyId: string;
  channel: Channel;
  /** null for readers who see dossiers without personal data (administrators, auditors). */
  applicantName: string | null;
  status: DossierStatus;
  receivedAt: string;
  dueAt: string | null;
  overdue: boolean;
  currentSteps: Array<{ elementId: string; name: string }>;
  /** When the result was ready: the step that returns it opened. */
  processedAt: string | null;
  finishedAt: string | null;
  punctuality: 'early' | 'on-time' | 'late' | null;
}

export interface Dossier extends DossierSummary {
  /** null for readers who see dossiers without personal data. */
  applicant: Applicant | null;
  supplementationCount: number;
  attachments: Attachment[];
  toSupplement: Choice[] | null;
}

export interface TimelineEntry {
  at: string;
  action: string;
  label: { vi: string; en: string };
  actor: { kind: string; id: string; role?: string; unit?: string };
  target: { kind: string; id: string };
  details: Record<string, unknown>;
}

export interface Receipt {
  dossierId: string;
  receivedAt: string;
  dueAt: string;
  receipt: { procedureName: string; agencyName: string; applicantName: string; documents: Array<{ id: string; fileName: string }> };
}

export interface Submission {
  procedureCode: string;
  channel: Channel;
  applicant: Applicant;
  variables: Record<string, unknown>;
  /** For each attached file, in order, the start form's document field it answers (null: none). */
  documents?: Array<string | null>;
}

export interface CatalogueEntry {
  code: string;
  name: string;
  agencyId: string;
  version: number;
  legalLimit: string;
  legalBasis: { text: string; href?: string } | null;
  requiredDocuments: Array<{ key: string; label: string; required: boolean }>;
  fees: number;
  online: boolean;
}

export interface CatalogueEntryWithForm extends CatalogueEntry {
  startForm: FormField[];
}

export interface Diagram {
  code: string;
  version: number;
  xml: string;
}

export interface StatsQuery {
  agencyId?: string;
  unitId?: string;
  procedureCode?: string;
  from?: string;
  to?: string;
}

export interface Stats {
  received: number;
  finished: { early: number; onTime: number; late: number; total: number };
  overdueNow: number;
  index: {
    onTimeRate: number | null;
    points: number;
    averagePoints: number | null;
    onlineShare: number | null;
    overduePercent: number | null;
    complaintsPercent: number;
    satisfaction: number | null;
  };
  steps: Array<{ procedureCode: string; elementId: string; name: string; completed: number; averageWorkingHours: number }>;
}

export interface TrendDay {
  day: string;
  received: number;
  early: number;
  onTime: number;
  late: number;
}

export interface OfficerLoad {
  id: string;
  name: string;
  units: string[];
  positions: string[];
  claimed: number;
  overdue: number;
  dueSoon: number;
}

export interface OverdueDossier {
  dossierId: string;
  procedureCode: string;
  agencyId: string;
  status: DossierStatus;
  /** null unless the reader works on the dossier. */
  applicantName: string | null;
  receivedAt: string;
  dueAt: string | null;
}

/** A change the server announces on GET /api/events. */
export interface ChangeEvent {
  kind: 'dossier' | 'task';
  id: string;
  dossierId: string;
  agencyId: string;
  change: string;
  at: string;
}

export type DeliveryState = 'pending' | 'failing' | 'delivered';

/** One notice of a dossier in the notifications outbox, with how it was delivered (GET /api/outbox). */
export interface OutboxEntry {
  id: string;
  dossierId: string;
  kind: string;
  at: string;
  recipients: { userIds: string[]; roles: string[]; units: string[]; citizen: boolean };
  data: Record<string, unknown>;
  state: DeliveryState;
  attempts: number;
  lastError?: string;
  deliveredAt?: string;
  deliveries: Array<{ channel: string; to: string; at: string; messageId?: string; documentIds: string[] }>;
}

export interface OutboxQuery {
  state?: DeliveryState;
  dossierId?: string;
  limit?: number;
}

/** A message the dev stack's local SMTP server received (GET /api/outbox/mailbox). */
export interface ReceivedMail {
  id: string;
  messageId?: string;
  from?: string;
  to: string[];
  subject: string;
  text: string;
  attachments: Array<{ filename: string; contentType: string; size: number }>;
  receivedAt: string;
}

/** The national portal's status sync: backlog and lag in milliseconds (GET /api/outbox/portal-sync). */
export interface PortalSyncMetrics {
  pending: number;
  oldestPendingMs: number;
  failingAttempts: number;
  lagMs: { p50: number; p95: number; max: number; count: number };
}
