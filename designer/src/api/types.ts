/**
 * Shapes of the API's answers, named as the designer uses them: taken from the types generated from the
 * API's OpenAPI document (./generated, `npm run api:types`) where the document has them, so they cannot
 * drift from the routes; the rest (query strings, event payloads, request bodies) are still written here.
 */
import type { components, operations, paths } from './generated/api-schema.js';

/** The API's named schemas, generated from its OpenAPI document (npm run api:types). */
type Schemas = components['schemas'];
/** What a route answers with (200, or the status given), where its schema has no name of its own. */
type Answer<Path extends keyof paths, Method extends keyof paths[Path], Status extends number = 200> =
  paths[Path][Method] extends { responses: Record<Status, { content: { 'application/json': infer Body } }> } ? Body : never;

export type SystemRole = 'reformer' | 'agency-admin' | 'officer' | 'supervisor' | 'citizen' | 'auditor';

export type CurrentUser = Schemas['Me'];

export type LoginAnswer = Schemas['Session'];

export type Agency = Schemas['Agency'];

export type Unit = Schemas['Unit'];
export type StaffMember = Schemas['StaffMember'];
export type NewStaffMember = Omit<StaffMember, 'id' | 'disabled' | 'lastSignInAt'> & { password: string };
export type StaffChange = Partial<Pick<StaffMember, 'name' | 'roles' | 'units' | 'positions' | 'disabled'>> & { email?: string | null; phone?: string | null };

export type Position = Schemas['Position'];

export type ProcedureSummary = Schemas['ProcedureSummary'];


export type ProcedureDetail = Answer<'/api/procedures/{code}', 'get'>;

export type ProcedureVersionSummary = ProcedureDetail['versions'][number];

export type ProcedureVersion = Answer<'/api/procedures/{code}/versions/{version}', 'get'>;

export type Preview = Answer<'/api/procedures/{code}/preview', 'post'>;

export type Deployed = Answer<'/api/procedures/{code}/deploy', 'post', 201>;

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

export type WorklistItem = Schemas['WorklistItem'];

export interface FormField {
  key: string;
  label: string;
  type: string;
  required: boolean;
  options?: Choice[];
}

export type TaskDetail = Schemas['TaskDetail'];
/** The latest “chuyển xử lý” of a task: who forwarded it, when, with which handling opinion. */
export type TaskForwarding = NonNullable<Schemas['TaskForwarding']>;
export type ForwardTargets = Schemas['ForwardTargets'];
export type TaskOutcome = Schemas['TaskOutcome'];

export interface WorklistQuery {
  view: WorklistView;
  procedureCode?: string;
  overdue?: boolean;
  dueBefore?: string;
  cursor?: string;
  limit?: number;
}

export type BulkResult = Answer<'/api/tasks/bulk-claim', 'post'>;

export type DossierStatus = Schemas['DossierSummary']['status'];
export type Channel = Schemas['DossierSummary']['channel'];

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

export type DossierSummary = Schemas['DossierSummary'];

export type Dossier = Schemas['Dossier'];

/** A comment staff leave on a dossier for each other; the citizen never reads it. */
export type DossierComment = Schemas['DossierComment'];

/** What anyone with the dossier's code and second factor sees of it (public tracking). */
export type CitizenTracking = Schemas['CitizenTracking'];

export interface TimelineEntry {
  at: string;
  action: string;
  label: { vi: string; en: string };
  actor: { kind: string; id: string; role?: string; unit?: string };
  target: { kind: string; id: string };
  details: Record<string, unknown>;
}

export type Receipt = Schemas['DossierReceipt'];

export type Submission = Schemas['DossierSubmission'];

/** A signed PDF MotCua issued for a dossier (forms 01–04, results). */
export type IssuedDocument = Schemas['IssuedDocument'];

/** How the citizen receives the result: at the one-stop counter, or by public postal service to an address. */
export type ResultDelivery = Schemas['ResultDelivery'];

/** A fee asked of a dossier: state, the gateway's receipt, the refund. */
export type Fee = Schemas['Fee'];

export type CatalogueEntry = Schemas['CatalogueEntry'];

export type CatalogueQuery = NonNullable<operations['getApiCatalogue']['parameters']['query']>;

export type CatalogueEntryWithForm = Schemas['CatalogueEntryWithForm'];

export type Diagram = Answer<'/api/catalogue/{code}/diagram', 'get'>;

export interface StatsQuery {
  agencyId?: string;
  unitId?: string;
  procedureCode?: string;
  from?: string;
  to?: string;
}

export type Stats = Schemas['Stats'];
/** An agency's mapping of imported models' candidate groups and users to MotCua roles and units. */
export type ImportMappingAnswer = Schemas['ImportMapping'];

export type Report = Schemas['Report'];
export type ReportSummary = Schemas['ReportSummary'];
export type ReportFormat = 'xlsx' | 'csv' | 'pdf';

/** A dashboard figure whose dossiers can be listed. */
export type DashboardFigure = paths['/api/stats/dossiers']['get']['parameters']['query']['figure'];

export type TrendDay = Answer<'/api/stats/trend', 'get'>['days'][number];

export type OfficerLoad = Answer<'/api/stats/officers', 'get'>['officers'][number];

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

export type OutboxEntry = Schemas['OutboxEntry'];

export interface OutboxQuery {
  state?: DeliveryState;
  dossierId?: string;
  limit?: number;
}

export type ReceivedMail = Schemas['ReceivedMail'];

export type PortalSyncMetrics = Schemas['PortalSyncMetrics'];
