/**
 * The simulated users' HTTP client: node:http from a loopback address of the user's own (the API
 * limits sign-ins and submissions per client address), and `acknowledged`, which sends a mutating
 * request again with the SAME Idempotency-Key after a network error or a 5xx until the API answers.
 */
import http from 'node:http';

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: any;
}

export interface HttpRequest {
  method: string;
  path: string;
  token?: string;
  json?: unknown;
  form?: FormData;
  idempotencyKey?: string;
}

/** What the retries saw, over every client of a run. */
export class RetryCounts {
  attempts = 0;
  networkErrors = 0;
  unavailable = 0;
  serverErrors = 0;
  rateLimited = 0;
  /** Requests in flight now (the API kill fault reads it). */
  inFlight = 0;
}

const requestTimeoutMs = 30_000;
const retryDeadlineMs = 300_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function encode(request: HttpRequest): Promise<{ body?: Buffer; contentType?: string }> {
  if (request.json !== undefined) return { body: Buffer.from(JSON.stringify(request.json)), contentType: 'application/json' };
  if (request.form) {
    // Response serialises a FormData as multipart, boundary included.
    const encoded = new Response(request.form);
    return { body: Buffer.from(await encoded.arrayBuffer()), contentType: encoded.headers.get('content-type')! };
  }
  return {};
}

export class ChaosHttpClient {
  private readonly agent: http.Agent;

  constructor(
    private readonly port: number,
    readonly localAddress: string,
    private readonly counts: RetryCounts,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  }

  /** One attempt; rejects on a network error. */
  async send(request: HttpRequest): Promise<HttpAnswer> {
    const { body, contentType } = await encode(request);
    const headers: Record<string, string> = {};
    if (request.token) headers.Authorization = `Bearer ${request.token}`;
    if (contentType) headers['Content-Type'] = contentType;
    if (body) headers['Content-Length'] = String(body.length);
    if (request.idempotencyKey) headers['Idempotency-Key'] = request.idempotencyKey;
    this.counts.attempts += 1;
    this.counts.inFlight += 1;
    try {
      return await new Promise<HttpAnswer>((resolve, reject) => {
        const outgoing = http.request({ host: '127.0.0.1', port: this.port, localAddress: this.localAddress, method: request.method, path: request.path, headers, agent: this.agent, timeout: requestTimeoutMs }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const json = (response.headers['content-type'] ?? '').includes('json');
            try {
              resolve({ status: response.statusCode ?? 0, headers: response.headers, body: json && text ? JSON.parse(text) : text });
            } catch (error) {
              reject(error);
            }
          });
        });
        outgoing.on('timeout', () => outgoing.destroy(new Error('request timed out')));
        outgoing.on('error', reject);
        outgoing.end(body);
      });
    } finally {
      this.counts.inFlight -= 1;
    }
  }

  /**
   * Sends until the API answers something other than a network error, 5xx or 429 (waiting as
   * Retry-After says, or backing off), always with the request's own Idempotency-Key. The answer
   * comes with the attempt it took, so callers can tell a retry's 409 from a first refusal.
   */
  async acknowledged(request: HttpRequest): Promise<HttpAnswer & { attempt: number }> {
    const deadline = Date.now() + retryDeadlineMs;
    for (let attempt = 1; ; attempt++) {
      let waitMs = Math.min(2_000, 100 * 2 ** Math.min(attempt, 5));
      try {
        const answer = await this.send(request);
        // A submission whose first attempt may still be under way (the API died with it in flight) is asked again later.
        const inProgress = answer.status === 409 && answer.body?.code === 'submission-in-progress';
        if (answer.status < 500 && answer.status !== 429 && !inProgress) return { ...answer, attempt };
        if (answer.status === 503) this.counts.unavailable += 1;
        else if (answer.status === 429 || inProgress) this.counts.rateLimited += 1;
        else this.counts.serverErrors += 1;
        const retryAfter = Number(answer.headers['retry-after']);
        if (Number.isFinite(retryAfter) && retryAfter > 0) waitMs = Math.min(retryAfter * 1000, 10_000);
      } catch {
        this.counts.networkErrors += 1;
      }
      if (Date.now() > deadline) throw new Error(`${request.method} ${request.path}: not acknowledged within ${retryDeadlineMs / 1000} s`);
      await sleep(waitMs);
    }
  }

  close(): void {
    this.agent.destroy();
  }
}
