import { CancellationScope, condition, isCancellation, patched } from '@temporalio/workflow';
import type { PlanNodeOf } from '../../engine/plan/procedure-plan.js';
import type { TaskFormField } from '../../store/tasks/task-model.js';
import type { Variables } from '../contract.js';
import type { TaskState } from './dossier-record.js';
import type { NodeHost } from './node-host.js';
import { patches } from './patches.js';
import type { ResumableWait, Token } from './scope-run.js';

export type UserTaskNode = PlanNodeOf<'userTask'>;

/** Escalation levels a step climbs while nobody completes it. */
const level = { open: 0, dueSoon: 1, overdue: 2, reassigned: 3 } as const;

function formFields(node: UserTaskNode): TaskFormField[] {
  return 'fields' in node.form ? node.form.fields : [];
}

/** What the dossier already holds under the form's keys (the citizen's data, an earlier step's), to show pre-filled. */
function knownValues(variables: Variables, form: TaskFormField[], trusted: (key: string) => boolean = () => true): Variables | undefined {
  const known = form.filter((field) => variables[field.key] !== undefined && variables[field.key] !== null && trusted(field.key));
  return known.length === 0 ? undefined : Object.fromEntries(known.map((field) => [field.key, variables[field.key]]));
}

/**
 * Whether a step may open with the dossier's value of `key` filled in: the citizen's input for a
 * start-form field; otherwise only a value a completed step answered (kept under its element id),
 * never one the citizen sent under a staff step's name.
 */
function trustedValue(runtime: NodeHost, key: string): boolean {
  const { variables } = runtime.record;
  if (runtime.namespaces.citizenInput.has(key)) return true;
  const value = JSON.stringify(variables[key]);
  return [...runtime.namespaces.stepOutputs.keys()].some((step) => {
    const answers = variables[step];
    return typeof answers === 'object' && answers !== null && key in answers && JSON.stringify((answers as Variables)[key]) === value;
  });
}

function openTask(runtime: NodeHost, node: UserTaskNode): TaskState {
  const { record, clock } = runtime;
  const now = Date.now();
  const taskId = `${runtime.dossierId}/${node.id}/${record.nextInstance(node.id)}`;
  const dueAt = node.deadline === undefined ? undefined : clock.stepDueAt(now, node.deadline);
  const form = formFields(node);
  const task: TaskState = {
    taskId,
    elementId: node.id,
    name: node.name ?? node.id,
    kind: 'step',
    status: 'open',
    agencyId: node.assignment.agency,
    candidateRole: node.assignment.role,
    candidateUnit: node.assignment.unit,
    form,
    values: patched(patches.variablesNamespaced) ? knownValues(record.variables, form, (key) => trustedValue(runtime, key)) : knownValues(record.variables, form),
    outcomes: node.outcomes ?? [],
    outcomeVariable: node.outcomeVariable,
    createdAt: now,
    dueAt,
    dueSoonAt: dueSoonInstant(runtime, node, now, dueAt),
    overdue: false,
    escalationLevel: level.open,
  };
  record.putTask(task);
  if (record.status === 'received') record.setStatus('processing');
  record.audit('task-opened', { target: { kind: 'task', id: taskId }, details: { elementId: node.id, dueAt: dueAt ?? null } });
  if (node.returnsResult) runtime.resultReady();
  return task;
}

/** The due-soon notice goes out once the configured share of the step's working time is used. */
function dueSoonInstant(runtime: NodeHost, node: UserTaskNode, startedAt: number, dueAt: number | undefined): number | undefined {
  if (dueAt === undefined || node.escalation === undefined) return undefined;
  const calendar = runtime.clock.calendar;
  const start = calendar.nextWorkingInstant(startedAt);
  if (start >= dueAt) return undefined;
  return calendar.addWorkingTime(start, Math.round(calendar.workingTimeBetween(start, dueAt) * node.escalation.dueSoonShare));
}

function reassignInstant(runtime: NodeHost, node: UserTaskNode, task: TaskState): number | undefined {
  const after = node.escalation?.reassignAfter;
  return after === undefined || task.dueAt === undefined ? undefined : runtime.clock.stepDueAt(task.dueAt, after);
}

/** The next rung of the escalation ladder: when it fires and what it does. */
function nextEscalation(runtime: NodeHost, node: UserTaskNode, task: TaskState): { at: number; climb: () => void } | undefined {
  if (task.escalationLevel < level.dueSoon && task.dueSoonAt !== undefined) return { at: task.dueSoonAt, climb: () => dueSoon(runtime, node, task) };
  if (task.escalationLevel < level.overdue && task.dueAt !== undefined) return { at: task.dueAt, climb: () => overdue(runtime, node, task) };
  const reassignAt = task.escalationLevel < level.reassigned ? reassignInstant(runtime, node, task) : undefined;
  if (reassignAt !== undefined) return { at: reassignAt, climb: () => reassign(runtime, node, task, reassignAt) };
  return undefined;
}

function assigneeOrQueue(task: TaskState): { userIds: string[]; roles: string[]; units: string[] } {
  return task.assignee
    ? { userIds: [task.assignee], roles: [], units: [] }
    : { userIds: [], roles: task.candidateRole ? [task.candidateRole] : [], units: task.candidateUnit ? [task.candidateUnit] : [] };
}

function dueSoon(runtime: NodeHost, node: UserTaskNode, task: TaskState): void {
  task.escalationLevel = level.dueSoon;
  runtime.record.taskChanged(task.taskId);
  const rule = `escalation.dueSoonShare=${node.escalation!.dueSoonShare}`;
  runtime.record.audit('task-due-soon', { rule, target: { kind: 'task', id: task.taskId }, details: { scheduledFor: task.dueSoonAt ?? null } });
  runtime.record.notify('task-due-soon', assigneeOrQueue(task), { taskId: task.taskId, name: task.name, dueAt: task.dueAt ?? null });
}

