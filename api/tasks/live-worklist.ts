import type { Logger } from 'pino';
import { logEnd, logEntryAt, logHead, type ConsecutiveLog } from '../../store/consecutive-log/consecutive-log.js';
import type { Store } from '../../store/store.js';
import { taskChangeFeed, type TaskChangeDocument } from '../../store/tasks/task-change-model.js';
import { activeTaskStatuses, isOpenWork, type WorklistSelection, type WorklistTask } from './worklist-query.js';
import { WorklistIndex } from './worklist-index.js';

/** The pinned calendar a worklist item shows, for counting working time left. */
export interface PinnedCalendar {
  id: string;
  hash: string;
}

const listed = { form: 0, outcomes: 0, data: 0 } as const;
/** Announcements read at once while catching up (by `_id`, in parallel). */
const readAhead = 16;
/** How often a reader that found nothing new checks that it has not fallen behind the announcements kept. */
const headCheckMs = 1_000;
/** Dossiers whose calendars are remembered before the memory starts again. */
const calendarMemory = 100_000;

/**
 * The open tasks, held in memory and kept up to date from the task-change announcements the
 * projection writes: loaded from the store on first use, and before every page brought up to the
 * announcements made until then, so a page is as fresh as a query would be. Falls back to loading
 * again when it fell behind the announcements kept.
 */
export class LiveWorklist {
  private index = new WorklistIndex();
  /** The last announcement applied; undefined until loaded. */
  private position: number | undefined;
  private readonly calendars = new Map<string, PinnedCalendar | null>();
  /** Tasks answered as closed here whose store write has not come in yet: kept out meanwhile. */
  private readonly closedAhead = new Set<string>();
  private running: Promise<void> | undefined;
  private queued: Promise<void> | undefined;
  private headCheckedAt = 0;
  private readonly feed: ConsecutiveLog<TaskChangeDocument>;

  constructor(
    private readonly store: Pick<Store, 'tasks' | 'taskChanges' | 'counters' | 'dossiers'>,
    private readonly logger: Logger,
    /** Told of every task an announcement brought in, whichever process wrote it (the event streams relay it). */
    private readonly onTaskChanged?: (task: WorklistTask) => void,
  ) {
    this.feed = taskChangeFeed(store);
  }

  /** Up to `count` tasks of a selection, as the store holds them now, with their dossiers' calendars. */
  async select(selection: WorklistSelection, count: number): Promise<Array<{ task: WorklistTask; calendar: PinnedCalendar | null }>> {
    await this.refresh();
    const tasks = this.index.select(selection, count);
    const calendars = await Promise.all(tasks.map((task) => this.calendarOf(task.dossierId)));
    return tasks.map((task, at) => ({ task, calendar: calendars[at]! }));
  }

  /**
   * A task the workflow answered as closed: it leaves at once, though the store shows it closed only
   * after the write that follows the answer, so the officer's next page no longer lists it. A closed
   * task never opens again (a step's next run is a task of its own), so nothing is lost meanwhile.
   */
  taskClosed(taskId: string): void {
    this.closedAhead.add(taskId);
    this.index.delete(taskId);
  }

  /** Takes a task as the store has it, unless it is the earlier version of a task answered as closed. */
  private take(task: WorklistTask): void {
    if (!this.closedAhead.has(task._id)) this.index.put(task);
    else if (!isOpenWork(task.status)) this.closedAhead.delete(task._id);
  }

  /**
   * Brings the index up to every announcement made before the call. Calls that arrive while a
   * catch-up runs share the one that starts after it, so concurrent pages cost one catch-up each round.
   */
  refresh(): Promise<void> {
    if (!this.running) {
      this.running = this.catchUp().finally(() => (this.running = undefined));
      return this.running;
    }
    const next = () => {
      this.queued = undefined;
      return this.refresh();
    };
    this.queued ??= this.running.then(next, next);
    return this.queued;
  }

  private async load(): Promise<void> {
    const started = Date.now();
    // The position first: whatever changes during the load is announced after it and applied next.
    const { position } = await logEnd(this.feed);
    const index = new WorklistIndex();
    const open = this.store.tasks.find({ status: { $in: activeTaskStatuses } }, listed).lean<WorklistTask[]>().cursor({ batchSize: 2_000 });
    const closedBefore = new Set(this.closedAhead);
    for await (const task of open) {
      index.put(task as WorklistTask);
      closedBefore.delete(task._id);
    }
    // Answered as closed before the load and not read as open: their writes have come in.
    for (const taskId of closedBefore) this.closedAhead.delete(taskId);
    for (const taskId of this.closedAhead) index.delete(taskId);
    this.index = index;
    this.position = position;
    this.calendars.clear();
    this.logger.info({ tasks: index.size, ms: Date.now() - started }, 'worklist loaded');
  }

  private async catchUp(): Promise<void> {
    if (this.position === undefined) await this.load();
    for (;;) {
      const changes = await this.announcementsAfter(this.position!);
      if (changes === 'pruned') {
        this.logger.warn({ position: this.position }, 'worklist fell behind the task-change announcements kept; loading again');
        await this.load();
        continue;
      }
      if (changes.length === 0) return;
      await this.apply(changes);
      this.position = changes.at(-1)!.position;
    }
  }

  /** The consecutive announcements after `position` (a window of them), or 'pruned' if the next one is gone. */
  private async announcementsAfter(position: number): Promise<TaskChangeDocument[] | 'pruned'> {
    const first = await logEntryAt(this.feed, position + 1);
    if (!first) {
      // Missing though the head has passed it: taken away (unless written just after the first look).
      // Only a reader idle for long can be that far behind, so the head is read at most once a second.
      if (Date.now() - this.headCheckedAt < headCheckMs) return [];
      this.headCheckedAt = Date.now();
      if ((await logHead(this.feed)) <= position || (await logEntryAt(this.feed, position + 1))) return [];
      return 'pruned';
    }
    const window = await Promise.all(Array.from({ length: readAhead }, (_, offset) => logEntryAt(this.feed, position + 2 + offset)));
    const gap = window.indexOf(null);
    return [first, ...(gap === -1 ? window : window.slice(0, gap))] as TaskChangeDocument[];
  }

  private async apply(changes: TaskChangeDocument[]): Promise<void> {
    const taskIds = [...new Set(changes.flatMap((change) => change.taskIds))];
    for (const change of changes) this.calendars.delete(change.dossierId);
    const tasks = await Promise.all(taskIds.map((taskId) => this.store.tasks.findById(taskId, listed).lean<WorklistTask>()));
    taskIds.forEach((taskId, at) => {
      const task = tasks[at];
      if (task) {
        this.take(task);
        this.onTaskChanged?.(task);
      } else this.index.delete(taskId);
    });
  }

  private async calendarOf(dossierId: string): Promise<PinnedCalendar | null> {
    const known = this.calendars.get(dossierId);
    if (known !== undefined) return known;
    const dossier = await this.store.dossiers.findById(dossierId, { calendarId: 1, calendarHash: 1 }).lean();
    const calendar = dossier?.calendarId && dossier.calendarHash ? { id: dossier.calendarId, hash: dossier.calendarHash } : null;
    if (this.calendars.size >= calendarMemory) this.calendars.clear();
    this.calendars.set(dossierId, calendar);
    return calendar;
  }
}
