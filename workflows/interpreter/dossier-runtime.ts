import { allHandlersFinished, ApplicationFailure, CancellationScope, CancelledFailure, condition, isCancellation, patched, workflowInfo } from '@temporalio/workflow';
import { auditGenesisHash } from '../../engine/audit/audit-chain.js';
import { decisionProblems, stepOwning, variableNamespaces, type VariableNamespaces } from '../../engine/plan/variable-namespaces.js';
import { refusalReason } from '../../engine/plan/outcome-fields.js';
import type { DossierStatus } from '../../engine/dossier/dossier-status.js';
import type { PlanNodeOf, PlanScope, ProcedurePlan } from '../../engine/plan/procedure-plan.js';
import {
  bpmnErrorFailureType,
  updateRejections,
  type ClaimTaskRequest,
  type CompleteTaskRequest,
  type DossierInput,
  type DossierResult,
  type DossierState,
  type ExtendDeadlineRequest,
  type ForwardTaskRequest,
  type ReassignTaskRequest,
  type SupplementRequest,
  type TaskView,
  type Variables,
  type WithdrawRequest,
  type CalendarChange,
  type LegalClockView,
  type Actor,
} from '../contract.js';
import { ApologyDesk, type ApologySnapshot } from './apology-desk.js';
import { BpmnError, type ScopeOutcome } from './bpmn-signals.js';
import { afterConditionRounds } from './condition-rounds.js';
import { DossierRecord, type DossierRecordSnapshot, type TaskState } from './dossier-record.js';
import { LegalClock, type LegalClockSnapshot } from './legal-clock.js';
import { Mailbox, supplementMessage } from './mailbox.js';
import type { ActivityBody, NodeHost } from './node-host.js';
import { executeNode } from './node-runner.js';
import { patches } from './patches.js';
import { ScopeRun, type ResumableWait } from './scope-run.js';
import { claimProblem, eligibilityProblem, formProblems, openProblem, outcomeProblem, supervisingRoles } from './task-rules.js';

/** Where a scope's tokens were when the run continued as new. */
export interface ScopeSnapshot {
  instanceId: string;
  tokens: Array<{ nodeId: string; wait: ResumableWait }>;
  arrivals: Record<string, Record<string, number>>;
}

/** Everything a dossier carries into its next run (continue-as-new). */
export interface RuntimeSnapshot {
  record: DossierRecordSnapshot;
  clock: LegalClockSnapshot;
  apology: ApologySnapshot;
  mailbox: Array<{ name: string; variables: Variables }>;
  process: ScopeSnapshot;
  subprocesses: ScopeSnapshot[];
  finishedAt?: number;
  processedAt?: number;
}

const defaultHistoryLimit = 10_000;

function reject(type: string, message: string, details: unknown[] = []): never {
  throw ApplicationFailure.create({ type, message, nonRetryable: true, details });
}

/**
 * Final status of a dossier from how its process ended: a normal end returns the result; an error
 * end coded `refused` or `rejected` is a refusal (Form 03); any other error end, a terminate end, a
 * withdrawal or a cancellation stops processing.
 */
function finalStatus(outcome: ScopeOutcome, withdrawn: boolean): DossierStatus {
  if (withdrawn || outcome.kind === 'cancelled' || outcome.kind === 'terminated') return 'stopped';
  if (outcome.kind === 'error') return outcome.errorCode === 'refused' || outcome.errorCode === 'rejected' ? 'rejected' : 'stopped';
  return 'returned';
}

/**
 * One dossier's run of the interpreter: the pinned plan walked with BPMN token semantics, its
 * record (status, variables, tasks, audit) kept in step with the store, its legal clock, and the
 * message handlers officers, citizens and administrators reach it through.
 */
export class DossierRuntime implements NodeHost {
  readonly dossierId: string;
  readonly plan: ProcedurePlan;
  readonly record: DossierRecord;
  readonly clock: LegalClock;
  readonly mailbox: Mailbox;
  readonly apologies: ApologyDesk;
  /** Who may set each variable: the citizen's input, each step's outputs and decisions. */
  readonly namespaces: VariableNamespaces;
  /** Changes whenever the calendar changes: open steps count their deadlines again. */
  calendarRevision = 0;
  /** Changes whenever the legal deadline may have moved. */
  private clockRevision = 0;
  private finishedAt?: number;
  /** Early, on time or late: set when the dossier ends returned; a refused, withdrawn or stopped one has none. */
  private finishedPunctuality?: 'early' | 'on-time' | 'late';
  /** When the step that returns the result opened: the end of processing, for the on-time rules. */
  private processedAt?: number;
  private withdrawn = false;
  private processRun?: ScopeRun;
  private readonly subprocessRuns = new Map<string, ScopeRun>();
  private readonly scopesByNode = new Map<string, PlanScope>();

