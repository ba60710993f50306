import { describe, expect, test, vi } from 'vitest';
import { HttpClient, type Tokens } from '../../../../designer/src/api/http-client.js';
import { ApiError } from '../../../../designer/src/api/problem.js';

function memoryTokens(initial: Tokens | null) {
  let tokens = initial;
  return { get: () => tokens, set: (next: Tokens | null) => void (tokens = next) };
}

const json = (status: number, body: unknown, type = 'application/json') => new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

describe('API client', () => {
  test('sends the bearer token and JSON', async () => {
    const fetch = vi.fn(async () => json(200, { ok: true }));
    const client = new HttpClient({ tokens: memoryTokens({ accessToken: 'a1', refreshToken: 'r1' }), fetch });
    await expect(client.put('/api/procedures/x/draft', { xml: '<x/>' })).resolves.toEqual({ ok: true });
    expect(fetch).toHaveBeenCalledWith('/api/procedures/x/draft', expect.objectContaining({ method: 'PUT', body: '{"xml":"<x/>"}' }));
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(init.headers).toMatchObject({ authorization: 'Bearer a1', 'content-type': 'application/json' });
  });

  test('refreshes an expired token once and replays the request', async () => {
    const tokens = memoryTokens({ accessToken: 'old', refreshToken: 'r1' });
    const fetch = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
      if (url === '/api/auth/refresh') return json(200, { accessToken: 'new', refreshToken: 'r2', expiresIn: 900 });
      const auth = (init?.headers as Record<string, string>).authorization;
      return auth === 'Bearer new' ? json(200, [1]) : json(401, { title: 'Unauthorized', status: 401 }, 'application/problem+json');
    });
    const client = new HttpClient({ tokens, fetch });
    await expect(client.get('/api/procedures')).resolves.toEqual([1]);
    expect(tokens.get()).toEqual({ accessToken: 'new', refreshToken: 'r2' });
    expect(fetch.mock.calls.map(([url]) => url)).toEqual(['/api/procedures', '/api/auth/refresh', '/api/procedures']);
  });

  test('a refused refresh ends the session and the request fails with the problem', async () => {
    const tokens = memoryTokens({ accessToken: 'old', refreshToken: 'r1' });
    const fetch = vi.fn(async (url: RequestInfo | URL) => (url === '/api/auth/refresh' ? json(401, { title: 'Unauthorized', status: 401 }) : json(401, { title: 'Unauthorized', status: 401, detail: 'token expired' })));
    const client = new HttpClient({ tokens, fetch });
    const error = await client.get('/api/me').catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem).toMatchObject({ status: 401, detail: 'token expired' });
    expect(tokens.get()).toBeNull();
  });

  test('problem+json refusals keep their field errors; other bodies still become problems', async () => {
    const problem = { type: 'about:blank', title: 'Unprocessable', status: 422, errors: [{ path: 'Task_1', message: 'missing-role: …' }] };
    const client = new HttpClient({ tokens: memoryTokens(null), fetch: async () => json(422, problem, 'application/problem+json') });
    await expect(client.post('/api/procedures/x/deploy')).rejects.toMatchObject({ problem });

    const html = new HttpClient({ tokens: memoryTokens(null), fetch: async () => new Response('<h1>Bad gateway</h1>', { status: 502, statusText: 'Bad Gateway' }) });
    await expect(html.get('/api/procedures')).rejects.toMatchObject({ problem: { status: 502, title: 'Bad Gateway', detail: '<h1>Bad gateway</h1>' } });

    const offline = new HttpClient({ tokens: memoryTokens(null), fetch: async () => { throw new TypeError('fetch failed'); } });
    await expect(offline.get('/api/procedures')).rejects.toMatchObject({ problem: { status: 0, detail: 'fetch failed' } });
  });
});
