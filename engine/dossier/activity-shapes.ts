import type { TaskStatus } from './dossier-status.js';

/**
 * What the dossier workflow and its activities both speak, kept below both so that activities
 * need nothing from the workflow's code. The workflow's contract hands these on to its callers.
 */

/** Dossier variables: applicant data, form data of completed steps, outcomes. JSON only. */
export type Variables = Record<string, unknown>;

/**
 * The failure type by which an activity or a called procedure raises a BPMN error; its first
 * detail is the error code, which boundary error events match.
 */
export const bpmnErrorFailureType = 'BpmnError';

/** A step of a dossier as the workflow reports it and the projection stores it. */
export interface TaskView {
  taskId: string;
  elementId: string;
  name: string;
  kind: 'step' | 'apology' | 'reassignment';
  status: TaskStatus;
  candidateRole?: string;
  candidateUnit?: string;
  assignee?: string;
  createdAt: number;
  dueAt?: number;
  dueSoonAt?: number;
  overdue: boolean;
  outcome?: string;
  completedAt?: number;
  completedBy?: string;
  /** The latest “chuyển xử lý”: who forwarded the task, when, and the handling opinion they gave. */
  forwarded?: TaskForwarding;
}

export interface TaskForwarding {
  by: string;
  opinion: string;
  at: number;
}