  constructor(readonly input: DossierInput) {
    this.dossierId = input.dossierId;
    this.plan = input.plan;
    this.namespaces = variableNamespaces(input.plan);
    const resume = input.resume as RuntimeSnapshot | undefined;
    this.clock = new LegalClock(input.plan.procedure, input.receivedAt, resume?.clock ?? { calendar: input.calendar, pauses: [], supplementations: 0 });
    this.processedAt = resume?.processedAt;
    this.record = new DossierRecord(
      {
        dossierId: input.dossierId,
        procedureCode: input.plan.procedure.code,
        procedureVersion: input.procedureVersion,
        planHash: input.planHash,
        agencyId: input.plan.procedure.agency,
        receivedAt: input.receivedAt,
        auditStream: input.calledBy?.auditStream ?? `dossier:${input.dossierId}`,
        ownsDossier: input.calledBy === undefined,
        searchAttributes: input.searchAttributes ?? true,
      },
      () => ({
        calendarHash: this.clock.calendar.version,
        dueAt: this.clock.dueAt,
        supplementationCount: this.clock.supplementations,
        processedAt: this.processedAt,
        finishedAt: this.finishedAt,
        punctuality: this.finishedPunctuality,
      }),
      resume?.record ?? {
        status: 'received',
        overdue: false,
        variables: { ...input.variables },
        tasks: [],
        history: [],
        sequence: 0,
        auditSequence: 0,
        lastAuditHash: auditGenesisHash,
        notificationCount: 0,
        counters: {},
      },
    );
    this.mailbox = new Mailbox(resume?.mailbox);
    this.apologies = new ApologyDesk(
      { dossierId: this.dossierId, record: this.record, clock: this.clock, scopeOf: (nodeId) => this.scopeOf(nodeId) },
      resume?.apology ?? {},
    );
    this.indexScopes(input.plan.process);
  }

  /** The dossier's variables as FEEL sees them in `scope` (its local variables on top). */
  variablesFor(scope: ScopeRun): Variables {
    return { ...this.record.variables, ...scope.local };
  }

  scopeOf(nodeId: string): PlanScope {
    return this.scopesByNode.get(nodeId) ?? this.plan.process;
  }

  clockChanged(): void {
    this.clockRevision += 1;
  }

  // ── Running ────────────────────────────────────────────────────────────────────────────────

  /**
   * Runs the dossier to its end, or to a point where it should continue as new: then it returns
   * the snapshot the next run resumes from.
   */
  async run(): Promise<{ result: DossierResult } | { continueAsNew: RuntimeSnapshot }> {
    const resume = this.input.resume as RuntimeSnapshot | undefined;
    if (!resume) {
      this.record.audit('dossier-received', { details: { dueAt: this.clock.dueAt, calendarVersion: this.clock.calendar.version } });
      this.record.factsChanged({ dueAtMoved: true });
      await this.record.flush();
    }
    const watchers = new CancellationScope();
    void watchers.run(() => this.watchLegalDeadline()).catch(ignoreCancellation);
    const longHistory = watchers.run(() => this.quiescentWithLongHistory());
    longHistory.catch(ignoreCancellation);

    this.processRun = this.newScopeRun(this.plan.process, 'process', {}, () => undefined);
    const processEnd = resume ? this.processRun.resume(resume.process.tokens, resume.process.arrivals) : this.processRun.run();
    const first = await Promise.race([processEnd.then((outcome) => ({ outcome })), longHistory.then(() => ({ outcome: undefined }))]);
    watchers.cancel();
    if (first.outcome === undefined) return { continueAsNew: this.snapshot() };
    return { result: await this.finish(first.outcome) };
  }

  newScopeRun(scope: PlanScope, instanceId: string, local: Variables, onEscalation: (code: string) => void): ScopeRun {
    const run = new ScopeRun({ instanceId, scope, local, onEscalation, execute: (scopeRun, node, token) => executeNode(this, scopeRun, node, token) });
    if (instanceId !== 'process') this.subprocessRuns.set(instanceId, run);
    return run;
  }

