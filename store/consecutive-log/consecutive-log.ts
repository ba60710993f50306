import type { Model } from 'mongoose';
import { isDuplicateKey } from '../duplicate-key.js';

/** A document of the `counters` collection: a log's head, or a counter, with the last value taken. */
export interface CounterDocument {
  _id: string;
  value: number;
}

/**
 * An append-only log whose entries have consecutive positions 1, 2, 3… encoded in their `_id`, so
 * every read and write goes by `_id` alone — the one lookup every store answers from an index
 * (FerretDB's SQLite backend scans the collection for any other filter). A position is taken by
 * inserting its `_id`, so two writers cannot take the same one and the log has no holes.
 */
export interface ConsecutiveLog<T extends { _id: string }> {
  entries: Model<T>;
  counters: Model<CounterDocument>;
  /** The counter that remembers (at least nearly) the last position. */
  headId: string;
  entryId(position: number): string;
}

/** The `_id` of position `position` in the log called `name`: `<name>#<position, zero-padded to 8>`. */
export function positionedId(name: string, position: number): string {
  return `${name}#${String(position).padStart(8, '0')}`;
}

export interface LogEnd<T> {
  position: number;
  /** The entry at `position`; null for an empty log. */
  entry: T | null;
}

/**
 * The entry at `position`, or null when it is not written yet (or was pruned). Read through the
 * driver: these lookups run before every worklist page, and mongoose would add nothing to them.
 */
export async function logEntryAt<T extends { _id: string }>(log: ConsecutiveLog<T>, position: number): Promise<T | null> {
  return position < 1 ? null : ((await log.entries.collection.findOne({ _id: log.entryId(position) } as never)) as T | null);
}

/** Walks the consecutive entries on from a known position to the last one. */
async function walkToEnd<T extends { _id: string }>(log: ConsecutiveLog<T>, from: LogEnd<T>): Promise<LogEnd<T>> {
  let end = from;
  for (;;) {
    const next = await logEntryAt(log, end.position + 1);
    if (!next) return end;
    end = { position: end.position + 1, entry: next };
  }
}

/** The last position recorded by the head counter (0 for a new log); the log may already be further on. */
export async function logHead<T extends { _id: string }>(log: ConsecutiveLog<T>): Promise<number> {
  return ((await log.counters.collection.findOne({ _id: log.headId } as never)) as CounterDocument | null)?.value ?? 0;
}

/**
 * The log's last entry: the head counter, then the consecutive ids on, since a writer that stopped
 * between its insert and moving the head leaves the head behind. A head pointing at a pruned
 * entry still gives the right position.
 */
export async function logEnd<T extends { _id: string }>(log: ConsecutiveLog<T>): Promise<LogEnd<T>> {
  const position = await logHead(log);
  return walkToEnd(log, { position, entry: await logEntryAt(log, position) });
}

/**
 * Moves the head up to `position` and answers where it was (0 for a new log); two first writers may
 * race to create it. Only a hint: FerretDB's `$max` is not atomic, so concurrent writers may leave it
 * behind, and readers walk on from it.
 */
async function moveHead<T extends { _id: string }>(log: ConsecutiveLog<T>, position: number): Promise<number> {
  const move = () => log.counters.findOneAndUpdate({ _id: log.headId }, { $max: { value: position } }, { upsert: true, new: false }).lean();
  try {
    return (await move())?.value ?? 0;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    return (await move())?.value ?? 0;
  }
}

type Build<T> = (position: number, previous: T | null) => T;

/**
 * Inserts the entry `build` makes for the position after `end` (it sees the entry before, e.g. to
 * chain a hash). When another writer took that position first, walks on and builds it again.
 */
async function insertNext<T extends { _id: string }>(log: ConsecutiveLog<T>, build: Build<T>, end: LogEnd<T>, maxAttempts = 50): Promise<LogEnd<T>> {
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const entry = build(end.position + 1, end.entry);
    try {
      await log.entries.create(entry);
      return { position: end.position + 1, entry };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      end = await walkToEnd(log, end);
    }
  }
  throw new Error(`log ${log.headId}: could not append after ${maxAttempts} attempts`);
}

/** Appends the entry `build` makes for the next position, after looking for the log's end. */
export async function appendToLog<T extends { _id: string }>(log: ConsecutiveLog<T>, build: Build<T>): Promise<T> {
  const appended = await insertNext(log, build, await logEnd(log));
  await moveHead(log, appended.position);
  return appended.entry!;
}

/**
 * Appends to a busy log from one process: it remembers where the log ended and lets one insert at a
 * time through, so an append is one insert (and the head's move) instead of a look for the end and
 * a race with the process's other appends. Another process's entries show as taken positions and
 * are walked past. For a log that drops its old entries (`kept` of them stay), a writer that stayed
 * idle while others appended that many would find a dropped position free: the head, as its move
 * answers, tells it, and it takes its entry back and appends at the end.
 */
export class LogWriter<T extends { _id: string }> {
  private end: Promise<LogEnd<T>> | undefined;

  constructor(
    private readonly log: ConsecutiveLog<T>,
    private readonly kept = Infinity,
  ) {}

  async append(build: Build<T>): Promise<LogEnd<T>> {
    for (;;) {
      const appended = (this.end ?? logEnd(this.log)).then((known) => insertNext(this.log, build, known));
      // The next append starts from this one's position, or looks for the end again if it failed.
      this.end = appended.catch(() => logEnd(this.log));
      const { position, entry } = await appended;
      const headBefore = await moveHead(this.log, position);
      if (headBefore - position < this.kept) return { position, entry };
      await this.log.entries.deleteOne({ _id: entry!._id });
      this.end = logEnd(this.log);
    }
  }
}
