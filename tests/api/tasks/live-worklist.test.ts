import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createProjectionActivities } from '../../../activities/projection/project-dossier.js';
import type { ProjectionWrite, TaskProjection } from '../../../activities/projection/projection-write.js';
import type { Principal } from '../../../api/auth/principal.js';
import { LiveWorklist } from '../../../api/tasks/live-worklist.js';
import { worklistQuerySchema, worklistSelection } from '../../../api/tasks/worklist-query.js';
import { createStore, type Store } from '../../../store/store.js';
import { taskChangeAnnouncer, taskChangeFeed } from '../../../store/tasks/task-change-model.js';
import { logEnd } from '../../../store/consecutive-log/consecutive-log.js';
import { connectTestStore } from '../../support/store.js';

const lan = { id: 'lan', name: 'Lan', roles: ['officer'], positions: ['chuyen-vien'], units: ['kinh-te'] } as unknown as Principal;
const unitQueue = worklistSelection(lan, worklistQuerySchema.parse({ view: 'unit' }), Date.now());
const logger = pino({ level: 'silent' });

function step(dossierId: string, fields: Partial<TaskProjection> = {}): TaskProjection {
  return {
    taskId: `${dossierId}/Task_ThamDinh/1`,
    elementId: 'Task_ThamDinh',
    name: 'Thẩm định',
    kind: 'step',
    candidateRole: 'chuyen-vien',
    candidateUnit: 'kinh-te',
    status: 'open',
    createdAt: Date.now(),
    dueAt: Date.now() + 86_400_000,
    overdue: false,
    agencyId: 'ubnd-xa',
    form: [],
    outcomes: [],
    escalationLevel: 0,
    ...fields,
  } as TaskProjection;
}

function write(dossierId: string, sequence: number, tasks: TaskProjection[]): ProjectionWrite {
  return { dossierId, procedureCode: 'ho-kinh-doanh', agencyId: 'ubnd-xa', sequence, tasks, audit: [], notifications: [] };
}

