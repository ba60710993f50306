import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BusinessCalendar } from '../../../engine/calendar/index.js';
import { ApiHarness } from '../api-harness.js';

/** The data the worklist, task page and dashboards read beside the core API: pinned calendars, diagrams, trend, officer load. */
describe('data for the web app’s pages', () => {
  let api: ApiHarness;
  let procedureCode: string;
  let dossierId: string;
  let taskId: string;

  beforeAll(async () => {
    api = await ApiHarness.create();
    procedureCode = await api.deploySample();
    dossierId = (await api.submitOnline(procedureCode)).body.dossierId;
    taskId = await api.openTask(dossierId, 'Task_TiepNhan');
  });
  afterAll(() => api.teardown());

  it('gives each worklist item its dossier’s pinned calendar, and the calendar itself by that hash', async () => {
    const token = await api.token('mot-cua');
    const queue = await api.request('GET', '/api/tasks?view=unit', { token });
    const stored = await api.store.dossiers.findById(dossierId).lean();
    const item = queue.body.items.find((task: { taskId: string }) => task.taskId === taskId);
    expect(item.calendar).toEqual({ id: 'vn-national', hash: stored!.calendarHash });
    const pinned = await api.request('GET', `/api/calendars/vn-national/versions/${item.calendar.hash}`, { token });
    expect(pinned.status).toBe(200);
    expect(new BusinessCalendar(pinned.body.data).version).toBe(stored!.calendarHash);
    const detail = await api.request('GET', `/api/tasks/${encodeURIComponent(taskId)}`, { token });
    expect(detail.body.calendar).toEqual(item.calendar);
  });

  it('serves the diagram of the deployed version to anyone', async () => {
    const diagram = await api.request('GET', `/api/catalogue/${procedureCode}/diagram?version=1`);
    expect(diagram.status).toBe(200);
    expect(diagram.body).toMatchObject({ code: procedureCode, version: 1 });
    expect(diagram.body.xml).toContain('id="Task_ThamDinh"');
    expect((await api.request('GET', `/api/catalogue/${procedureCode}/diagram`)).body.version).toBe(1);
  });

  it('counts the dossier received today in the trend', async () => {
    const now = Date.now();
    const trend = await api.request('GET', `/api/stats/trend?from=${encodeURIComponent(new Date(now - 86_400_000).toISOString())}&to=${encodeURIComponent(new Date(now + 86_400_000).toISOString())}`, { token: await api.token('admin') });
    expect(trend.status).toBe(200);
    expect(trend.body.days.length).toBeGreaterThanOrEqual(2);
    expect(trend.body.days.reduce((sum: number, day: { received: number }) => sum + day.received, 0)).toBe(1);
  });

  it('reports each officer’s load: a supervisor sees their unit, an agency admin every unit', async () => {
    await api.request('POST', `/api/tasks/${encodeURIComponent(taskId)}/claim`, { token: await api.token('mot-cua') });
    const supervisor = await api.request('GET', '/api/stats/officers', { token: await api.token('hung') });
    expect(supervisor.status).toBe(200);
    expect(supervisor.body.officers.map((officer: { id: string }) => officer.id).sort()).toEqual(['hung', 'lan', 'minh']);
    const admin = await api.request('GET', '/api/stats/officers', { token: await api.token('admin') });
    expect(admin.body.officers[0]).toMatchObject({ id: 'mot-cua', claimed: 1, overdue: 0 });
    expect(admin.body.officers.map((officer: { id: string }) => officer.id)).toEqual(expect.arrayContaining(['lan', 'minh', 'hung', 'lanh-dao']));
  });
});
