import { CancellationScope, proxyActivities, upsertSearchAttributes } from '@temporalio/workflow';
import { auditHash, type AuditEntryContent } from '../../engine/audit/audit-chain.js';
import type { CanonicalValue } from '../../engine/canonical/canonical-json.js';
import type { DossierStatus } from '../../engine/dossier/dossier-status.js';
import type { createProjectionActivities } from '../../activities/projection/project-dossier.js';
import type {
  AuditRecord,
  DossierProjection,
  NotificationRecord,
  ProjectionWrite,
  TaskProjection,
} from '../../activities/projection/projection-write.js';
import type { Recipients } from '../../store/notifications/notification-model.js';
import { dossierSearchAttributes, type Actor, type HistoryEntry, type TaskView, type Variables } from '../contract.js';
import { WriteCause } from './write-cause.js';

const { projectDossier } = proxyActivities<ReturnType<typeof createProjectionActivities>>({
  startToCloseTimeout: '10 seconds',
});

/** A task as the workflow keeps it: the worklist row, plus what the worklist does not show. */
export interface TaskState extends TaskProjection {
  /** The dossier variable the chosen outcome goes to, for the gateways after the step. */
  outcomeVariable?: string;
  /** Set by completeTask; the task's execution picks it up. */
  completion?: { actor: Actor; outcome?: string; formData: Variables; at: number };
  /** Who raised the task's escalation level, for the audit trail. */
  escalationRule?: string;
}

/** What the record carries across continue-as-new. */
export interface DossierRecordSnapshot {
  status: DossierStatus;
  overdue: boolean;
  variables: Variables;
  tasks: TaskState[];
  history: HistoryEntry[];
  sequence: number;
  auditSequence: number;
  lastAuditHash: string;
  notificationCount: number;
  counters: Record<string, number>;
}

export interface RecordIdentity {
  dossierId: string;
  procedureCode: string;
  procedureVersion: number;
  planHash: string;
  agencyId: string;
  receivedAt: number;
  /** The audit stream; a called procedure writes its own stream on the caller's dossier. */
  auditStream: string;
  /** False for a called procedure's run: its caller owns the dossier document. */
  ownsDossier: boolean;
  /** Whether the server has MotCua's search attributes to upsert. */
  searchAttributes: boolean;
}

/** Fields of the dossier document the legal clock and the interpreter keep. */
export interface DossierFacts {
  calendarHash: string;
  dueAt?: number;
  supplementationCount: number;
  processedAt?: number;
  finishedAt?: number;
  punctuality?: 'early' | 'on-time' | 'late';
}

const historyLimit = 500;

/**
 * The dossier as the workflow knows it — status, variables, tasks, audit chain, history — and the
 * queue of changes the store has not seen yet. State changes are synchronous; `flush()` sends them
 * in one activity call with the next sequence number, so the store is always a consistent, ordered
 * picture of the workflow even when writes are retried or run late.
 */
export class DossierRecord {
  status: DossierStatus;
  overdue: boolean;
  variables: Variables;
  readonly tasks = new Map<string, TaskState>();
  readonly history: HistoryEntry[];
  private sequence: number;
  private auditSequence: number;
  private lastAuditHash: string;
  private notificationCount: number;
  private readonly counters: Record<string, number>;
  private pendingTasks = new Set<string>();
  private pendingAudit: AuditRecord[] = [];
  private pendingNotifications: NotificationRecord[] = [];
  private dossierChanged = false;
  private searchAttributesChanged = false;
  private writesInFlight = 0;
  /** The write before the next one: writes go out one at a time, in sequence order. */
  private previousWrite: Promise<void> = Promise.resolve();
  private readonly writeCause = new WriteCause();

