import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ApiClient } from '../api/api-client.js';
import { receiptForm } from '../api/api-harness.js';

interface WorklistItem {
  taskId: string;
  dossierId: string;
  elementId: string;
  status: string;
  assignee: string | null;
}

/** An officer's server-sent event stream on one API process, collecting the `change` events. */
async function openEventStream(api: ApiClient, token: string) {
  const abort = new AbortController();
  const response = await fetch(`${api.url}/api/events?accessToken=${encodeURIComponent(token)}`, { signal: abort.signal });
  expect(response.status).toBe(200);
  const events: Array<{ kind: string; id: string; change: string; at: number }> = [];
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffered += value;
        for (let end = buffered.indexOf('\n\n'); end !== -1; end = buffered.indexOf('\n\n')) {
          const data = buffered.slice(0, end).split('\n').find((line) => line.startsWith('data: '));
          buffered = buffered.slice(end + 2);
          if (data) events.push({ ...JSON.parse(data.slice('data: '.length)), at: Date.now() });
        }
      }
    } catch {
      // Aborted at the end of the test.
    }
  })();
  return { events, close: () => abort.abort() };
}

/**
 * The cluster's two API processes, reached directly (not through HAProxy) so that each check
 * crosses processes: what one process did, the other must show, refuse, or answer the same.
 */
