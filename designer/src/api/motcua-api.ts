import type { CalendarData } from '@engine/calendar/calendar-data.js';
import type { ImportMapping } from '@engine/import/import-types.js';
import type { HttpClient } from './http-client.js';
import type {
  Agency,
  BulkResult,
  CatalogueEntry,
  CatalogueQuery,
  CatalogueEntryWithForm,
  CitizenTracking,
  Diagram,
  Dossier,
  DossierComment,
  DashboardFigure,
  DossierSummary,
  ImportMappingAnswer,
  OfficerLoad,
  OverdueDossier,
  OutboxEntry,
  OutboxQuery,
  Page,
  PortalSyncMetrics,
  ReceivedMail,
  Receipt,
  Report,
  ReportFormat,
  ReportSummary,
  Stats,
  StatsQuery,
  Submission,
  IssuedDocument,
  Task,
  TaskDetail,
  ForwardTargets,
  TimelineEntry,
  TrendDay,
  WorklistItem,
  WorklistQuery,
  CurrentUser,
  Deployed,
  LoginAnswer,
  Position,
  Preview,
  ProcedureDetail,
  ProcedureSummary,
  ProcedureVersion,
  Unit,
  NewStaffMember,
  StaffChange,
  StaffMember,
} from './types.js';

const code = (value: string) => encodeURIComponent(value);

