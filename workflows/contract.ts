/**
 * The dossier workflow's message contract: its input, the Updates officers and supervisors send,
 * the Signals from citizens and administrators, and the state Query. The API and tests import
 * this file only; nothing here runs code with side effects.
 */
import { defineSearchAttributeKey, SearchAttributeType, TypedSearchAttributes } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { CalendarData } from '../engine/calendar/index.js';
import type { TaskView, Variables } from '../engine/dossier/activity-shapes.js';
import type { DossierStatus } from '../engine/dossier/dossier-status.js';
import type { ProcedurePlan } from '../engine/plan/procedure-plan.js';

export { bpmnErrorFailureType, type TaskView, type Variables } from '../engine/dossier/activity-shapes.js';

/** The one workflow type that runs every dossier. */
export const dossierWorkflowType = 'dossierWorkflow';

/** The workflow the monthly-reports schedule starts (workflows/reports/). */
export const monthlyReportsWorkflowType = 'monthlyReportsWorkflow';

/** What makes dossiers findable in Temporal's visibility (and Web UI); registered from temporal.yaml. */
export const dossierSearchAttributes = {
  DossierCode: defineSearchAttributeKey('DossierCode', SearchAttributeType.KEYWORD),
  ProcedureCode: defineSearchAttributeKey('ProcedureCode', SearchAttributeType.KEYWORD),
  AgencyId: defineSearchAttributeKey('AgencyId', SearchAttributeType.KEYWORD),
  DossierStatus: defineSearchAttributeKey('DossierStatus', SearchAttributeType.KEYWORD),
  DueAt: defineSearchAttributeKey('DueAt', SearchAttributeType.DATETIME),
  Overdue: defineSearchAttributeKey('Overdue', SearchAttributeType.BOOL),
};

/** The search attributes a dossier starts with; the workflow upserts status, due date and overdue as they change. */
export function dossierSearchAttributesAtStart(input: DossierInput): TypedSearchAttributes {
  return new TypedSearchAttributes([
    { key: dossierSearchAttributes.DossierCode, value: input.dossierId },
    { key: dossierSearchAttributes.ProcedureCode, value: input.plan.procedure.code },
    { key: dossierSearchAttributes.AgencyId, value: input.plan.procedure.agency },
    { key: dossierSearchAttributes.DossierStatus, value: 'received' },
    { key: dossierSearchAttributes.Overdue, value: false },
  ]);
}

/** A person acting on a dossier, as the API authenticated them. */
export interface Actor {
  id: string;
  name?: string;
  roles: string[];
  units: string[];
}

export interface DossierInput {
  /** The dossier code; also the workflow id. */
  dossierId: string;
  procedureVersion: number;
  planHash: string;
  /** The plan this dossier runs, pinned for its whole life. */
  plan: ProcedurePlan;
  /** The calendar pinned at receipt (its `version` is the hash recorded on the dossier). */
  calendar: CalendarData;
  /** UTC milliseconds. */
  receivedAt: number;
  variables: Variables;
  /** Set when another procedure called this one (call activity): it works on its caller's dossier. */
  calledBy?: { auditStream: string };
  /** History events after which the dossier continues as new, keeping its state. */
  historyLimit?: number;
  /**
   * False on a server without MotCua's search attributes: Temporal's Java time-skipping test server
   * cannot register custom ones. Every real cluster has them (registered at start from temporal.yaml).
   */
  searchAttributes?: boolean;
  /** Set by continue-as-new: where the previous run stopped. */
  resume?: unknown;
}

export interface DossierResult {
  status: DossierStatus;
  finishedAt: number;
  punctuality?: 'early' | 'on-time' | 'late';
  variables: Variables;
}

// ── Updates: answered synchronously, validated before anything is recorded ─────────────────────

export interface ClaimTaskRequest {
  taskId: string;
  actor: Actor;
}

export interface CompleteTaskRequest {
  taskId: string;
  actor: Actor;
  /** One of the task's outcomes (e.g. approve, supplement, refuse), when it declares any. */
  outcome?: string;
  formData: Variables;
}

export interface ReassignTaskRequest {
  taskId: string;
  actor: Actor;
  /** The officer who takes the task over; left out to put it back in the unit's queue. */
  assignee?: string;
  unit?: string;
  reason: string;
}