  /** An embedded subprocess: a scope instance of its own inside this dossier. */
  async runSubProcess(node: PlanNodeOf<'subProcess'>, body: ActivityBody): Promise<void> {
    const resumed = body.token.resumeFrom?.kind === 'subprocess' ? (body.token.resumeFrom.instanceId as string) : undefined;
    const instanceId = resumed ?? `${body.scope.instanceId}/${node.id}:${this.record.nextInstance(node.id)}`;
    const run = this.newScopeRun(node.scope, instanceId, body.local, body.onEscalation);
    body.setWait({ kind: 'subprocess', instanceId });
    try {
      const snapshot = resumed ? (this.input.resume as RuntimeSnapshot).subprocesses.find((candidate) => candidate.instanceId === resumed) : undefined;
      const outcome = snapshot ? await run.resume(snapshot.tokens, snapshot.arrivals) : await run.run();
      if (outcome.kind === 'error') throw new BpmnError(outcome.errorCode);
      if (outcome.kind === 'cancelled') throw new CancelledFailure(`subprocess ${node.id} cancelled`);
    } finally {
      this.subprocessRuns.delete(instanceId);
    }
  }

  private async finish(outcome: ScopeOutcome): Promise<DossierResult> {
    const { record } = this;
    this.finishedAt = Date.now();
    for (const task of record.tasks.values()) {
      if (task.status === 'open' || task.status === 'claimed') {
        task.status = 'cancelled';
        record.taskChanged(task.taskId);
      }
    }
    const status = finalStatus(outcome, this.withdrawn);
    this.finishedPunctuality = status === 'returned' ? this.punctuality() : undefined;
    if (this.input.calledBy === undefined) record.setStatus(status);
    record.factsChanged();
    record.audit('dossier-finished', { details: { status, punctuality: this.finishedPunctuality ?? null, errorCode: outcome.kind === 'error' ? outcome.errorCode : null } });
    // A refusal's notice (Form 03) states its reason; the data of a notification is no workflow command.
    const reason = status === 'rejected' ? refusalReason(this.plan, record.variables) : undefined;
    if (this.input.calledBy === undefined) record.notify('dossier-finished', { citizen: true }, { status, ...(reason === undefined ? {} : { reason }) });
    await CancellationScope.nonCancellable(() => record.flush());

    if (this.input.calledBy !== undefined && outcome.kind === 'error') {
      throw ApplicationFailure.create({ type: bpmnErrorFailureType, message: `called procedure ended with error ${outcome.errorCode}`, details: [outcome.errorCode], nonRetryable: true });
    }
    if (this.input.calledBy !== undefined && outcome.kind === 'cancelled') throw new CancelledFailure('called procedure cancelled');
    return { status, finishedAt: this.finishedAt, punctuality: this.finishedPunctuality, variables: record.variables };
  }

  /** Early, on time or late, by when processing ended: the return step's opening, or else the end. */
  private punctuality(): 'early' | 'on-time' | 'late' {
    return this.clock.classify(this.processedAt ?? this.finishedAt!).outcome;
  }

  /** Whether processing has ended: the step that returns the result has opened. */
  get processed(): boolean {
    return this.processedAt !== undefined;
  }

  /**
   * The step that returns the result has opened: processing has ended (status processed, portal
   * status 9). The legal deadline no longer runs, as waiting for the citizen to collect is not the
   * agency's delay.
   */
  resultReady(): void {
    if (this.processed) return;
    this.processedAt = Date.now();
    this.clockRevision += 1;
    this.record.factsChanged();
    this.record.audit('dossier-processed', { details: { dueAt: this.clock.dueAt } });
    if (this.input.calledBy !== undefined) return;
    this.record.setStatus('processed');
    this.record.notify('dossier-processed', { citizen: true });
  }

  /** Marks the dossier overdue when its legal deadline passes (re-armed whenever the deadline moves). */
  private async watchLegalDeadline(): Promise<void> {
    for (;;) {
      const revision = this.clockRevision;
      const moved = () => this.clockRevision !== revision;
      if (this.clock.paused || this.record.overdue || this.processed || this.input.calledBy !== undefined) {
        await condition(moved);
        continue;
      }
      const wait = this.clock.dueAt - Date.now();
      if (wait > 0 && (await condition(moved, wait))) continue;
      this.record.setOverdue(true);
      this.record.audit('dossier-overdue', { rule: `legalLimit=${this.plan.procedure.legalLimit}`, details: { dueAt: this.clock.dueAt } });
      this.record.notify('dossier-overdue', { roles: ['supervisor'] }, { dueAt: this.clock.dueAt });
      await this.record.flush();
    }
  }

