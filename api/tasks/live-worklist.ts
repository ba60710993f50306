import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { logEnd, logEntryAt, logHead, type ConsecutiveLog } from '../../store/consecutive-log/consecutive-log.js';
import { readSnapshot, writeSnapshot } from '../../store/snapshots/snapshot-model.js';
import type { Store } from '../../store/store.js';
import { taskChangeFeed, taskChangeRetention, type TaskChangeDocument } from '../../store/tasks/task-change-model.js';
import { activeTaskStatuses, comparePositions, isOpenWork, positionOf, type WorklistSelection, type WorklistTask } from './worklist-query.js';
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
 * Announcements between two snapshots of the open tasks: a process that starts catches up on at most
 * about this many after reading one (about 2 ms each on FerretDB), far fewer than are kept, so it
 * finds them all; a snapshot of 100,000 open tasks takes about 1.3 s to write.
 */
export const worklistSnapshotEvery = 2_000;
const snapshotName = 'worklist';

/** The snapshot's shape: the task's stored fields and those the worklist leaves out, so a field added since is never missing. */
function snapshotFormat(tasks: Store['tasks']): string {
  return createHash('sha256')
    .update(JSON.stringify([Object.keys(tasks.schema.paths).sort(), listed]))
    .digest('base64url')
    .slice(0, 16);
}

/**
 * The open tasks, held in memory and kept up to date from the task-change announcements the
 * projection writes: loaded on first use, and before every page brought up to the announcements
 * made until then, so a page is as fresh as a query would be. The load reads the latest snapshot of
 * the open tasks and the announcements after it; without one (or too old), it reads the open tasks
 * from the store, which FerretDB finds only by reading every task. Every few thousand announcements
 * one process writes a new snapshot.
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
  private readonly format: string;
  /** The position of the latest snapshot this process read or wrote; undefined after loading from the store, so one is written then. */
  private snapshotPosition: number | undefined;
  private snapshotting: Promise<void> | undefined;

  constructor(
    private readonly store: Pick<Store, 'tasks' | 'taskChanges' | 'counters' | 'dossiers' | 'snapshots' | 'snapshotClaims'>,
    private readonly logger: Logger,
    /** Told of every task an announcement brought in, whichever process wrote it (the event streams relay it). */
    private readonly onTaskChanged?: (task: WorklistTask) => void,
    private readonly snapshotEvery = worklistSnapshotEvery,
  ) {
    if (snapshotEvery >= taskChangeRetention) throw new Error('worklist snapshots must be closer together than the task-change announcements kept');
    this.feed = taskChangeFeed(store);
    this.format = snapshotFormat(store.tasks);
  }

  /** The snapshot being written, if any (so a caller that stops can let it finish). */
  get snapshotWritten(): Promise<void> {
    return this.snapshotting ?? Promise.resolve();
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

  /** Reads the open tasks from the store; every change made meanwhile is announced after the position taken first. */
  private async load(): Promise<void> {
    const started = Date.now();
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
    this.install(index, position);
    this.snapshotPosition = undefined;
    this.logger.info({ tasks: index.size, ms: Date.now() - started }, 'worklist loaded');
  }

  /** Reads the latest snapshot instead, when one is kept; answers whether it did. */
  private async loadSnapshot(): Promise<boolean> {
    const started = Date.now();
    const snapshot = await readSnapshot<WorklistTask>(this.store, snapshotName, this.format);
    if (!snapshot) return false;
    const index = new WorklistIndex();
    for (const task of snapshot.items) index.put(task);
    this.install(index, snapshot.position);
    this.snapshotPosition = snapshot.position;
    this.logger.info({ tasks: index.size, position: snapshot.position, ms: Date.now() - started }, 'worklist loaded from its snapshot');
    return true;
  }

  private install(index: WorklistIndex, position: number): void {
    for (const taskId of this.closedAhead) index.delete(taskId);
    this.index = index;
    this.position = position;
    this.calendars.clear();
  }

  private async catchUp(): Promise<void> {
    if (this.position === undefined && !(await this.loadSnapshot())) await this.load();
    for (;;) {
      const changes = await this.announcementsAfter(this.position!);
      if (changes === 'pruned') {
        this.logger.warn({ position: this.position }, 'worklist fell behind the task-change announcements kept; loading again');
        await this.load();
        continue;
      }
      if (changes.length === 0) break;
      await this.apply(changes);
      this.position = changes.at(-1)!.position;
    }
    if (this.snapshotPosition === undefined || this.position! - this.snapshotPosition >= this.snapshotEvery) this.snapshot();
  }

  /**
   * Writes the open tasks as of now in the background, in worklist order (so a load appends to
   * each queue). The tasks held are replaced on change, never altered, so the copy stays as of now;
   * it is sorted after the page that asked for the catch-up has gone, not before.
   */
  private snapshot(): void {
    if (this.snapshotting) return;
    const position = this.position!;
    const items = [...this.index.all()];
    this.snapshotPosition = position;
    this.snapshotting = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => writeSnapshot(this.store, snapshotName, this.format, { position, items: items.sort((a, b) => comparePositions(positionOf(a), positionOf(b))) }, this.snapshotEvery))
      .then((written) => {
        if (written) this.logger.info({ tasks: items.length, position }, 'worklist snapshot written');
      })
      .catch((error: unknown) => this.logger.warn({ err: error, position }, 'worklist snapshot not written; the next round tries again'))
      .finally(() => (this.snapshotting = undefined));
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
