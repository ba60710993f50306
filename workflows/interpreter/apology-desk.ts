import type { PlanNodeOf, PlanScope } from '../../engine/plan/procedure-plan.js';
import type { TaskFormField } from '../../store/tasks/task-model.js';
import type { Actor, Variables } from '../contract.js';
import type { DossierRecord, TaskState } from './dossier-record.js';
import type { LegalClock } from './legal-clock.js';
import { remainingBudgetMs, workingDayMs } from './remaining-budget.js';

const apologyForm: TaskFormField[] = [
  { key: 'newAppointment', label: 'Ngày hẹn trả kết quả mới', type: 'date', required: true },
  { key: 'reason', label: 'Lý do chậm trễ', type: 'textarea', required: true },
];

export interface ApologySnapshot {
  taskId?: string;
}

/**
 * The late-dossier rule (Decree 118/2025, DOMAIN.md §5): when an overdue step makes the dossier
 * late, a supervisor gets one task to send the citizen an apology with a new appointment, due at
 * least one working day before the legal deadline. Completing it sets the one new appointment.
 */
export class ApologyDesk {
  private taskId?: string;

  constructor(
    private readonly context: { dossierId: string; record: DossierRecord; clock: LegalClock; scopeOf: (nodeId: string) => PlanScope },
    snapshot: ApologySnapshot,
  ) {
    this.taskId = snapshot.taskId;
  }

  snapshot(): ApologySnapshot {
    return { taskId: this.taskId };
  }

  /** An overdue step: is the dossier now predicted late, and is an apology still to be written? */
  considerFor(node: PlanNodeOf<'userTask'>, lateTask: TaskState): void {
    const { record, clock } = this.context;
    if (this.taskId !== undefined) return;
    const now = Date.now();
    const legalDueAt = clock.dueAt;
    const left = now < legalDueAt ? clock.calendar.workingTimeBetween(now, legalDueAt) : 0;
    const needed = remainingBudgetMs(this.context.scopeOf(node.id), node.id) + workingDayMs;
    if (left > needed) return;

    const calendar = clock.calendar;
    const taskId = `${this.context.dossierId}/apology/1`;
    const proposedDueAt = calendar.addWorking(Math.max(now, legalDueAt), { amount: Math.max(1, Math.ceil(needed / workingDayMs)), unit: 'working-days' });
    this.taskId = taskId;
    record.putTask({
      taskId,
      elementId: node.id,
      name: `Phiếu xin lỗi và hẹn lại ngày trả kết quả (${lateTask.name})`,
      kind: 'apology',
      agencyId: lateTask.agencyId,
      status: 'open',
      candidateRole: node.escalation?.target ?? 'supervisor',
      candidateUnit: lateTask.candidateUnit,
      form: apologyForm,
      outcomes: [],
      data: { proposedDueAt, lateTaskId: lateTask.taskId, legalDueAt },
      createdAt: now,
      // The law's latest moment for the letter; when it has passed already, the task is late from the start.
      dueAt: calendar.subtractWorkingDays(legalDueAt, 1),
      overdue: false,
      escalationLevel: 0,
    });
    record.audit('apology-task-opened', {
      rule: 'overdueActions=apology-letter',
      target: { kind: 'task', id: taskId },
      details: { lateTaskId: lateTask.taskId, legalDueAt, proposedDueAt },
    });
    record.notify('apology-task-opened', { roles: [node.escalation?.target ?? 'supervisor'], units: lateTask.candidateUnit ? [lateTask.candidateUnit] : [] }, { taskId });
  }

  /** The end of the working day chosen as the new appointment, or why it cannot be one. */
  newAppointment(formData: Variables): { dueAt: number } | { problem: string } {
    const date = formData.newAppointment;
    if (typeof date !== 'string') return { problem: 'newAppointment: required' };
    const calendar = this.context.clock.calendar;
    let day;
    try {
      day = calendar.day(date);
    } catch (error) {
      return { problem: `newAppointment: ${(error as Error).message}` };
    }
    const lastSession = day.sessions[day.sessions.length - 1];
    if (!lastSession) return { problem: `newAppointment: ${date} is not a working day` };
    const dueAt = calendar.parseInstant(`${date}T${lastSession.end}`);
    const refusal = this.context.clock.extensionRefusal(dueAt);
    return refusal ? { problem: `newAppointment: ${refusal}` } : { dueAt };
  }

  /** The supervisor issued the letter: the appointment moves, the citizen is told. */
  issue(task: TaskState, actor: Actor, formData: Variables): void {
    const { record, clock } = this.context;
    const appointment = this.newAppointment(formData);
    if ('problem' in appointment) throw new Error(appointment.problem);
    clock.extend(appointment.dueAt);
    record.factsChanged({ dueAtMoved: true });
    record.audit('apology-issued', {
      actor,
      target: { kind: 'task', id: task.taskId },
      details: { newDueAt: appointment.dueAt, reason: String(formData.reason) },
    });
    record.notify('apology-letter', { citizen: true }, { newDueAt: appointment.dueAt, reason: String(formData.reason) });
  }
}
