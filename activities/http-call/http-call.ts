import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { ApplicationFailure } from '@temporalio/common';
import { httpMethods, type HttpMethod } from '../../engine/service-tasks/catalogue.js';
import { bpmnErrorFailureType, type Variables } from '../../engine/dossier/activity-shapes.js';
import type { ServiceTaskRequest } from '../service-tasks/service-task-request.js';
import { checkUrl, RefusedUrl, resolveChecked, type AddressPolicy } from './address-policy.js';

export interface HttpCallPolicy extends AddressPolicy {
  defaultTimeoutMs: number;
  maxTimeoutMs: number;
  /** Largest response read, bytes. */
  maxResponseBytes: number;
}

const invalid = (request: ServiceTaskRequest, message: string) => ApplicationFailure.nonRetryable(`service task ${request.elementId}: ${message}`, 'invalid-service-input');

/** Reads `a.b.0.c` out of a JSON value. */
function pick(value: unknown, path: string): unknown {
  return path.split('.').filter(Boolean).reduce<unknown>((current, key) => (current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined), value);
}

function send(url: URL, target: { address: string; family: 4 | 6 }, method: HttpMethod, headers: Record<string, string>, body: string | undefined, timeoutMs: number, maxBytes: number) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(
      url,
      {
        method,
        headers,
        timeout: timeoutMs,
        // Connect to the address that was checked, not to whatever a second lookup answers.
        lookup: (_host, options, callback) => {
          if ((options as { all?: boolean }).all) (callback as (error: null, addresses: Array<{ address: string; family: number }>) => void)(null, [target]);
          else callback(null, target.address, target.family);
        },
      },
      (response: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) request.destroy(new Error(`response larger than ${maxBytes} bytes`));
          else chunks.push(chunk);
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on('error', reject);
    request.end(body);
  });
}

/**
 * The generic HTTP call of a service task: `method`, `url` (on the allow-list; its host's
 * addresses public, or private ones the policy names), JSON `body`, `outputs` mapping response
 * paths to dossier variables, `timeoutMs`, `maxAttempts` (Temporal retries with backoff until
 * then). A refused URL or a 4xx answer fails at once: the 4xx as BPMN error `http-<status>`, which
 * an error boundary event can catch.
 */
export async function callHttp(policy: HttpCallPolicy, request: ServiceTaskRequest, idempotencyKey: string, attempt: number): Promise<Variables> {
  const { input } = request;
  const method = input.method;
  if (typeof method !== 'string' || !(httpMethods as readonly string[]).includes(method)) throw invalid(request, `method must be one of ${httpMethods.join(', ')}`);
  if (typeof input.url !== 'string') throw invalid(request, 'url is required (a text)');
  const outputs = input.outputs ?? {};
  if (typeof outputs !== 'object' || outputs === null || Object.values(outputs).some((path) => typeof path !== 'string')) throw invalid(request, 'outputs maps variable names to response paths (texts)');
  const timeoutMs = Math.min(policy.maxTimeoutMs, typeof input.timeoutMs === 'number' && input.timeoutMs > 0 ? input.timeoutMs : policy.defaultTimeoutMs);
  const maxAttempts = typeof input.maxAttempts === 'number' && input.maxAttempts >= 1 ? Math.floor(input.maxAttempts) : 3;

  let url: URL;
  let target: { address: string; family: 4 | 6 };
  try {
    url = checkUrl(input.url, policy);
    target = await resolveChecked(url.hostname, policy);
  } catch (error) {
    if (error instanceof RefusedUrl) throw ApplicationFailure.nonRetryable(error.message, `http-call-refused:${error.reason}`);
    throw error;
  }

  const body = input.body === undefined || input.body === null || method === 'GET' ? undefined : JSON.stringify(input.body);
  const headers: Record<string, string> = { accept: 'application/json', 'idempotency-key': idempotencyKey, ...(body ? { 'content-type': 'application/json' } : {}) };
  let answer: { status: number; text: string };
  try {
    answer = await send(url, target, method as HttpMethod, headers, body, timeoutMs, policy.maxResponseBytes);
    if (answer.status >= 500 || answer.status === 429 || answer.status === 408) throw new Error(`${url.origin}${url.pathname} answered ${answer.status}`);
  } catch (error) {
    if (attempt >= maxAttempts) throw ApplicationFailure.nonRetryable(`HTTP call failed after ${attempt} attempts: ${(error as Error).message}`, 'http-call-failed');
    throw error;
  }
  if (answer.status >= 400) {
    throw ApplicationFailure.create({ type: bpmnErrorFailureType, message: `${url.origin}${url.pathname} answered ${answer.status}`, details: [`http-${answer.status}`], nonRetryable: true });
  }
  let parsed: unknown = answer.text;
  try {
    parsed = answer.text ? JSON.parse(answer.text) : null;
  } catch {
    // Not JSON: the outputs read from the text as it is.
  }
  return Object.fromEntries(Object.entries(outputs as Record<string, string>).map(([variable, path]) => [variable, pick(parsed, path) ?? null]));
}