function overdue(runtime: NodeHost, node: UserTaskNode, task: TaskState): void {
  const { record } = runtime;
  const actions = node.escalation?.overdueActions ?? ['mark-overdue', 'notify'];
  const supervisor = node.escalation?.target ?? 'supervisor';
  task.escalationLevel = level.overdue;
  task.overdue = true;
  record.taskChanged(task.taskId);
  record.audit('task-overdue', { rule: `deadline=${node.deadline}`, target: { kind: 'task', id: task.taskId }, details: { actions, scheduledFor: task.dueAt ?? null } });
  // Once processing has ended, a late hand-over does not make the dossier late (DOMAIN.md: on time is judged at the end of processing).
  if (actions.includes('mark-overdue') && !runtime.processed) record.setOverdue(true);
  if (actions.includes('notify')) {
    const recipients = assigneeOrQueue(task);
    record.notify('task-overdue', { ...recipients, roles: [...recipients.roles, supervisor], units: task.candidateUnit ? [task.candidateUnit] : [] }, {
      taskId: task.taskId,
      name: task.name,
      dueAt: task.dueAt ?? null,
    });
  }
  if (actions.includes('apology-letter')) runtime.apologies.considerFor(node, task);
}

function reassign(runtime: NodeHost, node: UserTaskNode, task: TaskState, scheduledFor: number): void {
  const target = node.escalation!.target;
  const previous = task.assignee;
  task.escalationLevel = level.reassigned;
  task.candidateRole = target;
  task.assignee = undefined;
  task.status = 'open';
  runtime.record.taskChanged(task.taskId);
  runtime.record.audit('task-reassigned', {
    rule: `escalation.reassignAfter=${node.escalation!.reassignAfter}`,
    target: { kind: 'task', id: task.taskId },
    details: { from: previous ?? null, toRole: target, scheduledFor },
  });
  runtime.record.notify('task-reassigned', { roles: [target], units: task.candidateUnit ? [task.candidateUnit] : [] }, { taskId: task.taskId, name: task.name });
}

/** The calendar was corrected: a deadline still ahead is counted again on the new calendar. */
function recountDeadlines(runtime: NodeHost, node: UserTaskNode, task: TaskState): void {
  const now = Date.now();
  if (node.deadline === undefined || task.dueAt === undefined || task.dueAt <= now) return;
  const dueAt = runtime.clock.stepDueAt(task.createdAt, node.deadline);
  if (dueAt === task.dueAt) return;
  task.dueAt = dueAt;
  if (task.escalationLevel < level.dueSoon) task.dueSoonAt = dueSoonInstant(runtime, node, task.createdAt, dueAt);
  runtime.record.taskChanged(task.taskId);
  runtime.record.audit('task-deadline-moved', { rule: 'calendarChanged', target: { kind: 'task', id: task.taskId }, details: { dueAt } });
}

/**
 * Climbs the escalation ladder at the instants the calendar gives, until the task is completed;
 * `countedOn` is the calendar revision its deadlines were counted on.
 */
async function superviseUntilCompleted(runtime: NodeHost, node: UserTaskNode, task: TaskState, countedOn: number): Promise<void> {
  for (;;) {
    // A correction that came while a write was on its way: recounted now. Dossiers that ran before
    // the patch overlooked it, and replay the same way (asked only then, so other runs carry no marker).
    if (runtime.calendarRevision !== countedOn && !patched(patches.calendarRevisionRemembered)) countedOn = runtime.calendarRevision;
    const settled = () => task.status === 'completed' || runtime.calendarRevision !== countedOn;
    const next = nextEscalation(runtime, node, task);
    if (next === undefined) await condition(settled);
    else if (next.at > Date.now()) await condition(settled, next.at - Date.now());
    if (task.status === 'completed') return;
    if (runtime.calendarRevision !== countedOn) {
      countedOn = runtime.calendarRevision;
      recountDeadlines(runtime, node, task);
    } else if (next !== undefined && Date.now() >= next.at) next.climb();
    await runtime.record.flush();
  }
}

/**
 * A user task: writes the task to the worklist, climbs the escalation ladder while it waits, and
 * returns once an officer's completeTask update has completed it (the update records the result).
 * Cancelled (interrupting boundary, withdrawal), it closes the task in the worklist first.
 */
export async function runUserTask(runtime: NodeHost, node: UserTaskNode, token: Token, setWait: (wait: ResumableWait | undefined) => void): Promise<void> {
  const resumedId = token.resumeFrom?.kind === 'user-task' ? (token.resumeFrom.taskId as string) : undefined;
  const task = (resumedId && runtime.record.tasks.get(resumedId)) || openTask(runtime, node);
  const countedOn = runtime.calendarRevision;
  try {
    if (!resumedId) await runtime.record.flush();
    setWait({ kind: 'user-task', taskId: task.taskId });
    await superviseUntilCompleted(runtime, node, task, countedOn);
    setWait(undefined);
  } catch (error) {
    if (isCancellation(error) && task.status !== 'completed') {
      await CancellationScope.nonCancellable(async () => {
        task.status = 'cancelled';
        runtime.record.taskChanged(task.taskId);
        runtime.record.audit('task-cancelled', { target: { kind: 'task', id: task.taskId } });
        await runtime.record.flush();
      });
    }
    throw error;
  }
}