  constructor(
    readonly identity: RecordIdentity,
    readonly facts: () => DossierFacts,
    snapshot: DossierRecordSnapshot,
  ) {
    this.status = snapshot.status;
    this.overdue = snapshot.overdue;
    this.variables = snapshot.variables;
    for (const task of snapshot.tasks) this.tasks.set(task.taskId, task);
    this.history = snapshot.history;
    this.sequence = snapshot.sequence;
    this.auditSequence = snapshot.auditSequence;
    this.lastAuditHash = snapshot.lastAuditHash;
    this.notificationCount = snapshot.notificationCount;
    this.counters = snapshot.counters;
  }

  snapshot(): DossierRecordSnapshot {
    return {
      status: this.status,
      overdue: this.overdue,
      variables: this.variables,
      tasks: [...this.tasks.values()].filter((task) => task.status === 'open' || task.status === 'claimed'),
      history: this.history,
      sequence: this.sequence,
      auditSequence: this.auditSequence,
      lastAuditHash: this.lastAuditHash,
      notificationCount: this.notificationCount,
      counters: this.counters,
    };
  }

  /** The next instance number of an element (loops and multi-instance make several). */
  nextInstance(elementId: string): number {
    this.counters[elementId] = (this.counters[elementId] ?? 0) + 1;
    return this.counters[elementId];
  }

  setStatus(status: DossierStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.writeCause.note(this.pendingChanges);
    this.dossierChanged = true;
    this.searchAttributesChanged = true;
  }

  setOverdue(overdue: boolean): void {
    if (this.overdue === overdue) return;
    this.overdue = overdue;
    this.writeCause.note(this.pendingChanges);
    this.dossierChanged = true;
    this.searchAttributesChanged = true;
  }

  /** The legal clock moved the appointment date, or another dossier fact changed. */
  factsChanged(options: { dueAtMoved?: boolean } = {}): void {
    this.writeCause.note(this.pendingChanges);
    this.dossierChanged = true;
    if (options.dueAtMoved) this.searchAttributesChanged = true;
  }

  mergeVariables(variables: Variables | undefined): void {
    if (variables && Object.keys(variables).length > 0) Object.assign(this.variables, variables);
  }

  putTask(task: TaskState): void {
    this.writeCause.note(this.pendingChanges);
    this.tasks.set(task.taskId, task);
    this.pendingTasks.add(task.taskId);
    this.dossierChanged = true;
  }

  taskChanged(taskId: string): void {
    this.writeCause.note(this.pendingChanges);
    this.pendingTasks.add(taskId);
    this.dossierChanged = true;
  }

  /** Appends an audit entry to the dossier's hash-chained stream (and a line to the history). */
  audit(
    action: string,
    options: { actor?: Actor; rule?: string; target?: { kind: string; id: string }; details?: Variables } = {},
  ): void {
    this.writeCause.note(this.pendingChanges);
    const at = Date.now();
    const actor: AuditEntryContent['actor'] = options.actor
      ? { kind: 'person', id: options.actor.id, role: options.actor.roles[0], unit: options.actor.units[0] }
      : { kind: 'system', id: options.rule ?? 'interpreter' };
    const content: AuditEntryContent = {
      stream: this.identity.auditStream,
      sequence: ++this.auditSequence,
      at: new Date(at).toISOString(),
      actor,
      action,
      target: options.target ?? { kind: 'dossier', id: this.identity.dossierId },
      details: { ...(options.details as Record<string, CanonicalValue>), ...(options.rule ? { rule: options.rule } : {}) },
    };
    const hash = auditHash(this.lastAuditHash, content);
    this.pendingAudit.push({ ...content, previousHash: this.lastAuditHash, hash });
    this.lastAuditHash = hash;

    this.history.push({
      at,
      action,
      elementId: options.target?.kind === 'element' ? options.target.id : undefined,
      taskId: options.target?.kind === 'task' ? options.target.id : undefined,
      actor: options.actor?.id ?? options.rule,
    });
    if (this.history.length > historyLimit) this.history.splice(0, this.history.length - historyLimit);
  }

  notify(kind: string, recipients: Partial<Recipients>, data: Variables = {}): void {
    this.writeCause.note(this.pendingChanges);
    this.pendingNotifications.push({
      id: `${this.identity.auditStream}#n${++this.notificationCount}`,
      kind,
      at: Date.now(),
      recipients: { userIds: [], roles: [], units: [], citizen: false, ...recipients },
      data,
    });
  }

