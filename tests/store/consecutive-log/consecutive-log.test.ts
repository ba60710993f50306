import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Schema, type Model } from 'mongoose';
import { counterModel } from '../../../store/counters/counter-model.js';
import { LogWriter, appendToLog, logEnd, positionedId, type ConsecutiveLog } from '../../../store/consecutive-log/consecutive-log.js';
import { connectTestStore } from '../../support/store.js';

interface Entry {
  _id: string;
  position: number;
  writer: string;
}

describe('consecutive logs', () => {
  let entries: Model<Entry>;
  let log: (name: string) => ConsecutiveLog<Entry>;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    const testStore = await connectTestStore();
    dispose = testStore.dispose;
    entries = testStore.connection.model<Entry>('LogEntry', new Schema<Entry>({ _id: String, position: Number, writer: String }, { versionKey: false }), 'logEntries');
    const counters = counterModel(testStore.connection);
    log = (name) => ({ entries, counters, headId: `${name}-head`, entryId: (position) => positionedId(name, position) });
  });
  afterAll(() => dispose?.());

  const positionsOf = async (name: string) => (await entries.find({ _id: { $regex: `^${name}#` } }).lean()).map((entry) => entry.position).sort((a, b) => a - b);

  it('gives concurrent appends from two processes’ writers and one-off appenders each a position of its own, with no gap', async () => {
    const [first, second] = [new LogWriter(log('busy')), new LogWriter(log('busy'))];
    const build = (writer: string) => (position: number) => ({ _id: log('busy').entryId(position), position, writer });
    const appended = await Promise.all(
      Array.from({ length: 45 }, (_, n) => (n % 3 === 0 ? first.append(build('first')) : n % 3 === 1 ? second.append(build('second')) : appendToLog(log('busy'), build('alone')).then((entry) => ({ position: entry.position })))),
    );
    const expected = Array.from({ length: 45 }, (_, n) => n + 1);
    expect(appended.map(({ position }) => position).sort((a, b) => a - b)).toEqual(expected);
    expect(await positionsOf('busy')).toEqual(expected);
    expect((await logEnd(log('busy'))).position).toBe(45);
  });

  it('goes on after an append that failed', async () => {
    const writer = new LogWriter(log('mended'));
    const build = (position: number) => ({ _id: log('mended').entryId(position), position, writer: 'w' });
    await writer.append(build);
    await expect(writer.append(() => { throw new Error('no entry'); })).rejects.toThrow('no entry');
    await expect(writer.append(build)).resolves.toMatchObject({ position: 2 });
    expect(await positionsOf('mended')).toEqual([1, 2]);
  });
  it('appends at the end, not in a dropped position, after staying idle while others appended more than the log keeps', async () => {
    const kept = 3;
    const [idle, busy] = [new LogWriter(log('pruned'), kept), new LogWriter(log('pruned'), kept)];
    const build = (writer: string) => (position: number) => ({ _id: log('pruned').entryId(position), position, writer });
    await idle.append(build('idle'));
    for (let n = 0; n < 6; n++) {
      const { position } = await busy.append(build('busy'));
      if (position > kept) await entries.deleteOne({ _id: log('pruned').entryId(position - kept) });
    }
    expect(await positionsOf('pruned')).toEqual([5, 6, 7]);
    await expect(idle.append(build('idle'))).resolves.toMatchObject({ position: 8 });
    expect(await positionsOf('pruned')).toEqual([5, 6, 7, 8]);
  });
});
