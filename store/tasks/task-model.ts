import { Schema, type Connection, type Model } from 'mongoose';
import { taskStatuses, type TaskStatus } from '../../engine/dossier/dossier-status.js';
import { outcomeKinds } from '../../engine/plan/plan-schema.js';
import type { PlanOutcome } from '../../engine/plan/outcome-fields.js';

export interface Choice {
  value: string;
  label: string;
}

/** A field of a task's form, as the compiled plan describes it. */
export interface TaskFormField {
  key: string;
  label: string;
  type: string;
  required: boolean;
  options?: Choice[];
}

/** One step waiting for a person: the worklist's unit of work. */
export interface TaskDocument {
  /** Deterministic: `<dossier>/<element>/<instance>`, so a retried write finds its own task. */
  _id: string;
  dossierId: string;
  procedureCode: string;
  agencyId: string;
  elementId: string;
  name: string;
  /** `step` for a modelled user task; `apology` and `reassignment` for escalation work. */
  kind: 'step' | 'apology' | 'reassignment';
  candidateRole?: string;
  candidateUnit?: string;
  assignee?: string;
  status: TaskStatus;
  form: TaskFormField[];
  /** The form's fields the dossier held values for when the step opened (the citizen's data, an earlier step's), shown pre-filled. */
  values?: Record<string, unknown>;
  /** The buttons that finish the task (approve, request supplementation, refuse…), with the fields each requires. */
  outcomes: PlanOutcome[];
  /** What the worklist shows beside the form: e.g. the proposed new appointment of an apology task. */
  data?: Record<string, unknown>;
  createdAt: Date;
  dueAt?: Date;
  dueSoonAt?: Date;
  overdue: boolean;
  escalationLevel: number;
  claimedAt?: Date;
  completedAt?: Date;
  completedBy?: string;
  outcome?: string;
  /** The latest “chuyển xử lý” (forward) of the task, with the handling opinion its recipient reads. */
  forwarded?: { by: string; opinion: string; at: Date };
  sequence: number;
}

const taskSchema = new Schema<TaskDocument>(
  {
    _id: { type: String, required: true },
    dossierId: { type: String, required: true },
    procedureCode: { type: String, required: true },
    agencyId: { type: String, required: true },
    elementId: { type: String, required: true },
    name: { type: String, required: true },
    kind: { type: String, enum: ['step', 'apology', 'reassignment'], required: true },
    candidateRole: String,
    candidateUnit: String,
    assignee: String,
    status: { type: String, enum: taskStatuses, required: true },
    form: [
      {
        _id: false,
        key: String,
        label: String,
        type: { type: String },
        required: Boolean,
        options: { type: [{ _id: false, value: String, label: String }], default: undefined },
      },
    ],
    values: Schema.Types.Mixed,
    outcomes: [{ _id: false, value: String, label: String, kind: { type: String, enum: outcomeKinds }, reasonField: String, documentsField: String }],
    data: Schema.Types.Mixed,
    createdAt: { type: Date, required: true },
    dueAt: Date,
    dueSoonAt: Date,
    overdue: { type: Boolean, default: false },
    escalationLevel: { type: Number, default: 0 },
    claimedAt: Date,
    completedAt: Date,
    completedBy: String,
    outcome: String,
    forwarded: { type: new Schema({ by: String, opinion: String, at: Date }, { _id: false }), default: undefined },
    sequence: { type: Number, required: true },
  },
  { versionKey: false },
);
// Loading the open work into the worklist; a unit's, an officer's and a dossier's steps; overdue work.
taskSchema.index({ status: 1 });
taskSchema.index({ candidateUnit: 1, candidateRole: 1, status: 1, dueAt: 1 });
taskSchema.index({ assignee: 1, status: 1, dueAt: 1 });
taskSchema.index({ dossierId: 1, createdAt: 1 });
taskSchema.index({ agencyId: 1, overdue: 1, status: 1, dueAt: 1 });

export function taskModel(connection: Connection): Model<TaskDocument> {
  return connection.models.Task ?? connection.model<TaskDocument>('Task', taskSchema, 'tasks');
}
