import { Schema, type Connection, type Model } from 'mongoose';
import type { CounterDocument } from '../counters/counter-model.js';
import { LogWriter, positionedId, type ConsecutiveLog } from '../consecutive-log/consecutive-log.js';

/**
 * One write of a dossier's tasks, announced in order so that a worklist held in memory can follow
 * the store without querying it: readers fetch the named tasks by `_id` and take what they find.
 */
export interface TaskChangeDocument {
  /** `task-changes#<position, zero-padded>`. */
  _id: string;
  position: number;
  dossierId: string;
  taskIds: string[];
  at: Date;
}

const taskChangeSchema = new Schema<TaskChangeDocument>(
  {
    _id: { type: String, required: true },
    position: { type: Number, required: true },
    dossierId: { type: String, required: true },
    taskIds: { type: [String], default: [] },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);

export function taskChangeModel(connection: Connection): Model<TaskChangeDocument> {
  return connection.models.TaskChange ?? connection.model<TaskChangeDocument>('TaskChange', taskChangeSchema, 'taskChanges');
}

/** How many announcements are kept; a reader further behind than this rebuilds from the tasks. */
export const taskChangeRetention = 100_000;

export function taskChangeFeed(store: { taskChanges: Model<TaskChangeDocument>; counters: Model<CounterDocument> }): ConsecutiveLog<TaskChangeDocument> {
  return { entries: store.taskChanges, counters: store.counters, headId: 'task-changes-head', entryId: (position) => positionedId('task-changes', position) };
}

/**
 * What announces, from one process, that a dossier's tasks were written; it drops the announcement
 * that fell out of the retention window (no TTL index on FerretDB).
 */
export function taskChangeAnnouncer(store: Parameters<typeof taskChangeFeed>[0], retention = taskChangeRetention) {
  const feed = taskChangeFeed(store);
  const writer = new LogWriter(feed, retention);
  return async (change: { dossierId: string; taskIds: string[] }): Promise<void> => {
    const { position } = await writer.append((next) => ({ _id: feed.entryId(next), position: next, ...change, at: new Date() }));
    if (position > retention) await store.taskChanges.deleteOne({ _id: feed.entryId(position - retention) });
  };
}
