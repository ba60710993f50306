import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../api/app.js';
import { listen, type RunningHttpServer } from '../../../api/http-server.js';
import type { ApiSettings } from '../../../api/settings.js';
import { testDocumentIssuer } from '../../activities/support/document-fixtures.js';
import { ApiHarness } from '../api-harness.js';

/** Tracking a dossier by its code and a second factor, without an account. */
describe('public tracking', () => {
  let api: ApiHarness;
  let dossierId: string;
  let byPhone: string;
  const servers: RunningHttpServer[] = [];

  const track = (json: unknown, url = api.url) =>
    fetch(`${url}/api/public/track`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(json) }).then(async (response) => ({
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as any,
    }));

  async function appWith(publicTracking: Partial<ApiSettings['publicTracking']>) {
    // Rate limits are counted in the store, shared by every app on it: each app here counts from zero.
    await api.store.rateLimitHits.deleteMany({});
    const server = await listen(createApp({ probes: [], api: { ...api.context, settings: { ...api.context.settings, publicTracking: { ...api.context.settings.publicTracking, ...publicTracking } } } }), 0, '127.0.0.1');
    servers.push(server);
    return server.url;
  }

  beforeAll(async () => {
    api = await ApiHarness.create();
    const procedureCode = await api.deploySample();
    dossierId = (await api.submitOnline(procedureCode)).body.dossierId;
    byPhone = (await api.submitOnline(procedureCode, 'an', { name: 'Trần Thị Bình', phone: '0912 345 678' })).body.dossierId;
    // Staff work on the dossier, so its audit trail carries engine events and an officer's username.
    const taskId = await api.openTask(dossierId, 'Task_TiepNhan');
    expect((await api.request('POST', `/api/tasks/${encodeURIComponent(taskId)}/claim`, { token: await api.token('mot-cua') })).status).toBe(200);
    await testDocumentIssuer(api.store).issue({ dossierId, form: 'mau-01', sourceId: 'tracking-test', details: {} });
  });
  afterAll(async () => {
    for (const server of servers) await server.close();
    await api.teardown();
  });

  it('shows the dossier for the last 4 digits of the ID number, or of the phone number', async () => {
    const shown = await track({ code: dossierId, factor: '0001' });
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({
      dossierId,
      procedureName: expect.stringContaining('hộ kinh doanh'),
      agencyName: expect.any(String),
      status: expect.any(String),
      dueAt: expect.any(String),
      fees: [],
      toSupplement: null,
      documents: [{ form: 'mau-01', filename: `${dossierId}-mau-01.pdf`, url: expect.stringMatching(/^\/api\/public\/documents\//) }],
    });
    expect(shown.body.history.map((entry: { action: string }) => entry.action)).toContain('dossier-submitted');
    expect((await track({ code: byPhone, factor: '5678' })).status).toBe(200);
  });

  it('answers only what a citizen reads: no diagram, no engine events, no staff usernames, no one named as receiver', async () => {
    const { body } = await track({ code: dossierId, factor: '0001' });
    expect(Object.keys(body).sort()).toEqual(['agencyName', 'currentSteps', 'delivery', 'documents', 'dossierId', 'dueAt', 'fees', 'finishedAt', 'history', 'procedureName', 'processedAt', 'receivedAt', 'status', 'toSupplement']);
    const text = JSON.stringify(body);
    for (const internal of ['mot-cua', '"an"', 'Task_', 'task-opened', 'task-claimed', 'bpmn', 'xml', 'planHash', 'applicant', 'Nguyễn Văn An']) expect(text).not.toContain(internal);
    for (const entry of body.history) expect(Object.keys(entry).sort()).toEqual(['action', 'at', 'label']);
    // The staff timeline does have them: the view removed them, they were there to remove.
    const staff = await api.request('GET', `/api/dossiers/${dossierId}/timeline`, { token: await api.token('mot-cua') });
    expect(JSON.stringify(staff.body)).toContain('mot-cua');
    expect(staff.body.map((entry: { action: string }) => entry.action)).toContain('task-claimed');
  });

  it('gives the signed-in citizen the same milestones, told as the agency’s, without staff names', async () => {
    const timeline = await api.request('GET', `/api/dossiers/${dossierId}/timeline`, { token: await api.token('an') });
    expect(timeline.status).toBe(200);
    const actions = timeline.body.map((entry: { action: string }) => entry.action);
    expect(actions).toContain('dossier-submitted');
    expect(actions).not.toContain('task-claimed');
    expect(actions).not.toContain('task-opened');
    for (const entry of timeline.body) expect(entry).toMatchObject({ actor: { kind: 'agency', id: 'ubnd-xa' }, details: {} });
    expect(JSON.stringify(timeline.body)).not.toContain('mot-cua');
  });

  it('refuses a wrong factor and an unknown code with the same answer, and audits every look-up', async () => {
    const wrong = await track({ code: dossierId, factor: '9999' });
    const otherDigits = await track({ code: byPhone, factor: '0001' });
    const unknown = await track({ code: '000.00.12.H56-000000-9999', factor: '0001' });
    for (const refused of [wrong, otherDigits, unknown]) {
      expect(refused.status).toBe(404);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
    }
    const { instance: _wrongInstance, ...wrongAnswer } = wrong.body;
    const { instance: _unknownInstance, ...unknownAnswer } = unknown.body;
    expect(unknownAnswer).toEqual(wrongAnswer);
    expect(wrongAnswer).toMatchObject({ code: 'tracking-refused' });
    const audited = await api.store.auditEvents.find({ action: { $in: ['public-tracking-shown', 'public-tracking-refused'] } }).lean();
    expect(audited.filter((event) => event.stream === `dossier:${dossierId}/api`).map((event) => event.action)).toEqual(expect.arrayContaining(['public-tracking-shown', 'public-tracking-refused']));
    expect(audited.find((event) => event.stream === 'public-tracking')).toMatchObject({ action: 'public-tracking-refused', target: { id: '000.00.12.H56-000000-9999' } });
  });

  it('refuses a factor that is not 4 digits as bad input, changing nothing', async () => {
    for (const factor of ['001', '00001', 'abcd', '']) {
      const refused = await track({ code: dossierId, factor });
      expect(refused.status, factor).toBe(422);
      expect(refused.body.errors[0].path).toBe('body.factor');
    }
    expect((await track({ code: dossierId })).status).toBe(422);
  });

  it('downloads a document through its signed link, and refuses a forged or altered one', async () => {
    const { body } = await track({ code: dossierId, factor: '0001' });
    const link = body.documents[0].url as string;
    const file = await api.request('GET', link);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(file.body as Uint8Array).subarray(0, 5).toString()).toBe('%PDF-');
    const altered = link.slice(0, -3) + (link.endsWith('aaa') ? 'bbb' : 'aaa');
    expect((await api.request('GET', altered)).body).toMatchObject({ status: 404, code: 'invalid-document-link' });
    // A session token is not a document link.
    expect((await api.request('GET', `/api/public/documents/${await api.token('an')}`)).status).toBe(404);
  });

  it('refuses expired document links', async () => {
    const url = await appWith({ documentLinkTtlSeconds: 1 });
    const { body } = await track({ code: dossierId, factor: '0001' }, url);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect((await api.request('GET', body.documents[0].url)).body).toMatchObject({ code: 'invalid-document-link' });
  });

  it('limits refusals per dossier code, from any client, with Retry-After; the right factor is then refused too', async () => {
    const url = await appWith({ refusalsPerCode: { windowMs: 60_000, limit: 3 } });
    for (let attempt = 0; attempt < 3; attempt++) expect((await track({ code: byPhone, factor: '1111' }, url)).status).toBe(404);
    const limited = await track({ code: byPhone, factor: '5678' }, url);
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('tracking-rate-limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another dossier's code is not affected, and successes do not count.
    for (let attempt = 0; attempt < 4; attempt++) expect((await track({ code: dossierId, factor: '0001' }, url)).status).toBe(200);
  });

  it('limits look-ups per client, with Retry-After', async () => {
    const url = await appWith({ perClient: { windowMs: 60_000, limit: 2 } });
    expect((await track({ code: dossierId, factor: '0001' }, url)).status).toBe(200);
    expect((await track({ code: byPhone, factor: '5678' }, url)).status).toBe(200);
    const limited = await track({ code: dossierId, factor: '0001' }, url);
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('tracking-rate-limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
