import { z } from 'zod';
import { taskStatuses } from '../../engine/dossier/dossier-status.js';
import { outcomeKinds } from '../../engine/plan/plan-schema.js';
import { takeClaim } from '../../store/claims/claims.js';
import type { TaskDocument } from '../../store/tasks/task-model.js';
import { claimTaskUpdate, completeTaskUpdate, forwardTaskUpdate, reassignTaskUpdate, unclaimTaskUpdate, type TaskView } from '../../workflows/contract.js';
import type { ApiContext } from '../context.js';
import { appendAudit, auditStreams } from '../audit/audit-log.js';
import type { SystemRole, UserDocument } from '../../store/identity/user-model.js';
import { actorOf, auditActorOf, hasRole, type Principal } from '../auth/principal.js';
import { plannedStepUnits } from '../dossiers/dossier-access.js';
import { agencyScope } from '../org/agency-scope.js';
import { Problem, problemResponses, problemSchema } from '../http/problem.js';
import { idempotencyKeyOf } from '../http/idempotency-key.js';
import { defineRoute, type RouteDefinition } from '../http/route.js';
import { timedCompletion } from '../metrics/task-completion.js';
import { encodeCursor, page } from '../http/schemas.js';
import { workflowProblem } from '../temporal/workflow-errors.js';
import type { PinnedCalendar } from './live-worklist.js';
import { requireOutcomeFields } from './outcome-requirements.js';
import { isOpenWork, worklistCursor, worklistQuerySchema, worklistSelection, type WorklistTask } from './worklist-query.js';

const taskIdParams = z.object({ taskId: z.string().min(1).max(400) });
const choice = z.object({ value: z.string(), label: z.string() });
const outcome = choice
  .extend({
    kind: z.enum(outcomeKinds).optional().meta({ description: 'refusal or supplementation: the outcome then requires the fields named beside it' }),
    reasonField: z.string().optional().meta({ description: 'Form field that must hold the written reason when this outcome is chosen' }),
    documentsField: z.string().optional().meta({ description: 'Form field that must list the documents to supplement when this outcome is chosen' }),
  })
  .meta({ id: 'TaskOutcome' });
const taskSchema = z
  .object({
    taskId: z.string(),
    dossierId: z.string(),
    procedureCode: z.string(),
    agencyId: z.string(),
    elementId: z.string(),
    name: z.string(),
    kind: z.enum(['step', 'apology', 'reassignment']),
    candidateRole: z.string().nullable(),
    candidateUnit: z.string().nullable(),
    assignee: z.string().nullable(),
    status: z.enum(taskStatuses),
    createdAt: z.string(),
    dueAt: z.string().nullable(),
    dueSoonAt: z.string().nullable(),
    overdue: z.boolean(),
    escalationLevel: z.number(),
    outcome: z.string().nullable(),
    forwarded: z
      .object({ by: z.string(), opinion: z.string(), at: z.string() })
      .nullable()
      .meta({ id: 'TaskForwarding', description: 'The latest “chuyển xử lý” of the task: who forwarded it, when, and the handling opinion (“ý kiến xử lý”) they gave' }),
  })
  .meta({ id: 'Task' });
const worklistItemSchema = taskSchema
  .extend({ calendar: z.object({ id: z.string(), hash: z.string() }).nullable().meta({ description: 'The dossier’s pinned calendar, for counting working time left (GET /api/calendars/:id/versions/:hash)' }) })
  .meta({ id: 'WorklistItem' });
const taskDetailSchema = taskSchema
  .extend({
    form: z.array(z.object({ key: z.string(), label: z.string(), type: z.string(), required: z.boolean(), options: z.array(choice).optional() })),
    values: z.record(z.string(), z.unknown()).meta({ description: 'What the dossier held under the form’s keys when the step opened (the citizen’s data, an earlier step’s), to show pre-filled' }),
    outcomes: z.array(outcome),
    data: z.record(z.string(), z.unknown()).nullable(),
    calendar: worklistItemSchema.shape.calendar,
    dossier: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'TaskDetail' });