  taskView(task: TaskState): TaskView {
    const { completion: _completion, escalationRule: _rule, outcomeVariable: _variable, form: _form, values: _values, outcomes: _outcomes, escalationLevel: _level, data: _data, agencyId: _agency, ...view } = task;
    return view;
  }

  /** Sends what changed since the last flush to the store, and to Temporal's search attributes. */
  async flush(): Promise<void> {
    if (this.searchAttributesChanged && this.identity.ownsDossier && this.identity.searchAttributes) {
      this.searchAttributesChanged = false;
      const dueAt = this.facts().dueAt;
      upsertSearchAttributes([
        { key: dossierSearchAttributes.DossierStatus, value: this.status },
        { key: dossierSearchAttributes.Overdue, value: this.overdue },
        ...(dueAt === undefined ? [] : [{ key: dossierSearchAttributes.DueAt, value: new Date(dueAt) }]),
      ]);
    }
    if (!this.pendingChanges) return;
    const write: ProjectionWrite = {
      dossierId: this.identity.dossierId,
      procedureCode: this.identity.procedureCode,
      agencyId: this.identity.agencyId,
      sequence: ++this.sequence,
      dossier: this.identity.ownsDossier && this.dossierChanged ? this.dossierProjection() : undefined,
      tasks: [...this.pendingTasks].map((taskId) => {
        const { completion: _completion, escalationRule: _rule, outcomeVariable: _variable, ...projection } = this.tasks.get(taskId)!;
        return projection;
      }),
      audit: this.pendingAudit,
      notifications: this.pendingNotifications,
    };
    this.dossierChanged = false;
    this.pendingTasks = new Set();
    this.pendingAudit = [];
    this.pendingNotifications = [];
    this.writesInFlight += 1;
    // One at a time, so the store sees the writes in order even where it cannot compare and set
    // atomically; never cancelled, so a step interrupted mid-flush still leaves its trace.
    const written = this.writeCause.sendUnder(() => this.previousWrite.then(() => CancellationScope.nonCancellable(() => projectDossier(write))));
    this.previousWrite = written;
    try {
      await written;
    } finally {
      this.writesInFlight -= 1;
    }
  }

  /** Resolves once everything changed so far is in the store: sends what is pending, or waits for the write on its way. */
  writtenThrough(): Promise<void> {
    return this.pendingChanges ? this.flush() : this.previousWrite;
  }

  /**
   * Sends what is pending without waiting for it: the write is retried until the store takes it, and
   * the next write (or the dossier's end) waits for it in turn.
   */
  writeBehind(): void {
    if (this.pendingChanges) void this.flush();
  }

  /** Nothing waits to be written and no write is on its way: the store has caught up. */
  get settled(): boolean {
    return this.writesInFlight === 0 && !this.pendingChanges;
  }

  private get pendingChanges(): boolean {
    return this.dossierChanged || this.pendingTasks.size > 0 || this.pendingAudit.length > 0 || this.pendingNotifications.length > 0;
  }

  private dossierProjection(): DossierProjection {
    const { identity } = this;
    const facts = this.facts();
    return {
      procedureCode: identity.procedureCode,
      procedureVersion: identity.procedureVersion,
      planHash: identity.planHash,
      calendarHash: facts.calendarHash,
      agencyId: identity.agencyId,
      status: this.status,
      receivedAt: identity.receivedAt,
      dueAt: facts.dueAt,
      overdue: this.overdue,
      currentSteps: [...this.tasks.values()]
        .filter((task) => task.status === 'open' || task.status === 'claimed')
        .map((task) => ({ elementId: task.elementId, name: task.name })),
      supplementationCount: facts.supplementationCount,
      processedAt: facts.processedAt,
      finishedAt: facts.finishedAt,
      punctuality: facts.punctuality,
    };
  }
}
