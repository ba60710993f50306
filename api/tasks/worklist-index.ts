import { comparePositions, isOpenWork, positionOf, type WorklistPosition, type WorklistSelection, type WorklistTask } from './worklist-query.js';

/** One queue's tasks in worklist order. */
class OrderedTasks {
  readonly tasks: WorklistTask[] = [];

  /** The index of the first task after `position`. */
  firstAfter(position: WorklistPosition): number {
    let low = 0;
    let high = this.tasks.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (comparePositions(positionOf(this.tasks[middle]!), position) <= 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  add(task: WorklistTask): void {
    this.tasks.splice(this.firstAfter(positionOf(task)), 0, task);
  }

  remove(task: WorklistTask): void {
    const at = this.firstAfter(positionOf(task)) - 1;
    if (this.tasks[at]?._id === task._id) this.tasks.splice(at, 1);
  }
}

/**
 * The open tasks, held in memory and ordered per queue (each unit's, each assignee's), so a
 * worklist page is a walk from the cursor along the principal's few queues instead of a query over
 * every task the store keeps (FerretDB can answer that only by scanning them all).
 */
export class WorklistIndex {
  private readonly tasks = new Map<string, WorklistTask>();
  private readonly byUnit = new Map<string, OrderedTasks>();
  private readonly byAssignee = new Map<string, OrderedTasks>();

  get size(): number {
    return this.tasks.size;
  }

  private queuesOf(task: WorklistTask, create: boolean): OrderedTasks[] {
    const queues: OrderedTasks[] = [];
    const pick = (map: Map<string, OrderedTasks>, key: string | undefined) => {
      if (key === undefined) return;
      let queue = map.get(key);
      if (!queue && create) map.set(key, (queue = new OrderedTasks()));
      if (queue) queues.push(queue);
    };
    pick(this.byUnit, task.candidateUnit);
    pick(this.byAssignee, task.assignee);
    return queues;
  }

  /** Every task held, in no particular order. */
  all(): IterableIterator<WorklistTask> {
    return this.tasks.values();
  }

  /** Takes a task as the store now has it: an open one is (re)placed, a finished one leaves. */
  put(task: WorklistTask): void {
    this.delete(task._id);
    if (!isOpenWork(task.status)) return;
    this.tasks.set(task._id, task);
    for (const queue of this.queuesOf(task, true)) queue.add(task);
  }

  delete(taskId: string): void {
    const held = this.tasks.get(taskId);
    if (!held) return;
    this.tasks.delete(taskId);
    for (const queue of this.queuesOf(held, false)) queue.remove(held);
  }

  /** Up to `count` tasks the selection matches, in worklist order after its cursor. */
  select(selection: WorklistSelection, count: number): WorklistTask[] {
    const queues = [
      ...(selection.assignee === undefined ? [] : [this.byAssignee.get(selection.assignee)]),
      ...[...new Set(selection.units)].map((unit) => this.byUnit.get(unit)),
    ].filter((queue): queue is OrderedTasks => queue !== undefined);
    // Each queue gives at most `count` matches; the first `count` of them all, merged, are the page.
    const found = new Map<string, WorklistTask>();
    for (const queue of queues) {
      let taken = 0;
      for (let at = selection.after ? queue.firstAfter(selection.after) : 0; at < queue.tasks.length && taken < count; at++) {
        const task = queue.tasks[at]!;
        if (!selection.matches(task)) continue;
        taken += 1;
        found.set(task._id, task);
      }
    }
    return [...found.values()].sort((a, b) => comparePositions(positionOf(a), positionOf(b))).slice(0, count);
  }
}