/** `?a=1&b=2` of the defined entries, or nothing. */
function queryString(entries: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(entries)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The multipart body of a submission or supplement: the JSON in `data`, the files in `attachments`. */
function multipart(data: unknown, files: readonly File[]): FormData {
  const form = new FormData();
  form.append('data', JSON.stringify(data));
  for (const file of files) form.append('attachments', file, file.name);
  return form;
}

/** The API calls the web app makes, one function per route of the contract. */
export function createMotcuaApi(http: HttpClient) {
  return {
    login: (username: string, password: string) => http.post<LoginAnswer>('/api/auth/login', { username, password }),
    logout: (refreshToken: string) => http.post<void>('/api/auth/logout', { refreshToken }),
    me: () => http.get<CurrentUser>('/api/me'),

    agencies: () => http.get<Agency[]>('/api/org/agencies'),
    units: (agencyId?: string) => http.get<Unit[]>(`/api/org/units${agencyId ? `?agencyId=${code(agencyId)}` : ''}`),
    positions: () => http.get<Array<Position | string>>('/api/org/positions'),
    createUnit: (unit: { id: string; agencyId: string; name: string }) => http.post<Unit>('/api/org/units', unit),
    staff: (agencyId: string) => http.get<{ items: StaffMember[] }>(`/api/org/staff${queryString({ agencyId })}`),
    createStaff: (member: NewStaffMember) => http.post<StaffMember>('/api/org/staff', member),
    changeStaff: (userId: string, change: StaffChange) => http.patch<StaffMember>(`/api/org/staff/${code(userId)}`, change),
    resetPassword: (userId: string, password: string) => http.post<StaffMember>(`/api/org/staff/${code(userId)}/password`, { password }),
    revokeSessions: (userId: string) => http.post<StaffMember>(`/api/org/staff/${code(userId)}/revoke-sessions`),

    procedures: () => http.get<ProcedureSummary[]>('/api/procedures'),
    procedure: (procedureCode: string) => http.get<ProcedureDetail>(`/api/procedures/${code(procedureCode)}`),
    createProcedure: (xml: string) => http.post<{ code: string }>('/api/procedures', { xml }),
    saveDraft: (procedureCode: string, xml: string) => http.put<unknown>(`/api/procedures/${code(procedureCode)}/draft`, { xml }),
    preview: (procedureCode: string, xml?: string) => http.post<Preview>(`/api/procedures/${code(procedureCode)}/preview`, xml === undefined ? {} : { xml }),
    deploy: (procedureCode: string) => http.post<Deployed>(`/api/procedures/${code(procedureCode)}/deploy`),
    retire: (procedureCode: string) => http.post<unknown>(`/api/procedures/${code(procedureCode)}/retire`),
    version: (procedureCode: string, version: number) => http.get<ProcedureVersion>(`/api/procedures/${code(procedureCode)}/versions/${version}`),
    importMapping: (agencyId: string) => http.get<ImportMappingAnswer>(`/api/agencies/${code(agencyId)}/import-mapping`),
    saveImportMapping: (agencyId: string, mapping: ImportMapping) => http.put<ImportMappingAnswer>(`/api/agencies/${code(agencyId)}/import-mapping`, mapping),

    catalogue: (query: CatalogueQuery = {}) => http.get<CatalogueEntry[]>(`/api/catalogue${queryString({ ...query })}`),
    catalogueEntry: (procedureCode: string) => http.get<CatalogueEntryWithForm>(`/api/catalogue/${code(procedureCode)}`),
    diagram: (procedureCode: string, version?: number) => http.get<Diagram>(`/api/catalogue/${code(procedureCode)}/diagram${queryString({ version })}`),

    tasks: (query: WorklistQuery) => http.get<Page<WorklistItem>>(`/api/tasks${queryString({ ...query })}`),
    task: (taskId: string) => http.get<TaskDetail>(`/api/tasks/${code(taskId)}`),
    claim: (taskId: string) => http.post<Task>(`/api/tasks/${code(taskId)}/claim`),
    unclaim: (taskId: string) => http.post<Task>(`/api/tasks/${code(taskId)}/unclaim`),
    complete: (taskId: string, body: { outcome?: string; formData: Record<string, unknown> }) => http.post<Task>(`/api/tasks/${code(taskId)}/complete`, body),
    forwardTargets: (taskId: string) => http.get<ForwardTargets>(`/api/tasks/${code(taskId)}/forward-targets`),
    forward: (taskId: string, body: { assignee?: string; unit?: string; opinion: string }) => http.post<Task>(`/api/tasks/${code(taskId)}/forward`, body),
    reassign: (taskId: string, body: { assignee?: string; unit?: string; reason: string }) => http.post<Task>(`/api/tasks/${code(taskId)}/reassign`, body),
    bulkClaim: (taskIds: string[]) => http.post<BulkResult>('/api/tasks/bulk-claim', { taskIds }),
    bulkReassign: (taskIds: string[], assignee: string, reason: string) => http.post<BulkResult>('/api/tasks/bulk-reassign', { taskIds, assignee, reason }),

    submitDossier: (submission: Submission, files: readonly File[]) => http.postForm<Receipt>('/api/dossiers', multipart(submission, files)),
    dossiers: (query: { status?: string; overdue?: boolean; cursor?: string } = {}) => http.get<Page<DossierSummary>>(`/api/dossiers${queryString(query)}`),
    dossier: (dossierCode: string) => http.get<Dossier>(`/api/dossiers/${code(dossierCode)}`),
    timeline: (dossierCode: string) => http.get<TimelineEntry[]>(`/api/dossiers/${code(dossierCode)}/timeline`),
    comments: (dossierCode: string) => http.get<DossierComment[]>(`/api/dossiers/${code(dossierCode)}/comments`),
    addComment: (dossierCode: string, text: string) => http.post<DossierComment>(`/api/dossiers/${code(dossierCode)}/comments`, { text }),
    attachment: (dossierCode: string, id: string) => http.blob(`/api/dossiers/${code(dossierCode)}/attachments/${code(id)}`),
    issuedDocuments: (dossierCode: string) => http.get<{ items: IssuedDocument[] }>(`/api/dossiers/${code(dossierCode)}/documents`),
    issuedDocument: (dossierCode: string, id: string) => http.blob(`/api/dossiers/${code(dossierCode)}/documents/${code(id)}`),
    supplement: (dossierCode: string, note: string, files: readonly File[]) => http.postForm<{ attachments: string[] }>(`/api/dossiers/${code(dossierCode)}/supplement`, multipart({ note }, files)),
    withdraw: (dossierCode: string, reason: string) => http.post<{ status: string }>(`/api/dossiers/${code(dossierCode)}/withdraw`, { reason }),
    publicTrack: (dossierCode: string, factor: string) => http.post<CitizenTracking>('/api/public/track', { code: dossierCode, factor }),

    stats: (query: StatsQuery) => http.get<Stats>(`/api/stats${queryString({ ...query })}`),
    figureDossiers: (query: StatsQuery & { figure: DashboardFigure; cursor?: string }) => http.get<Page<DossierSummary>>(`/api/stats/dossiers${queryString({ ...query })}`),
    trend: (query: StatsQuery & { from: string; to: string }) => http.get<{ days: TrendDay[] }>(`/api/stats/trend${queryString({ agencyId: query.agencyId, procedureCode: query.procedureCode, from: query.from, to: query.to })}`),
    overdue: () => http.get<{ dossiers: OverdueDossier[]; tasks: Task[] }>('/api/stats/overdue'),
    officers: () => http.get<{ officers: OfficerLoad[] }>('/api/stats/officers'),
    produceReport: (request: { agencyId: string; period: string; grouping: 'field' | 'procedure'; unitId?: string }) => http.post<Report>('/api/reports', request),
    reports: (agencyId?: string) => http.get<{ items: ReportSummary[] }>(`/api/reports${queryString({ agencyId })}`),
    report: (id: string) => http.get<Report>(`/api/reports/${code(id)}`),
    reportFile: (id: string, format: ReportFormat) => http.blob(`/api/reports/${code(id)}/download${queryString({ format })}`),
    outbox: (query: OutboxQuery = {}) => http.get<{ items: OutboxEntry[] }>(`/api/outbox${queryString({ ...query })}`),
    mailbox: () => http.get<{ items: ReceivedMail[] }>('/api/outbox/mailbox'),
    portalSync: () => http.get<PortalSyncMetrics>('/api/outbox/portal-sync'),

    pinnedCalendar: (calendar: { id: string; hash: string }) => http.get<{ data: CalendarData }>(`/api/calendars/${code(calendar.id)}/versions/${code(calendar.hash)}`),
    /** The URL of the live change stream (EventSource cannot send the bearer header). */
    eventsUrl: () => `/api/events${queryString({ accessToken: http.accessToken() })}`,
  };
}

export type MotcuaApi = ReturnType<typeof createMotcuaApi>;