/** The claimant hands their task to a colleague or a unit (“chuyển xử lý”), saying how to handle it. */
export interface ForwardTaskRequest {
  taskId: string;
  actor: Actor;
  /** The colleague who takes the task over; left out to put it in the unit's queue. */
  assignee?: string;
  unit?: string;
  /** The handling opinion (“ý kiến xử lý”) the recipient reads with the task. */
  opinion: string;
}

export interface ExtendDeadlineRequest {
  actor: Actor;
  /** The new appointment, UTC milliseconds: later than the current one. */
  newDueAt: number;
  reason: string;
}

/**
 * Why an update was refused: the `type` of the ApplicationFailure its validator throws (nothing is
 * recorded in the dossier's history). The API maps each to an HTTP status.
 */
export const updateRejections = {
  unknownTask: 'unknown-task',
  taskClosed: 'task-closed',
  claimedBySomeoneElse: 'claimed-by-someone-else',
  notClaimedByYou: 'not-claimed-by-you',
  notEligible: 'not-eligible',
  invalidFormData: 'invalid-form-data',
  extensionRefused: 'extension-refused',
  dossierFinished: 'dossier-finished',
} as const;

export type UpdateRejection = (typeof updateRejections)[keyof typeof updateRejections];

export const claimTaskUpdate = defineUpdate<TaskView, [ClaimTaskRequest]>('claimTask');
/** Hands a claimed task back to its unit's queue: its assignee, or a supervisor of its unit. */
export const unclaimTaskUpdate = defineUpdate<TaskView, [ClaimTaskRequest]>('unclaimTask');
export const completeTaskUpdate = defineUpdate<TaskView, [CompleteTaskRequest]>('completeTask');
export const reassignTaskUpdate = defineUpdate<TaskView, [ReassignTaskRequest]>('reassignTask');
/** Only the task's claimant forwards it; supervisors reassign instead. */
export const forwardTaskUpdate = defineUpdate<TaskView, [ForwardTaskRequest]>('forwardTask');
export const extendDeadlineUpdate = defineUpdate<LegalClockView, [ExtendDeadlineRequest]>('extendDeadline');

// ── Signals: events from outside that need no answer ───────────────────────────────────────────

export interface SupplementRequest {
  /** When the citizen's supplement arrived, UTC milliseconds (the API's receipt instant). */
  receivedAt: number;
  note?: string;
  variables?: Variables;
}

export interface WithdrawRequest {
  receivedAt: number;
  reason: string;
  actor?: Actor;
}

export interface CalendarChange {
  calendar: CalendarData;
  reason: string;
}

/** A BPMN message (message catch event, receive task, boundary message) with the data it brings. */
export interface MessageDelivery {
  name: string;
  variables?: Variables;
}

/** The payment gateway's report on a fee the dossier waits for (a `thu-phi` service task). */
export interface PaymentReport {
  paymentId: string;
  outcome: 'paid' | 'failed' | 'expired';
  amount: number;
  /** The gateway's transaction reference. */
  reference: string;
  /** When the gateway settled it, UTC milliseconds. */
  at: number;
}

export const supplementDossierSignal = defineSignal<[SupplementRequest]>('supplementDossier');
export const paymentReportedSignal = defineSignal<[PaymentReport]>('paymentReported');
export const withdrawDossierSignal = defineSignal<[WithdrawRequest]>('withdrawDossier');
export const calendarChangedSignal = defineSignal<[CalendarChange]>('calendarChanged');
export const messageSignal = defineSignal<[MessageDelivery]>('message');

// ── Query ──────────────────────────────────────────────────────────────────────────────────────

export interface LegalClockView {
  clockStartsAt: number;
  /** The appointment date. */
  dueAt: number;
  /** The appointment before the one allowed extension, when it was extended. */
  originalDueAt?: number;
  /** Working time used so far and left, in working milliseconds (supplementation excluded). */
  usedMs: number;
  remainingMs: number;
  paused: boolean;
  supplementations: number;
  calendarVersion: string;
}

export interface HistoryEntry {
  at: number;
  action: string;
  elementId?: string;
  taskId?: string;
  actor?: string;
  detail?: string;
}

export interface DossierState {
  dossierId: string;
  status: DossierStatus;
  overdue: boolean;
  legalClock: LegalClockView;
  tasks: TaskView[];
  variables: Variables;
  history: HistoryEntry[];
}

export const stateQuery = defineQuery<DossierState>('state');
