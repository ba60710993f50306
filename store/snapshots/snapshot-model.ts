import { randomUUID } from 'node:crypto';
import { BSON, Binary } from 'mongodb';
import { Schema, type Connection, type Model } from 'mongoose';
import { takeClaim, type Claims } from '../claims/claims.js';
import { isDuplicateKey } from '../duplicate-key.js';

/**
 * A state held in memory, kept in the store as of a position of the log it follows, so a process
 * that starts reads a few large documents by `_id` and catches up from that position instead of
 * rebuilding from every document (FerretDB's SQLite backend answers no other filter from an index).
 * The items go in chunks of BSON, which keeps their types (dates stay dates) and costs the store one
 * value per chunk. A pointer document names the current chunks; a write makes new ones, moves the
 * pointer, then drops the old, so a reader never sees a half-written snapshot. The pointer also names
 * the chunks a write has begun: if its process stops before moving the pointer, the next write drops them.
 */
export interface SnapshotDocument {
  /** The pointer: the snapshot's name. A chunk: `<name>@<generation>#<n>`. */
  _id: string;
  position?: number;
  generation?: string;
  chunks?: number;
  /** What the items' shape was when written; a snapshot of another shape is not read. */
  format?: string;
  at?: Date;
  /** On the pointer: the chunks a write has begun, so that if it never finishes the next one drops them. */
  pending?: { generation: string; chunks: number };
  data?: Buffer;
}

const snapshotSchema = new Schema<SnapshotDocument>(
  {
    _id: { type: String, required: true },
    position: Number,
    generation: String,
    chunks: Number,
    format: String,
    at: Date,
    pending: { generation: String, chunks: Number },
    data: Buffer,
  },
  { versionKey: false },
);

export function snapshotModel(connection: Connection): Model<SnapshotDocument> {
  return connection.models.Snapshot ?? connection.model<SnapshotDocument>('Snapshot', snapshotSchema, 'snapshots');
}

export interface Snapshot<T> {
  position: number;
  items: T[];
}

export interface SnapshotStore {
  snapshots: Model<SnapshotDocument>;
  snapshotClaims: Claims;
}

/** Items per chunk: well under the 16 MiB a document may hold, for items of a few hundred bytes. */
const chunkItems = 2_000;
/** Chunks read or written at once. */
const parallelChunks = 4;

const chunkId = (name: string, generation: string, chunk: number) => `${name}@${generation}#${chunk}`;

async function inParallel(count: number, work: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < count) await work(next++);
  };
  await Promise.all(Array.from({ length: Math.min(parallelChunks, count) }, lane));
}

/**
 * The snapshot called `name` if one of this `format` is kept, else undefined. Read through the
 * driver: the chunks' bytes go straight to BSON. A chunk dropped while it is read (a newer snapshot
 * replaced it) makes it read the pointer once more.
 */
export async function readSnapshot<T>(store: SnapshotStore, name: string, format: string): Promise<Snapshot<T> | undefined> {
  const collection = store.snapshots.collection;
  for (let attempt = 0; attempt < 2; attempt++) {
    const pointer = (await collection.findOne({ _id: name } as never)) as SnapshotDocument | null;
    if (!pointer || pointer.format !== format || pointer.generation === undefined || pointer.position === undefined) return undefined;
    const parts: T[][] = new Array(pointer.chunks ?? 0);
    let complete = true;
    await inParallel(parts.length, async (index) => {
      const chunk = (await collection.findOne({ _id: chunkId(name, pointer.generation!, index) } as never)) as { data?: Binary } | null;
      if (!chunk?.data) complete = false;
      else parts[index] = (BSON.deserialize(chunk.data.buffer) as { items: T[] }).items;
    });
    if (complete) return { position: pointer.position, items: parts.flat() };
  }
  return undefined;
}

/**
 * Keeps `snapshot` as the one called `name`, unless one at least as far on is kept, or another writer
 * took its round: positions are grouped in rounds of `every`, and one writer (the one that claims the
 * round) writes each. Answers whether it was written. Two rounds written at once (a write slower
 * than `every` announcements) may leave the earlier one's chunks behind, unread.
 */
export async function writeSnapshot<T>(store: SnapshotStore, name: string, format: string, snapshot: Snapshot<T>, every: number): Promise<boolean> {
  const collection = store.snapshots.collection;
  if (!(await takeClaim(store.snapshotClaims, `${name}/${format}#${Math.floor(snapshot.position / every)}`))) return false;
  const previous = (await collection.findOne({ _id: name } as never)) as SnapshotDocument | null;
  if (previous?.position !== undefined && previous.position >= snapshot.position && previous.format === format) return false;
  const generation = `${snapshot.position}-${randomUUID().slice(0, 8)}`;
  const chunks = Math.max(1, Math.ceil(snapshot.items.length / chunkItems));
  await collection.updateOne({ _id: name } as never, { $set: { pending: { generation, chunks } } }, { upsert: true });
  await inParallel(chunks, async (index) => {
    const items = snapshot.items.slice(index * chunkItems, (index + 1) * chunkItems);
    await collection.insertOne({ _id: chunkId(name, generation, index), data: new Binary(BSON.serialize({ items })) } as never);
  });
  const pointer = { position: snapshot.position, generation, chunks, format, at: new Date() };
  const movePointer = () => collection.replaceOne({ _id: name } as never, pointer, { upsert: true });
  try {
    await movePointer();
  } catch (error) {
    // Two first writers may race to create the pointer.
    if (!isDuplicateKey(error)) throw error;
    await movePointer();
  }
  // The snapshot replaced, and the chunks of a write that stopped before moving the pointer.
  await dropChunks(store, name, previous?.generation, previous?.chunks);
  await dropChunks(store, name, previous?.pending?.generation, previous?.pending?.chunks);
  return true;
}

async function dropChunks(store: SnapshotStore, name: string, generation: string | undefined, chunks = 0): Promise<void> {
  if (generation === undefined) return;
  await inParallel(chunks, async (index) => {
    await store.snapshots.collection.deleteOne({ _id: chunkId(name, generation, index) } as never);
  });
}