  /** Resolves once the history is long and every token sits in a wait the next run can resume. */
  private async quiescentWithLongHistory(): Promise<void> {
    const limit = this.input.historyLimit ?? defaultHistoryLimit;
    await condition(
      () =>
        (workflowInfo().historyLength > limit || workflowInfo().continueAsNewSuggested) &&
        this.processRun !== undefined &&
        this.processRun.quiescent &&
        [...this.subprocessRuns.values()].every((run) => run.quiescent) &&
        this.record.settled &&
        allHandlersFinished(),
    );
  }

  snapshot(): RuntimeSnapshot {
    return {
      record: this.record.snapshot(),
      clock: this.clock.snapshot(),
      processedAt: this.processedAt,
      apology: this.apologies.snapshot(),
      mailbox: this.mailbox.snapshot(),
      process: { instanceId: 'process', ...this.processRun!.snapshotTokens() },
      subprocesses: [...this.subprocessRuns.values()].map((run) => ({ instanceId: run.instanceId, ...run.snapshotTokens() })),
    };
  }

  private indexScopes(scope: PlanScope): void {
    for (const node of scope.nodes) {
      this.scopesByNode.set(node.id, scope);
      if (node.type === 'subProcess') this.indexScopes(node.scope);
    }
  }

  // ── Messages ───────────────────────────────────────────────────────────────────────────────

  /** A closed task is named as such even once the dossier has finished: it is the answer to the caller's own request. */
  private openTask(taskId: string): TaskState {
    const task = this.record.tasks.get(taskId);
    const problem = openProblem(task, taskId);
    if (problem && task) reject(updateRejections.taskClosed, problem);
    if (this.finishedAt !== undefined) reject(updateRejections.dossierFinished, `dossier ${this.dossierId} is finished`);
    if (problem) reject(updateRejections.unknownTask, problem);
    return task!;
  }

  validateClaim({ taskId, actor }: ClaimTaskRequest): void {
    const task = this.openTask(taskId);
    const problem = claimProblem(task, actor);
    if (problem) reject(task.assignee && task.assignee !== actor.id ? updateRejections.claimedBySomeoneElse : updateRejections.notEligible, problem);
  }

  async claim({ taskId, actor }: ClaimTaskRequest): Promise<TaskView> {
    const task = this.record.tasks.get(taskId)!;
    if (task.assignee !== actor.id) {
      task.assignee = actor.id;
      task.status = 'claimed';
      task.claimedAt = Date.now();
      this.record.taskChanged(taskId);
      this.record.audit('task-claimed', { actor, target: { kind: 'task', id: taskId } });
      await this.record.flush();
    }
    return this.record.taskView(task);
  }

  validateUnclaim({ taskId, actor }: ClaimTaskRequest): void {
    const task = this.openTask(taskId);
    if (task.assignee === undefined) reject(updateRejections.taskClosed, `task ${taskId} is not claimed`);
    const supervising = actor.roles.some((role) => supervisingRoles.includes(role)) && eligibilityProblem(task, actor) === undefined;
    if (task.assignee !== actor.id && !supervising) reject(updateRejections.claimedBySomeoneElse, `task ${taskId} is claimed by someone else`);
  }

  async unclaim({ taskId, actor }: ClaimTaskRequest): Promise<TaskView> {
    const task = this.record.tasks.get(taskId)!;
    const previous = task.assignee;
    task.assignee = undefined;
    task.status = 'open';
    task.claimedAt = undefined;
    this.record.taskChanged(taskId);
    this.record.audit('task-unclaimed', { actor, target: { kind: 'task', id: taskId }, details: { from: previous ?? null } });
    await this.record.flush();
    return this.record.taskView(task);
  }

  validateCompletion({ taskId, actor, outcome, formData }: CompleteTaskRequest): void {
    const task = this.openTask(taskId);
    const problem = claimProblem(task, actor);
    if (problem) reject(task.assignee && task.assignee !== actor.id ? updateRejections.claimedBySomeoneElse : updateRejections.notEligible, problem);
    const problems = [
      outcomeProblem(task, outcome),
      ...formProblems(task.form, formData ?? {}),
      ...(task.kind === 'step' ? decisionProblems(this.namespaces, task.elementId, formData ?? {}) : []),
    ].filter((entry): entry is string => entry !== undefined);
    if (task.kind === 'apology') {
      const appointment = this.apologies.newAppointment(formData ?? {});
      if ('problem' in appointment) problems.push(appointment.problem);
    }
    if (problems.length > 0) reject(updateRejections.invalidFormData, problems.join('; '), problems);
  }

