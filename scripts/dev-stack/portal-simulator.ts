import { createServer, type IncomingMessage, type Server } from 'node:http';

export interface PortalCall {
  path: string;
  idempotencyKey: string;
  body: Record<string, unknown>;
  at: Date;
}

export interface PortalSimulator {
  url: string;
  /** Calls accepted, once per Idempotency-Key, in the order they were accepted. */
  readonly accepted: PortalCall[];
  /** Every attempt, failed ones included. */
  readonly attempts: PortalCall[];
  /** Answer 503 to the first `count` attempts of each Idempotency-Key from now on. */
  failFirstAttempts(count: number): void;
  close(): Promise<void>;
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
}

/**
 * The national portal as the dev stack and the tests see it: an HTTP server on loopback that
 * records what it receives, answers a repeated Idempotency-Key with its first answer, refuses
 * with 409 a status older than the newest it holds for the dossier (`SoThuTuCapNhat`), and can fail
 * on demand.
 */
export async function startPortalSimulator(options: { port?: number } = {}): Promise<PortalSimulator> {
  const accepted: PortalCall[] = [];
  const attempts: PortalCall[] = [];
  const attemptsByKey = new Map<string, number>();
  const answered = new Map<string, number>();
  const newestSequence = new Map<string, number>();
  let failFirst = 0;

  const server: Server = createServer((request, response) => {
    void (async () => {
      const body = await readJson(request);
      const call: PortalCall = { path: request.url ?? '/', idempotencyKey: String(request.headers['idempotency-key'] ?? ''), body, at: new Date() };
      attempts.push(call);
      const answer = (status: number, payload: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(payload));
      };
      if (request.method !== 'POST' || !call.idempotencyKey) return answer(400, { error: 'POST with an Idempotency-Key' });
      const attempt = (attemptsByKey.get(call.idempotencyKey) ?? 0) + 1;
      attemptsByKey.set(call.idempotencyKey, attempt);
      if (attempt <= failFirst) return answer(503, { error: `simulated failure, attempt ${attempt}` });
      const earlier = answered.get(call.idempotencyKey);
      if (earlier !== undefined) return answer(earlier, { duplicate: true });
      if (call.path === '/statuses') {
        const dossier = String(body.MaHoSo);
        const sequence = Number(body.SoThuTuCapNhat);
        if ((newestSequence.get(dossier) ?? -1) >= sequence) {
          answered.set(call.idempotencyKey, 409);
          return answer(409, { error: 'a newer status is already recorded' });
        }
        newestSequence.set(dossier, sequence);
      } else if (call.path !== '/records') {
        return answer(404, { error: 'unknown path' });
      }
      accepted.push(call);
      answered.set(call.idempotencyKey, 200);
      answer(200, { accepted: true });
    })().catch((error: Error) => {
      response.writeHead(400, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: error.message }));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    accepted,
    attempts,
    failFirstAttempts: (count) => {
      failFirst = count;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