describe('the worklist held in memory', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let project: (write: ProjectionWrite) => Promise<void>;
  const listed = async (worklist: LiveWorklist) => (await worklist.select(unitQueue, 100)).map(({ task }) => task._id);

  beforeAll(async () => {
    const testStore = await connectTestStore();
    dispose = testStore.dispose;
    store = createStore(testStore.connection);
    await store.ensureIndexes();
    project = createProjectionActivities(store).projectDossier;
  });
  afterAll(() => dispose?.());

  it('loads the open tasks the store holds, and then every change the projection announces', async () => {
    await project(write('A', 1, [step('A')]));
    await project(write('B', 1, [step('B', { status: 'completed', completedAt: Date.now() })]));
    const worklist = new LiveWorklist(store, logger);
    expect(await listed(worklist)).toEqual(['A/Task_ThamDinh/1']);

    await project(write('C', 1, [step('C', { dueAt: Date.now() + 3_600_000 })]));
    await project(write('A', 2, [step('A', { status: 'completed' })]));
    expect(await listed(worklist)).toEqual(['C/Task_ThamDinh/1']);
    const end = await logEnd(taskChangeFeed(store));
    expect(end.entry).toMatchObject({ position: end.position, dossierId: 'A', taskIds: ['A/Task_ThamDinh/1'] });
  });

  it('takes a task as the store holds it, whatever the announcement it came by', async () => {
    const worklist = new LiveWorklist(store, logger);
    await worklist.refresh();
    await project(write('D', 2, [step('D', { status: 'claimed', assignee: 'lan' })]));
    // A late retry of an older write loses in the store; its announcement must not reopen the task.
    await project(write('D', 1, [step('D')]));
    expect(await listed(worklist)).not.toContain('D/Task_ThamDinh/1');
    const mine = await worklist.select(worklistSelection(lan, worklistQuerySchema.parse({ view: 'mine' }), Date.now()), 10);
    expect(mine.map(({ task }) => [task._id, task.status])).toEqual([['D/Task_ThamDinh/1', 'claimed']]);
  });

  it('gives each task its dossier’s pinned calendar, and reads it again when the dossier’s tasks change', async () => {
    await store.dossiers.collection.insertOne({ _id: 'E', calendarId: 'vn-national', calendarHash: 'h1' } as never);
    await project(write('E', 1, [step('E')]));
    const worklist = new LiveWorklist(store, logger);
    const calendarOfE = async () => (await worklist.select(unitQueue, 100)).find(({ task }) => task.dossierId === 'E')?.calendar;
    expect(await calendarOfE()).toEqual({ id: 'vn-national', hash: 'h1' });
    await store.dossiers.collection.updateOne({ _id: 'E' } as never, { $set: { calendarHash: 'h2' } });
    await project(write('E', 2, [step('E', { dueAt: Date.now() + 2 * 86_400_000 })]));
    expect(await calendarOfE()).toEqual({ id: 'vn-national', hash: 'h2' });
  });

  it('serves pages asked for at once from one catch-up, each as fresh as when it was asked', async () => {
    const worklist = new LiveWorklist(store, logger);
    await worklist.refresh();
    const asked = Array.from({ length: 10 }, (_, n) => project(write(`F${n}`, 1, [step(`F${n}`)])).then(() => listed(worklist)));
    const pages = await Promise.all(asked);
    pages.forEach((page, n) => expect(page).toContain(`F${n}/Task_ThamDinh/1`));
  });

  it('leaves out a task answered as closed until the store shows it closed, across a load too', async () => {
    await project(write('H', 1, [step('H')]));
    const worklist = new LiveWorklist(store, logger);
    expect(await listed(worklist)).toContain('H/Task_ThamDinh/1');
    worklist.taskClosed('H/Task_ThamDinh/1');
    expect(await listed(worklist)).not.toContain('H/Task_ThamDinh/1');
    // The write before the completion (a claim) lands after the answer: it must not bring the task back.
    await project(write('H', 2, [step('H', { status: 'claimed', assignee: 'lan' })]));
    expect(await listed(worklist)).not.toContain('H/Task_ThamDinh/1');
    const loadedMeanwhile = new LiveWorklist(store, logger);
    loadedMeanwhile.taskClosed('H/Task_ThamDinh/1');
    expect(await listed(loadedMeanwhile)).not.toContain('H/Task_ThamDinh/1');

    await project(write('H', 3, [step('H', { status: 'completed', completedAt: Date.now() })]));
    expect(await listed(worklist)).not.toContain('H/Task_ThamDinh/1');
  });

  it('starts from the latest snapshot and the announcements after it, without reading the tasks', async () => {
    const writer = new LiveWorklist(store, logger, undefined, 3);
    await project(write('S1', 1, [step('S1')]));
    await writer.refresh();
    await writer.snapshotWritten;
    // Written without announcing: a load from the store would find it, one from the snapshot does not.
    await store.tasks.collection.insertOne({ ...step('S0'), _id: 'S0/Task_ThamDinh/1', dossierId: 'S0', procedureCode: 'ho-kinh-doanh', createdAt: new Date(), dueAt: new Date(Date.now() + 3_600_000), sequence: 1 } as never);
    await project(write('S2', 1, [step('S2')]));
    await project(write('S1', 2, [step('S1', { status: 'completed', completedAt: Date.now() })]));

    const reads = vi.spyOn(store.tasks, 'find');
    const restarted = new LiveWorklist(store, logger, undefined, 3);
    const page = await listed(restarted);
    expect(reads).not.toHaveBeenCalled();
    reads.mockRestore();
    expect(page).toContain('S2/Task_ThamDinh/1');
    expect(page).not.toContain('S1/Task_ThamDinh/1');
    expect(page).not.toContain('S0/Task_ThamDinh/1');
    expect(page.filter((taskId) => taskId !== 'S0/Task_ThamDinh/1')).toEqual(await listed(writer));
  });

  it('loads again when it fell behind the announcements kept', async () => {
    const worklist = new LiveWorklist(store, logger);
    await worklist.refresh();
    // Written without announcing, as the bench seeds: only a load finds it.
    await store.tasks.collection.insertOne({ ...step('G'), _id: 'G/Task_ThamDinh/1', dossierId: 'G', procedureCode: 'ho-kinh-doanh', createdAt: new Date(), dueAt: new Date(Date.now() + 3_600_000), sequence: 1 } as never);
    const { position } = await logEnd(taskChangeFeed(store));
    const announce = taskChangeAnnouncer(store, 2);
    for (let n = 0; n < 4; n++) await announce({ dossierId: 'nothing', taskIds: [] });
    expect(await store.taskChanges.findById(taskChangeFeed(store).entryId(position + 1)).lean()).toBeNull();
    // The head is checked at most once a second.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await listed(worklist)).toContain('G/Task_ThamDinh/1');
  });
});