  async complete({ taskId, actor, outcome, formData }: CompleteTaskRequest): Promise<TaskView> {
    const task = this.record.tasks.get(taskId)!;
    const now = Date.now();
    task.completion = { actor, outcome, formData, at: now };
    task.status = 'completed';
    task.assignee ??= actor.id;
    task.claimedAt ??= now;
    task.completedAt = now;
    task.completedBy = actor.id;
    task.outcome = outcome;
    this.record.taskChanged(taskId);
    if (task.kind === 'apology') this.apologies.issue(task, actor, formData);
    else {
      this.record.mergeVariables({
        ...formData,
        ...(outcome === undefined ? {} : { [task.outcomeVariable ?? 'outcome']: outcome }),
        [task.elementId]: { ...formData, outcome: outcome ?? null },
      });
    }
    if (task.kind === 'apology') this.clockChanged();
    this.record.audit('task-completed', { actor, target: { kind: 'task', id: taskId }, details: { outcome: outcome ?? null } });
    // Three rounds: the step's token wakes and moves on to its next wait, a scope it emptied ends,
    // the dossier's end is recorded. The write that opens what comes next then carries the completion.
    if (patched(patches.groupedCompletionWrite)) await afterConditionRounds(3);
    // The answer goes out with the workflow task that records the completion (Temporal holds it from
    // then on); waiting for the store write as well would cost the officer a write and a workflow task.
    if (patched(patches.completionAnsweredWhenRecorded)) this.record.writeBehind();
    else await this.record.writtenThrough();
    return this.record.taskView(task);
  }

  /** The unit the plan gives a task's step, whatever unit the task was moved to since. */
  private owningUnit(task: TaskState): string | undefined {
    const node = this.scopeOf(task.elementId).nodes.find((candidate) => candidate.id === task.elementId);
    return node && 'assignment' in node ? node.assignment?.unit : undefined;
  }

  /** A supervisor of the task's unit, or of the unit its step belongs to, may hand it on: a task moved astray can always be taken back. */
  validateReassignment({ taskId, actor, reason }: ReassignTaskRequest): void {
    const task = this.openTask(taskId);
    const owner = this.owningUnit(task);
    const ownersSupervisor = owner !== undefined && actor.units.includes(owner);
    if (!actor.roles.some((role) => supervisingRoles.includes(role)) || (eligibilityProblem(task, actor) && !ownersSupervisor)) {
      reject(updateRejections.notEligible, `only a supervisor of unit ${task.candidateUnit} may reassign task ${taskId}`);
    }
    if (reason.trim() === '') reject(updateRejections.invalidFormData, 'reason: required', ['reason: required']);
  }

  async reassign({ taskId, actor, assignee, unit, reason }: ReassignTaskRequest): Promise<TaskView> {
    const task = this.record.tasks.get(taskId)!;
    const handOver = this.handOver(task, assignee, unit);
    this.record.audit('task-reassigned', { actor, target: { kind: 'task', id: taskId }, details: { ...handOver, reason } });
    if (assignee) this.record.notify('task-assigned', { userIds: [assignee] }, { taskId, name: task.name, reason });
    await this.record.flush();
    return this.record.taskView(task);
  }

  /** Only the claimant forwards, and says how the task should be handled. */
  validateForward({ taskId, actor, assignee, opinion }: ForwardTaskRequest): void {
    const task = this.openTask(taskId);
    if (task.assignee !== actor.id) reject(updateRejections.notClaimedByYou, `task ${taskId} is not claimed by ${actor.id}`);
    const problems = [opinion.trim() === '' ? 'opinion: required' : undefined, assignee === actor.id ? 'assignee: the task is already yours' : undefined].filter((problem) => problem !== undefined);
    if (problems.length > 0) reject(updateRejections.invalidFormData, problems.join('; '), problems);
  }

  async forward({ taskId, actor, assignee, unit, opinion }: ForwardTaskRequest): Promise<TaskView> {
    const task = this.record.tasks.get(taskId)!;
    const handOver = this.handOver(task, assignee, unit);
    task.forwarded = { by: actor.id, opinion, at: Date.now() };
    this.record.audit('task-forwarded', { actor, target: { kind: 'task', id: taskId }, details: { ...handOver, opinion } });
    if (assignee) this.record.notify('task-assigned', { userIds: [assignee] }, { taskId, name: task.name, opinion });
    await this.record.flush();
    return this.record.taskView(task);
  }

