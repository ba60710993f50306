import { createServer, type Server } from 'node:http';
import { ApplicationFailure } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAddress, checkUrl, RefusedUrl } from '../../../activities/http-call/address-policy.js';
import { callHttp, type HttpCallPolicy } from '../../../activities/http-call/http-call.js';
import type { ServiceTaskRequest } from '../../../activities/service-tasks/service-task-request.js';
import { bpmnErrorFailureType } from '../../../workflows/contract.js';

const base = { defaultTimeoutMs: 2_000, maxTimeoutMs: 5_000, maxResponseBytes: 65_536 };

describe('the generic HTTP call', () => {
  let server: Server;
  let url: string;
  const received: Array<{ method?: string; path?: string; key?: string; body: string }> = [];
  let failures = 0;

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        received.push({ method: request.method, path: request.url, key: request.headers['idempotency-key'] as string, body });
        if (request.url === '/flaky' && failures++ < 2) return void response.writeHead(503).end();
        if (request.url === '/missing') return void response.writeHead(404).end();
        if (request.url === '/slow') return void setTimeout(() => response.end('{}'), 1_000);
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ data: { taxCode: '0101234567', echo: body ? JSON.parse(body) : null } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const policy = (): HttpCallPolicy => ({ ...base, allow: [`${url}/api/`, `${url}/flaky`, `${url}/missing`, `${url}/slow`], allowPrivate: ['127.0.0.1/32'] });
  const call = (input: Record<string, unknown>, attempt = 1, callPolicy = policy()) => callHttp(callPolicy, { dossierId: 'D-1', elementId: 'Task_Goi', input } satisfies ServiceTaskRequest, 'D-1#run#7', attempt);

  it('calls an allowed URL with the mapped body and an Idempotency-Key, and maps the answer into variables', async () => {
    const variables = await call({ method: 'POST', url: `${url}/api/tra-cuu`, body: { soDinhDanh: '001190012345' }, outputs: { maSoThue: 'data.taxCode', daGui: 'data.echo.soDinhDanh', khongCo: 'data.none' } });
    expect(variables).toEqual({ maSoThue: '0101234567', daGui: '001190012345', khongCo: null });
    expect(received.at(-1)).toEqual({ method: 'POST', path: '/api/tra-cuu', key: 'D-1#run#7', body: '{"soDinhDanh":"001190012345"}' });
  });

  it('refuses URLs outside the allow-list before sending anything', async () => {
    const before = received.length;
    for (const outside of [`${url}/admin`, `${url}/apiX`, 'https://example.com/api/', 'file:///etc/passwd', 'nonsense']) {
      await expect(call({ method: 'GET', url: outside })).rejects.toSatisfy((error: ApplicationFailure) => error.nonRetryable === true && error.type!.startsWith('http-call-refused:'));
    }
    expect(received.length).toBe(before);
  });

  it('refuses private addresses the policy does not name, IPv4 and IPv6, by name or literal', async () => {
    const allowAll = (prefixes: string[]): HttpCallPolicy => ({ ...base, allow: prefixes, allowPrivate: [] });
    await expect(call({ method: 'GET', url: `${url}/api/x` }, 1, allowAll([`${url}/api/`]))).rejects.toMatchObject({ type: 'http-call-refused:private-address', nonRetryable: true });
    await expect(call({ method: 'GET', url: 'http://localhost:1/api' }, 1, allowAll(['http://localhost:1/']))).rejects.toMatchObject({ type: 'http-call-refused:private-address' });
    await expect(call({ method: 'GET', url: 'http://[::1]:1/api' }, 1, allowAll(['http://[::1]:1/']))).rejects.toMatchObject({ type: 'http-call-refused:private-address' });
    for (const address of ['10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '0.0.0.0', '::1', 'fe80::1', 'fd00::1', '::ffff:10.0.0.1', '100.64.0.1']) {
      expect(() => checkAddress(address, { allow: [], allowPrivate: [] }), address).toThrow(RefusedUrl);
    }
    expect(() => checkAddress('203.113.131.1', { allow: [], allowPrivate: [] })).not.toThrow();
    expect(() => checkAddress('2001:4860:4860::8888', { allow: [], allowPrivate: [] })).not.toThrow();
    expect(() => checkAddress('10.1.2.3', { allow: [], allowPrivate: ['10.1.0.0/16'] })).not.toThrow();
    expect(() => checkAddress('fd00::1', { allow: [], allowPrivate: ['fd00::/8'] })).not.toThrow();
    expect(() => checkUrl('http://user:pw@127.0.0.1/api/', { allow: ['http://127.0.0.1/'], allowPrivate: [] })).toThrow('credentials');
  });

  it('retries server errors until maxAttempts, then fails for good; a 4xx is a BPMN error a boundary can catch', async () => {
    await expect(call({ method: 'GET', url: `${url}/flaky`, maxAttempts: 3 }, 1)).rejects.toThrow('answered 503');
    await expect(call({ method: 'GET', url: `${url}/flaky`, maxAttempts: 3 }, 2)).rejects.toThrow('answered 503');
    await expect(call({ method: 'GET', url: `${url}/flaky`, maxAttempts: 3 }, 3)).resolves.toEqual({});
    failures = 0;
    await expect(call({ method: 'GET', url: `${url}/flaky`, maxAttempts: 1 }, 1)).rejects.toMatchObject({ type: 'http-call-failed', nonRetryable: true });
    await expect(call({ method: 'GET', url: `${url}/missing` })).rejects.toMatchObject({ type: bpmnErrorFailureType, details: ['http-404'], nonRetryable: true });
  });

  it('gives up after the timeout', async () => {
    await expect(call({ method: 'GET', url: `${url}/slow`, timeoutMs: 100, maxAttempts: 1 })).rejects.toMatchObject({ type: 'http-call-failed', message: expect.stringContaining('within 100 ms') });
  });

  it('refuses bad input with a clear error', async () => {
    await expect(call({ method: 'TRACE', url: `${url}/api/x` })).rejects.toMatchObject({ type: 'invalid-service-input', message: expect.stringContaining('method must be one of') });
    await expect(call({ method: 'GET' })).rejects.toMatchObject({ type: 'invalid-service-input', message: expect.stringContaining('url is required') });
    await expect(call({ method: 'GET', url: `${url}/api/x`, outputs: { a: 1 } })).rejects.toMatchObject({ type: 'invalid-service-input' });
  });
});
