import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../api/auth/principal.js';
import { Problem } from '../../../api/http/problem.js';
import { encodeCursor } from '../../../api/http/schemas.js';
import { WorklistIndex } from '../../../api/tasks/worklist-index.js';
import { comparePositions, positionOf, worklistCursor, worklistQuerySchema, worklistSelection, type WorklistTask } from '../../../api/tasks/worklist-query.js';

const now = Date.parse('2026-03-02T03:00:00Z');
const hour = 3_600_000;

const lan: Principal = { id: 'lan', name: 'Lan', roles: ['officer'], positions: ['chuyen-vien'], units: ['kinh-te'] } as Principal;
const hung: Principal = { id: 'hung', name: 'Hùng', roles: ['officer', 'supervisor'], positions: ['truong-phong'], units: ['kinh-te', 'tu-phap'] } as Principal;

function task(id: string, fields: Partial<WorklistTask> = {}): WorklistTask {
  return {
    _id: id,
    dossierId: `D-${id}`,
    procedureCode: 'ho-kinh-doanh',
    agencyId: 'ubnd-xa',
    elementId: 'Task_ThamDinh',
    name: 'Thẩm định',
    kind: 'step',
    candidateRole: 'chuyen-vien',
    candidateUnit: 'kinh-te',
    status: 'open',
    createdAt: new Date(now - 10 * hour),
    dueAt: new Date(now + 5 * hour),
    overdue: false,
    escalationLevel: 0,
    sequence: 1,
    ...fields,
  };
}

const query = (parameters: Record<string, string> = {}) => worklistQuerySchema.parse(parameters);
const ids = (index: WorklistIndex, principal: Principal, parameters: Record<string, string> = {}, count = 50) =>
  index.select(worklistSelection(principal, query(parameters), now), count).map((found) => found._id);