  /** Gives the task to `assignee`, or to the queue of its (new) unit; says who had it before and who has it now. */
  private handOver(task: TaskState, assignee: string | undefined, unit: string | undefined) {
    const before = { assignee: task.assignee ?? null, unit: task.candidateUnit ?? null };
    task.assignee = assignee;
    if (unit) task.candidateUnit = unit;
    task.status = assignee ? 'claimed' : 'open';
    task.claimedAt = assignee ? Date.now() : undefined;
    this.record.taskChanged(task.taskId);
    return { before, after: { assignee: assignee ?? null, unit: task.candidateUnit ?? null } };
  }

  validateExtension({ actor, newDueAt }: ExtendDeadlineRequest): void {
    if (this.finishedAt !== undefined) reject(updateRejections.dossierFinished, `dossier ${this.dossierId} is finished`);
    if (!actor.roles.some((role) => supervisingRoles.includes(role))) reject(updateRejections.notEligible, 'only a supervisor may set a new appointment');
    const refusal = this.clock.extensionRefusal(newDueAt);
    if (refusal) reject(updateRejections.extensionRefused, refusal);
  }

  async extend({ actor, newDueAt, reason }: ExtendDeadlineRequest): Promise<LegalClockView> {
    this.clock.extend(newDueAt);
    this.clockChanged();
    this.record.factsChanged({ dueAtMoved: true });
    this.record.audit('appointment-extended', { actor, details: { newDueAt, reason } });
    this.record.notify('apology-letter', { citizen: true }, { newDueAt, reason });
    await this.record.flush();
    return this.clock.view(Date.now());
  }

  supplement(request: SupplementRequest): void {
    if (this.finishedAt !== undefined) return;
    this.supplementReceivedAt = request.receivedAt;
    this.record.audit('supplement-submitted', { details: { note: request.note ?? null, receivedAt: request.receivedAt } });
    // A supplement is the citizen's input: it cannot set what a step answers or decided.
    const variables = patched(patches.variablesNamespaced) ? citizenSettable(this.namespaces, request.variables) : request.variables;
    this.mailbox.deliver(supplementMessage, variables);
  }

  /** When the citizen's latest supplement was received (the legal instant the clock runs again from). */
  supplementReceivedAt?: number;

  withdraw(request: WithdrawRequest): void {
    if (this.finishedAt !== undefined || this.withdrawn) return;
    // Once the result is ready, processing is over: there is nothing left to withdraw.
    if (this.processed && patched(patches.noWithdrawalOnceProcessed)) {
      this.record.audit('withdrawal-refused', { actor: request.actor as Actor | undefined, details: { reason: request.reason, cause: 'processed' } });
      return;
    }
    this.withdrawn = true;
    this.record.setStatus('withdrawal-requested');
    this.record.audit('withdrawal-requested', { actor: request.actor as Actor | undefined, details: { reason: request.reason } });
    this.processRun?.cancel();
  }

  changeCalendar(change: CalendarChange): void {
    if (!this.clock.changeCalendar(change.calendar, Date.now())) return;
    this.calendarRevision += 1;
    this.clockChanged();
    this.record.factsChanged({ dueAtMoved: true });
    this.record.audit('calendar-changed', { rule: 'calendarChanged', details: { calendarVersion: this.clock.calendar.version, reason: change.reason, dueAt: this.clock.dueAt } });
  }

  deliverMessage(name: string, variables?: Variables): void {
    this.mailbox.deliver(name, variables);
  }

  state(): DossierState {
    return {
      dossierId: this.dossierId,
      status: this.record.status,
      overdue: this.record.overdue,
      legalClock: this.clock.view(Date.now()),
      tasks: [...this.record.tasks.values()].map((task) => this.record.taskView(task)),
      variables: this.record.variables,
      history: this.record.history,
    };
  }
}

function citizenSettable(namespaces: VariableNamespaces, variables: Variables | undefined): Variables | undefined {
  return variables && Object.fromEntries(Object.entries(variables).filter(([key]) => stepOwning(namespaces, key) === undefined));
}

function ignoreCancellation(error: unknown): void {
  if (!isCancellation(error)) throw error;
}