const taskViewSchema = z.record(z.string(), z.unknown()).meta({ id: 'TaskView', description: 'The task as the workflow answered the Update (workflows/contract.ts TaskView; instants in UTC ms)' });
const forwardBodySchema = z
  .object({
    assignee: z.string().min(1).max(100).optional().meta({ description: 'The colleague who takes the task over (of the task’s unit, or of `unit` when given)' }),
    unit: z.string().min(1).max(100).optional().meta({ description: 'The unit the task moves to; alone, the task waits in its queue' }),
    opinion: z.string().trim().min(1).max(2000).meta({ description: 'The handling opinion (“ý kiến xử lý”) the recipient reads with the task' }),
  })
  .refine((body) => body.assignee !== undefined || body.unit !== undefined, { message: 'name a colleague or a unit', path: ['assignee'] });
const forwardTargetsSchema = z
  .object({
    colleagues: z.array(z.object({ id: z.string(), name: z.string(), unit: z.string(), unitName: z.string() })),
    units: z.array(z.object({ id: z.string(), name: z.string() })),
  })
  .meta({ id: 'ForwardTargets', description: 'Who may be handed the task: colleagues holding its role, per unit, and the units where someone holds it' });
const bulkResultSchema = z.object({
  results: z.array(z.object({ taskId: z.string(), ok: z.boolean(), task: taskViewSchema.optional(), problem: problemSchema.pick({ status: true, code: true, detail: true }).optional() })),
});

function iso(date: Date | undefined): string | null {
  return date?.toISOString() ?? null;
}

export function taskOf(task: WorklistTask) {
  return {
    taskId: task._id,
    dossierId: task.dossierId,
    procedureCode: task.procedureCode,
    agencyId: task.agencyId,
    elementId: task.elementId,
    name: task.name,
    kind: task.kind,
    candidateRole: task.candidateRole ?? null,
    candidateUnit: task.candidateUnit ?? null,
    assignee: task.assignee ?? null,
    status: task.status,
    createdAt: task.createdAt.toISOString(),
    dueAt: iso(task.dueAt),
    dueSoonAt: iso(task.dueSoonAt),
    overdue: task.overdue,
    escalationLevel: task.escalationLevel,
    outcome: task.outcome ?? null,
    forwarded: task.forwarded ? { ...task.forwarded, at: task.forwarded.at.toISOString() } : null,
  };
}

/** Whether the task is within the principal's reach: theirs, or in one of their units. */
function inReach(task: TaskDocument, principal: Principal): boolean {
  return task.assignee === principal.id || (task.candidateUnit !== undefined && principal.units.includes(task.candidateUnit));
}

/** Who may be handed a task: an active officer or supervisor (not a citizen, not a disabled account). */
function activeStaff(user: Pick<UserDocument, 'roles' | 'disabled'>): boolean {
  return !user.disabled && user.roles.some((role) => role === 'officer' || role === 'supervisor');
}

/** Whether the user may work the task as its role says: holds the role (a position or a system role), or supervises. */
function holdsRole(user: Pick<UserDocument, 'roles' | 'positions'>, role: string | undefined): boolean {
  return role === undefined || user.positions.includes(role) || user.roles.includes(role as SystemRole) || user.roles.includes('supervisor');
}

const worklistRoles = ['officer', 'supervisor'] as const;

/**
 * A listed task as the worklist answers it, made once per version of the task (the worklist replaces
 * a task's object when it changes): pages are asked for far more often than tasks change.
 */
function listedItemOf(memory: WeakMap<WorklistTask, { calendar: PinnedCalendar | null; item: object }>, task: WorklistTask, calendar: PinnedCalendar | null): object {
  const known = memory.get(task);
  if (known?.calendar === calendar) return known.item;
  const item = { ...taskOf(task), calendar };
  memory.set(task, { calendar, item });
  return item;
}