/** A small deterministic generator, so a failing case can be run again. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('worklist views', () => {
  const index = new WorklistIndex();
  for (const each of [
    task('queue-late', { dueAt: new Date(now + 9 * hour) }),
    task('queue-soon', { dueAt: new Date(now + 1 * hour), dueSoonAt: new Date(now - hour) }),
    task('queue-undated', { dueAt: undefined }),
    task('other-role', { candidateRole: 'van-thu' }),
    task('other-unit', { candidateUnit: 'tu-phap' }),
    task('lan-claimed', { status: 'claimed', assignee: 'lan', overdue: true, dueAt: new Date(now - hour) }),
    task('minh-claimed', { status: 'claimed', assignee: 'minh' }),
    task('finished', { status: 'completed', assignee: 'lan' }),
    task('other-procedure', { procedureCode: 'khai-sinh', dueAt: new Date(now + 2 * hour) }),
  ])
    index.put(each);

  it('keeps only open work', () => {
    expect(index.size).toBe(8);
  });

  it('lists an officer’s unit queue for their positions, undated first, then soonest due', () => {
    expect(ids(index, lan, { view: 'unit' })).toEqual(['queue-undated', 'queue-soon', 'other-procedure', 'queue-late']);
  });

  it('lists a supervisor every step of every unit of theirs', () => {
    expect(ids(index, hung, { view: 'unit' })).toEqual(['queue-undated', 'queue-soon', 'other-procedure', 'other-role', 'other-unit', 'queue-late']);
  });

  it('lists my claimed tasks, and my open ones on request', () => {
    expect(ids(index, lan)).toEqual(['lan-claimed']);
    expect(ids(index, lan, { view: 'mine', status: 'open' })).toEqual([]);
  });

  it('lists overdue and due-soon work within reach: a supervisor’s reaches the whole unit', () => {
    expect(ids(index, lan, { view: 'overdue' })).toEqual(['lan-claimed']);
    expect(ids(index, lan, { view: 'due-soon' })).toEqual(['queue-soon']);
    expect(ids(index, hung, { view: 'overdue' })).toEqual(['lan-claimed']);
    expect(ids(index, { ...lan, id: 'minh', units: ['tu-phap'] }, { view: 'overdue' })).toEqual([]);
  });

  it('narrows by procedure, due date and overdue', () => {
    expect(ids(index, lan, { view: 'unit', procedureCode: 'khai-sinh' })).toEqual(['other-procedure']);
    expect(ids(index, lan, { view: 'unit', dueBefore: new Date(now + 3 * hour).toISOString() })).toEqual(['queue-soon', 'other-procedure']);
    expect(ids(index, lan, { view: 'mine', overdue: 'false' })).toEqual([]);
  });

  it('follows a task through claim, reassignment and completion', () => {
    const moving = new WorklistIndex();
    moving.put(task('t'));
    moving.put(task('t', { status: 'claimed', assignee: 'lan', sequence: 2 }));
    expect([ids(moving, lan, { view: 'unit' }), ids(moving, lan)]).toEqual([[], ['t']]);
    moving.put(task('t', { status: 'claimed', assignee: 'minh', candidateUnit: 'tu-phap', sequence: 3 }));
    expect([ids(moving, lan), ids(moving, hung, { view: 'unit', status: 'claimed' })]).toEqual([[], ['t']]);
    moving.put(task('t', { status: 'completed', assignee: 'minh', candidateUnit: 'tu-phap', sequence: 4 }));
    expect([moving.size, ids(moving, hung, { view: 'unit', status: 'claimed' })]).toEqual([0, []]);
  });

  it('refuses a cursor it did not issue', () => {
    for (const cursor of ['bm90LWEtY3Vyc29y', encodeCursor({ dueAt: 'yesterday', id: 'x' })]) {
      expect(() => worklistSelection(lan, query({ cursor }), now)).toThrow(Problem);
    }
  });
});

describe('worklist pages', () => {
  it('page for page, gives what filtering and sorting every task gives, while tasks come, move and go', () => {
    const next = random(20_260_302);
    const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)]!;
    const units = ['kinh-te', 'tu-phap', 'dia-chinh'];
    const people = ['lan', 'hung', 'minh', undefined];
    const principals = [lan, hung, { ...lan, id: 'minh', units: ['tu-phap', 'dia-chinh'] } as Principal];
    const index = new WorklistIndex();
    const model = new Map<string, WorklistTask>();
    for (let round = 0; round < 40; round++) {
      for (let change = 0; change < 60; change++) {
        const id = `T${Math.floor(next() * 300)}`;
        const assignee = pick(people);
        const written = task(id, {
          candidateUnit: pick(units),
          candidateRole: pick(['chuyen-vien', 'truong-phong']),
          status: assignee ? pick(['claimed', 'completed'] as const) : pick(['open', 'open', 'cancelled'] as const),
          assignee,
          // Few distinct due dates, so ties are ordered by id.
          dueAt: next() < 0.1 ? undefined : new Date(now + Math.floor(next() * 8) * hour),
          dueSoonAt: new Date(now + (next() < 0.5 ? -hour : hour)),
          overdue: next() < 0.2,
          procedureCode: pick(['ho-kinh-doanh', 'khai-sinh']),
        });
        index.put(written);
        if (written.status === 'open' || written.status === 'claimed') model.set(id, written);
        else model.delete(id);
      }
      const principal = pick(principals);
      const parameters: Record<string, string> = { view: pick(['mine', 'unit', 'overdue', 'due-soon']) };
      if (next() < 0.3) parameters.procedureCode = 'khai-sinh';
      if (next() < 0.3) parameters.overdue = pick(['true', 'false']);
      if (next() < 0.2) parameters.status = pick(['open', 'claimed']);
      const pageSize = 1 + Math.floor(next() * 7);
      const selection = worklistSelection(principal, query(parameters), now);
      const expected = [...model.values()].filter(selection.matches).sort((a, b) => comparePositions(positionOf(a), positionOf(b))).map((found) => found._id);
      const paged: string[] = [];
      let cursor: string | undefined;
      do {
        const found = index.select(worklistSelection(principal, query({ ...parameters, ...(cursor ? { cursor } : {}) }), now), pageSize + 1);
        paged.push(...found.slice(0, pageSize).map((each) => each._id));
        cursor = found.length > pageSize ? encodeCursor(worklistCursor(found[pageSize - 1]!)) : undefined;
      } while (cursor && paged.length <= model.size);
      expect(paged, `round ${round}: ${principal.id} ${JSON.stringify(parameters)} by ${pageSize}`).toEqual(expected);
    }
    expect(index.size).toBe(model.size);
  });
});
