import type { TaskFormField } from '../../store/tasks/task-model.js';
import type { Actor, Variables } from '../contract.js';
import type { TaskState } from './dossier-record.js';

/** Roles that may act on any task of their unit besides its candidates: they chase overdue work. */
export const supervisingRoles = ['supervisor', 'unit-head', 'agency-admin'];

function inUnit(actor: Actor, unit: string | undefined): boolean {
  return unit === undefined || actor.units.includes(unit);
}

/** Why `actor` may not work on `task`, or undefined when they may. */
export function eligibilityProblem(task: TaskState, actor: Actor): string | undefined {
  if (!inUnit(actor, task.candidateUnit)) return `task ${task.taskId} belongs to unit ${task.candidateUnit}`;
  const candidate = task.candidateRole === undefined || actor.roles.includes(task.candidateRole);
  const supervising = actor.roles.some((role) => supervisingRoles.includes(role));
  if (!candidate && !supervising) return `task ${task.taskId} is for role ${task.candidateRole}`;
  return undefined;
}

/** Why the task cannot be acted on at all now, or undefined. */
export function openProblem(task: TaskState | undefined, taskId: string): string | undefined {
  if (!task) return `unknown task ${taskId}`;
  if (task.status === 'completed' || task.status === 'cancelled') return `task ${taskId} is ${task.status}`;
  return undefined;
}

export function claimProblem(task: TaskState, actor: Actor): string | undefined {
  if (task.assignee !== undefined && task.assignee !== actor.id) return `task ${task.taskId} is claimed by someone else`;
  return eligibilityProblem(task, actor);
}

function valueProblem(field: TaskFormField, value: unknown): string | undefined {
  switch (field.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'must be a number';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))
        ? undefined
        : 'must be a date YYYY-MM-DD';
    case 'choice':
      return typeof value === 'string' && (field.options ?? []).some((option) => option.value === value)
        ? undefined
        : `must be one of ${(field.options ?? []).map((option) => option.value).join(', ')}`;
    case 'file':
      return typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string'))
        ? undefined
        : 'must be an attachment id or a list of them';
    default:
      return typeof value === 'string' ? undefined : 'must be text';
  }
}

/** Every problem of submitted form data against the task's form, as `field: problem`. */
export function formProblems(fields: TaskFormField[], formData: Variables): string[] {
  const known = new Map(fields.map((field) => [field.key, field]));
  const problems = Object.keys(formData)
    .filter((key) => !known.has(key))
    .map((key) => `${key}: not a field of this form`);
  for (const field of fields) {
    const value = formData[field.key];
    const missing = value === undefined || value === null || value === '';
    if (missing) {
      if (field.required) problems.push(`${field.key}: required`);
      continue;
    }
    const problem = valueProblem(field, value);
    if (problem) problems.push(`${field.key}: ${problem}`);
  }
  return problems;
}

export function outcomeProblem(task: TaskState, outcome: string | undefined): string | undefined {
  const values = task.outcomes.map((choice) => choice.value);
  if (values.length === 0) return outcome === undefined ? undefined : `task ${task.taskId} has no outcomes`;
  if (outcome === undefined) return `choose an outcome: ${values.join(', ')}`;
  return values.includes(outcome) ? undefined : `outcome must be one of ${values.join(', ')}`;
}