/** The worklist: listing, task detail, and the actions that go to the dossier workflow as Updates. */
export function taskRoutes(context: ApiContext): RouteDefinition[] {
  const { store, temporal } = context;
  const listedItems = new WeakMap<WorklistTask, { calendar: PinnedCalendar | null; item: object }>();

  /** The unit the procedure gives the task's step: its supervisors can always take a task back from wherever it went. */
  async function owningUnit(task: TaskDocument): Promise<string | undefined> {
    const dossier = await store.dossiers.findById(task.dossierId, { planHash: 1 }).lean();
    return dossier ? (await plannedStepUnits(store, dossier.planHash)).get(task.elementId) : undefined;
  }

  async function reachableTask(taskId: string, principal: Principal): Promise<TaskDocument> {
    const task = await store.tasks.findById(taskId).lean();
    if (!task) throw new Problem(404, 'unknown-task', `no task ${taskId}`);
    if (inReach(task, principal)) return task;
    const owner = hasRole(principal, 'supervisor') ? await owningUnit(task) : undefined;
    if (owner === undefined || !principal.units.includes(owner)) throw new Problem(403, 'other-unit', `task ${taskId} belongs to unit ${task.candidateUnit ?? '(none)'}`);
    return task;
  }

  /**
   * Refuses a reassignment whose target cannot work the task: the officer must be an active staff
   * member of the task's (new) unit holding its role; a unit's queue needs someone there holding it.
   */
  async function checkReassignmentTarget(task: TaskDocument, principal: Principal, change: { assignee?: string; unit?: string }): Promise<void> {
    const unitId = change.unit ?? task.candidateUnit;
    if (change.unit !== undefined) {
      const unit = await store.units.findById(change.unit, { agencyId: 1 }).lean();
      if (!unit || !(await agencyScope(store, principal)).has(unit.agencyId)) {
        throw new Problem(422, 'unknown-unit', `there is no unit ${change.unit} in your agencies`, [{ path: 'body.unit', message: 'no such unit in your agencies' }]);
      }
    }
    const role = task.candidateRole;
    if (change.assignee !== undefined) {
      const user = await store.users.findById(change.assignee, { roles: 1, positions: 1, units: 1, disabled: 1 }).lean();
      const problem = !user || !activeStaff(user)
        ? `${change.assignee} is not an active officer or supervisor`
        : unitId !== undefined && !user.units.includes(unitId)
          ? `${change.assignee} is not in unit ${unitId}`
          : !holdsRole(user, role)
            ? `${change.assignee} does not hold role ${role}`
            : undefined;
      if (problem) throw new Problem(422, 'invalid-assignee', `task ${task._id} cannot go to ${change.assignee}: ${problem}`, [{ path: 'body.assignee', message: problem }]);
      return;
    }
    if (unitId === undefined) return;
    const members = await store.users.find({ units: unitId }, { roles: 1, positions: 1, disabled: 1 }).lean();
    if (!members.some((user) => activeStaff(user) && holdsRole(user, role))) {
      const path = change.unit === undefined ? 'body' : 'body.unit';
      throw new Problem(422, 'no-role-holder', `task ${task._id} cannot go to unit ${unitId}: nobody active there holds role ${role ?? '(any)'}`, [{ path, message: `nobody in unit ${unitId} holds role ${role ?? '(any)'}` }]);
    }
  }

  /** Everyone a task can be forwarded to, by the rule checkReassignmentTarget applies: active staff of the principal's agencies holding the task's role. */
  async function forwardTargets(task: TaskDocument, principal: Principal) {
    const units = await store.units.find({ agencyId: { $in: [...(await agencyScope(store, principal))] } }, { name: 1 }).sort({ _id: 1 }).lean();
    const unitIds = units.map((unit) => unit._id);
    const staff = (await store.users.find({ units: { $in: unitIds } }, { name: 1, roles: 1, positions: 1, units: 1, disabled: 1 }).sort({ _id: 1 }).lean()).filter(
      (user) => activeStaff(user) && holdsRole(user, task.candidateRole),
    );
    const colleagues = units.flatMap((unit) =>
      staff.filter((user) => user._id !== principal.id && user.units.includes(unit._id)).map((user) => ({ id: user._id, name: user.name, unit: unit._id, unitName: unit.name })),
    );
    return { colleagues, units: units.filter((unit) => staff.some((user) => user.units.includes(unit._id))).map((unit) => ({ id: unit._id, name: unit.name })) };
  }

  /**
   * Sends an Update for a task (`updateId` when the client gave an idempotency key), maps refusals
   * to problems, audits the request and tells this process's worklist and event subscribers.
   */
  async function act(task: TaskDocument, principal: Principal, action: string, send: () => Promise<TaskView>, details: Record<string, string | null> = {}, updateId?: string): Promise<TaskView> {
    let view: TaskView;
    try {
      view = await send();
    } catch (error) {
      workflowProblem(error);
    }
    // A completion is answered before the store shows it: the officer's next page leaves it out.
    if (!isOpenWork(view.status)) context.worklist.taskClosed(view.taskId);
    const before = `${task.status}:${task.assignee ?? ''}`;
    const after = `${view.status}:${view.assignee ?? ''}`;
    // A replay (same claim again, a retried completion answered from its Update id) changed nothing.
    if (before === after || (updateId !== undefined && !(await takeClaim(store.answeredRequests, updateId)))) return view;
    await appendAudit(store, { stream: auditStreams.dossier(task.dossierId), actor: auditActorOf(principal), action, target: { kind: 'task', id: task._id }, details: { ...details, before, after } });
    context.events.publish({ kind: 'task', id: task._id, dossierId: task.dossierId, agencyId: task.agencyId, change: action, at: new Date().toISOString() });
    return view;
  }

  const handleOf = (task: TaskDocument) => temporal.client.workflow.getHandle(task.dossierId);
  const claim = (task: TaskDocument, principal: Principal) =>
    act(task, principal, 'task-claim-requested', () => handleOf(task).executeUpdate(claimTaskUpdate, { args: [{ taskId: task._id, actor: actorOf(principal) }] }));
  const unclaim = (task: TaskDocument, principal: Principal) =>
    act(task, principal, 'task-unclaim-requested', () => handleOf(task).executeUpdate(unclaimTaskUpdate, { args: [{ taskId: task._id, actor: actorOf(principal) }] }));
  const reassign = async (task: TaskDocument, principal: Principal, change: { assignee?: string; unit?: string; reason: string }) => {
    await checkReassignmentTarget(task, principal, change);
    return act(task, principal, 'task-reassignment-requested', () => handleOf(task).executeUpdate(reassignTaskUpdate, { args: [{ taskId: task._id, actor: actorOf(principal), ...change }] }), {
      reason: change.reason,
      assignee: change.assignee ?? null,
      unit: change.unit ?? null,
    });
  };

  const forward = async (task: TaskDocument, principal: Principal, change: { assignee?: string; unit?: string; opinion: string }) => {
    await checkReassignmentTarget(task, principal, change);
    return act(task, principal, 'task-forward-requested', () => handleOf(task).executeUpdate(forwardTaskUpdate, { args: [{ taskId: task._id, actor: actorOf(principal), ...change }] }), {
      opinion: change.opinion,
      assignee: change.assignee ?? null,
      unit: change.unit ?? null,
    });
  };

  /** Runs one action per task, reporting each outcome instead of stopping at the first refusal. */
  async function bulk(taskIds: string[], principal: Principal, each: (task: TaskDocument) => Promise<TaskView>) {
    const results = [];
    for (const taskId of taskIds) {
      try {
        results.push({ taskId, ok: true, task: await each(await reachableTask(taskId, principal)) });
      } catch (error) {
        if (!(error instanceof Problem)) throw error;
        results.push({ taskId, ok: false, problem: { status: error.status, code: error.code, detail: error.message } });
      }
    }
    return { status: 200, body: { results } };
  }

  return [
    defineRoute({
      method: 'get',
      path: '/api/tasks',
      summary: 'The worklist: my tasks, my units’ queue, overdue or due soon; soonest due first; cursor pagination',
      tag: 'worklist',
      access: worklistRoles,
      query: worklistQuerySchema,
      responses: { 200: { description: 'a page of tasks', schema: page(worklistItemSchema) }, ...problemResponses(400, 401, 403) },
      async handler({ query, principal }) {
        const found = await context.worklist.select(worklistSelection(principal, query, Date.now()), query.limit + 1);
        const items = found.slice(0, query.limit);
        const last = items.at(-1);
        const nextCursor = found.length > query.limit && last ? encodeCursor(worklistCursor(last.task)) : null;
        return { status: 200, body: { items: items.map(({ task, calendar }) => listedItemOf(listedItems, task, calendar)), nextCursor } };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/tasks/bulk-claim',
      summary: 'Claim several tasks at once (supervisor); each task’s outcome is reported',
      tag: 'worklist',
      access: ['supervisor'],
      body: z.object({ taskIds: z.array(z.string().min(1).max(400)).min(1).max(100) }),
      responses: { 200: { description: 'per-task outcomes', schema: bulkResultSchema }, ...problemResponses(401, 403, 422) },
      handler: ({ body, principal }) => bulk(body.taskIds, principal, (task) => claim(task, principal)),
    }),
    defineRoute({
      method: 'post',
      path: '/api/tasks/bulk-reassign',
      summary: 'Reassign several tasks to one officer, with a reason (supervisor)',
      tag: 'worklist',
      access: ['supervisor'],
      body: z.object({ taskIds: z.array(z.string().min(1).max(400)).min(1).max(100), assignee: z.string().min(1).max(100), reason: z.string().trim().min(1).max(2000) }),
      responses: { 200: { description: 'per-task outcomes', schema: bulkResultSchema }, ...problemResponses(401, 403, 422) },
      handler: ({ body, principal }) => bulk(body.taskIds, principal, (task) => reassign(task, principal, { assignee: body.assignee, reason: body.reason })),
    }),
    defineRoute({
      method: 'get',
      path: '/api/tasks/:taskId',
      summary: 'A task with its form, outcomes and dossier summary',
      tag: 'worklist',
      access: worklistRoles,
      params: taskIdParams,
      responses: { 200: { description: 'the task', schema: taskDetailSchema }, ...problemResponses(401, 403, 404) },
      async handler({ params, principal }) {
        const task = await reachableTask(params.taskId, principal);
        const dossier = await store.dossiers.findById(task.dossierId).lean();
        return {
          status: 200,
          body: {
            ...taskOf(task),
            form: task.form,
            values: task.values ?? {},
            // A step without outcomes is stored without the field (an empty array is not written), yet the page reads a list.
            outcomes: task.outcomes ?? [],
            data: task.data ?? null,
            calendar: dossier?.calendarId ? { id: dossier.calendarId, hash: dossier.calendarHash } : null,
            dossier: dossier
              ? { dossierId: dossier._id, procedureCode: dossier.procedureCode, status: dossier.status, applicant: dossier.applicant, channel: dossier.channel, receivedAt: dossier.receivedAt.toISOString(), dueAt: iso(dossier.dueAt), overdue: dossier.overdue }
              : { dossierId: task.dossierId },
          },
        };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/tasks/:taskId/claim',
      summary: 'Claim a task of my units’ queue',
      tag: 'worklist',
      access: worklistRoles,
      params: taskIdParams,
      responses: { 200: { description: 'the claimed task', schema: taskViewSchema }, ...problemResponses(401, 403, 404, 409) },
      async handler({ params, principal }) {
        return { status: 200, body: await claim(await reachableTask(params.taskId, principal), principal) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/tasks/:taskId/unclaim',
      summary: 'Release a claimed task (“bỏ nhận việc”): it goes back to its unit’s queue',
      tag: 'worklist',
      access: worklistRoles,
      params: taskIdParams,
      responses: { 200: { description: 'the task, back in the queue', schema: taskViewSchema }, ...problemResponses(401, 403, 404, 409) },
      async handler({ params, principal }) {
        return { status: 200, body: await unclaim(await reachableTask(params.taskId, principal), principal) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/tasks/:taskId/forward-targets',
      summary: 'Who a task can be forwarded to: colleagues holding its role and units where someone does',
      tag: 'worklist',
      access: worklistRoles,
      params: taskIdParams,
      responses: { 200: { description: 'colleagues and units', schema: forwardTargetsSchema }, ...problemResponses(401, 403, 404) },
      async handler({ params, principal }) {
        return { status: 200, body: await forwardTargets(await reachableTask(params.taskId, principal), principal) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/tasks/:taskId/forward',
      summary: 'Forward my claimed task (“chuyển xử lý”) to a colleague or a unit, with a handling opinion; the target is checked as a reassignment’s',
      tag: 'worklist',
      access: worklistRoles,
      params: taskIdParams,
      body: forwardBodySchema,
      responses: { 200: { description: 'the forwarded task', schema: taskViewSchema }, ...problemResponses(400, 401, 403, 404, 409, 422) },
      async handler({ params, body, principal }) {
        return { status: 200, body: await forward(await reachableTask(params.taskId, principal), principal, body) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/tasks/:taskId/complete',
      summary: 'Complete a task with its form data and outcome; Idempotency-Key makes a retry return the first result',
      tag: 'worklist',
      access: worklistRoles,
      params: taskIdParams,
      headers: [{ name: 'Idempotency-Key', description: 'becomes the Temporal Update id: a retried completion returns the first result', required: false }],
      body: z.object({ outcome: z.string().min(1).max(100).optional(), formData: z.record(z.string().max(100), z.unknown()).default({}) }),
      responses: { 200: { description: 'the completed task', schema: taskViewSchema }, ...problemResponses(400, 401, 403, 404, 409, 422) },
      async handler({ request, params, body, principal }) {
        const updateId = idempotencyKeyOf(request);
        const task = await reachableTask(params.taskId, principal);
        requireOutcomeFields(task, body.outcome, body.formData);
        const temporalUpdateId = updateId === undefined ? undefined : `${task._id}:${updateId}`;
        const view = await act(
          task,
          principal,
          'task-completion-requested',
          () =>
            timedCompletion(context.metrics, () =>
              handleOf(task).executeUpdate(completeTaskUpdate, {
                args: [{ taskId: task._id, actor: actorOf(principal), outcome: body.outcome, formData: body.formData }],
                ...(temporalUpdateId ? { updateId: temporalUpdateId } : {}),
              }),
            ),
          { outcome: body.outcome ?? null, idempotencyKey: updateId ?? null },
          temporalUpdateId,
        );
        return { status: 200, body: view };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/tasks/:taskId/reassign',
      summary: 'Reassign a task to an officer or back to a unit’s queue, with a reason (supervisor)',
      tag: 'worklist',
      access: ['supervisor'],
      params: taskIdParams,
      body: z.object({ assignee: z.string().min(1).max(100).optional(), unit: z.string().min(1).max(100).optional(), reason: z.string().trim().min(1).max(2000) }),
      responses: { 200: { description: 'the reassigned task', schema: taskViewSchema }, ...problemResponses(400, 401, 403, 404, 409, 422) },
      async handler({ params, body, principal }) {
        const task = await reachableTask(params.taskId, principal);
        return { status: 200, body: await reassign(task, principal, body) };
      },
    }),
  ];
}