describe('several API processes stay coherent', () => {
  const [first, second] = inject('clusterApiUrls').map((url) => new ApiClient(url)) as [ApiClient, ApiClient];
  const proxy = new ApiClient(inject('clusterUrl'));
  let procedureCode: string;

  async function worklist(api: ApiClient, username: string, view = 'unit'): Promise<WorklistItem[]> {
    const response = await api.request('GET', `/api/tasks?view=${view}`, { token: await api.token(username) });
    expect(response.status).toBe(200);
    return response.body.items;
  }

  async function openTask(dossierId: string, elementId: string, username: string): Promise<string> {
    for (let attempt = 0; attempt < 300; attempt++) {
      const task = (await worklist(first, username)).find((item) => item.dossierId === dossierId && item.elementId === elementId);
      if (task) return task.taskId;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no open ${elementId} on ${dossierId}`);
  }

  async function submit(): Promise<string> {
    const response = await proxy.submitOnline(procedureCode);
    expect(response.status).toBe(201);
    return response.body.dossierId;
  }

  /** Polls `check` until it holds; fails if it has not within `withinMs`. Returns how long it took. */
  async function within(withinMs: number, check: () => Promise<boolean> | boolean): Promise<number> {
    const started = Date.now();
    while (!(await check())) {
      if (Date.now() - started > withinMs) throw new Error(`not within ${withinMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return Date.now() - started;
  }

  beforeAll(async () => {
    procedureCode = await proxy.deploySample();
  });

  it('shows a claim and a completion made through API 1 in API 2’s worklist and event stream within 1 s', async () => {
    const dossierId = await submit();
    const taskId = await openTask(dossierId, 'Task_TiepNhan', 'mot-cua');
    // API 2 has loaded its worklist and lists the task as open in the unit queue.
    expect((await worklist(second, 'mot-cua')).map((item) => item.taskId)).toContain(taskId);
    const stream = await openEventStream(second, await second.token('mot-cua'));
    try {
      const claimedAt = Date.now();
      const claimed = await first.request('POST', `/api/tasks/${encodeURIComponent(taskId)}/claim`, { token: await first.token('mot-cua') });
      expect(claimed.status).toBe(200);
      await within(1_000, async () => (await worklist(second, 'mot-cua', 'mine')).some((item) => item.taskId === taskId && item.status === 'claimed'));
      await within(2_000, () => stream.events.some((event) => event.id === taskId && event.change === 'task:claimed'));
      expect(stream.events.find((event) => event.id === taskId && event.change === 'task:claimed')!.at - claimedAt).toBeLessThan(1_000);

      const completedAt = Date.now();
      const completed = await first.request('POST', `/api/tasks/${encodeURIComponent(taskId)}/complete`, { token: await first.token('mot-cua'), json: { formData: receiptForm } });
      expect(completed.status).toBe(200);
      await within(1_000, async () => !(await worklist(second, 'mot-cua', 'mine')).some((item) => item.taskId === taskId));
      await within(2_000, () => stream.events.some((event) => event.id === taskId && event.change === 'task:completed'));
      expect(stream.events.find((event) => event.id === taskId && event.change === 'task:completed')!.at - completedAt).toBeLessThan(1_000);
    } finally {
      stream.close();
    }
  });

  it('gives one winner when two officers claim the same task through different processes at once', async () => {
    const dossierId = await submit();
    const receipt = await openTask(dossierId, 'Task_TiepNhan', 'mot-cua');
    await first.request('POST', `/api/tasks/${encodeURIComponent(receipt)}/complete`, { token: await first.token('mot-cua'), json: { formData: receiptForm } });
    const appraisal = await openTask(dossierId, 'Task_ThamDinh', 'lan');
    const path = `/api/tasks/${encodeURIComponent(appraisal)}/claim`;
    const [lan, minh] = await Promise.all([
      first.request('POST', path, { token: await first.token('lan') }),
      second.request('POST', path, { token: await second.token('minh') }),
    ]);
    expect([lan.status, minh.status].sort()).toEqual([200, 409]);
    const winner = lan.status === 200 ? 'lan' : 'minh';
    expect((lan.status === 200 ? lan : minh).body).toMatchObject({ assignee: winner, status: 'claimed' });
    expect((lan.status === 200 ? minh : lan).body.code).toBe('claimed-by-someone-else');
    await within(1_000, async () => (await worklist(first, winner, 'mine')).some((item) => item.taskId === appraisal));
    await within(1_000, async () => (await worklist(second, winner, 'mine')).some((item) => item.taskId === appraisal));
  });

  it('answers a completion retried on the other process with the same Idempotency-Key once', async () => {
    const dossierId = await submit();
    const taskId = await openTask(dossierId, 'Task_TiepNhan', 'mot-cua');
    const claim = await first.request('POST', `/api/tasks/${encodeURIComponent(taskId)}/claim`, { token: await first.token('mot-cua') });
    expect(claim.status).toBe(200);
    const headers = { 'Idempotency-Key': `receipt-${dossierId}` };
    const path = `/api/tasks/${encodeURIComponent(taskId)}/complete`;
    const completed = await first.request('POST', path, { token: await first.token('mot-cua'), json: { formData: receiptForm }, headers });
    const retried = await second.request('POST', path, { token: await second.token('mot-cua'), json: { formData: receiptForm }, headers });
    expect(completed.status).toBe(200);
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual(completed.body);
    const otherKey = await second.request('POST', path, { token: await second.token('mot-cua'), json: { formData: receiptForm }, headers: { 'Idempotency-Key': `other-${dossierId}` } });
    expect(otherKey.status).toBe(409);
    // One completion in the dossier's audit trail, whichever process answered; the claim went
    // through API 1 and the refusal through API 2, and the stream's hash chain is intact.
    const stream = `dossier:${dossierId}/api`;
    const audit = await second.request('GET', `/api/audit?stream=${encodeURIComponent(stream)}&limit=100`, { token: await second.token('kiem-toan') });
    expect(audit.status).toBe(200);
    expect(audit.body.items.filter((entry: { action: string }) => entry.action === 'task-completion-requested')).toHaveLength(1);
    const verified = await first.request('GET', `/api/audit/verify?stream=${encodeURIComponent(stream)}`, { token: await first.token('kiem-toan') });
    expect(verified.body).toMatchObject({ intact: true });
  });

  it('keeps one hash chain when two processes append to the same audit stream in turn', async () => {
    const dossierId = await submit();
    const taskId = await openTask(dossierId, 'Task_TiepNhan', 'mot-cua');
    const path = (action: string) => `/api/tasks/${encodeURIComponent(taskId)}/${action}`;
    const stream = `dossier:${dossierId}/api`;
    const verify = async () => (await second.request('GET', `/api/audit/verify?stream=${encodeURIComponent(stream)}`, { token: await second.token('kiem-toan') })).body;
    const before = await verify();
    // Claims and unclaims alternate through both processes, each writing an audit entry.
    for (let round = 0; round < 3; round++) {
      expect((await first.request('POST', path('claim'), { token: await first.token('mot-cua') })).status).toBe(200);
      expect((await second.request('POST', path('unclaim'), { token: await second.token('mot-cua') })).status).toBe(200);
    }
    expect(await verify()).toMatchObject({ intact: true, entries: before.entries + 6 });
  });

  it('counts a client’s sign-in attempts across processes (the limit is in the store, not in one process)', async () => {
    // One client address, as HAProxy forwards it; its attempts alternate between the processes.
    const headers = { 'X-Forwarded-For': '203.0.113.20' };
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 21; attempt++) {
      const api = attempt % 2 === 0 ? first : second;
      // Successful sign-ins: failed ones lock the account and the address after a few, a limit of another kind.
      statuses.push((await api.request('POST', '/api/auth/login', { json: { username: 'an', password: 'motcua-demo' }, headers })).status);
    }
    // The limit (20 a minute) counts this client's attempts on both processes together (and any it
    // made before): each process alone has seen at most 11 of them, so a per-process count would let all through.
    const firstRefused = statuses.indexOf(429);
    expect(firstRefused).toBeGreaterThan(0);
    expect(statuses).toEqual([...Array.from({ length: firstRefused }, () => 200), ...Array.from({ length: statuses.length - firstRefused }, () => 429)]);
  });
});
