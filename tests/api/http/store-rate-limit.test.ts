import express from 'express';
import { rateLimit } from 'express-rate-limit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type RunningHttpServer } from '../../../api/http-server.js';
import { StoreRateLimit } from '../../../api/http/store-rate-limit.js';
import { rateLimitHitModel } from '../../../store/rate-limits/rate-limit-hit-model.js';
import { connectTestStore } from '../../support/store.js';

/** Two "API processes": each its own limiter instance and HTTP server, one store. */
describe('StoreRateLimit', () => {
  let store: Awaited<ReturnType<typeof connectTestStore>>;
  let servers: RunningHttpServer[];

  beforeAll(async () => {
    store = await connectTestStore();
    const hits = rateLimitHitModel(store.connection);
    await hits.init();
    servers = await Promise.all(
      [1, 2].map((process) => {
        const app = express();
        app.use(rateLimit({ windowMs: 60_000, limit: 3, store: new StoreRateLimit(hits, 'sign-in'), standardHeaders: 'draft-8', legacyHeaders: false }));
        app.get('/', (_request, response) => void response.send(`process ${process}`));
        return listen(app, 0, '127.0.0.1');
      }),
    );
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
    await store.dispose();
  });

  it('counts a client’s requests across processes, so the limit holds however they are spread', async () => {
    const statuses = [];
    for (let at = 0; at < 5; at++) statuses.push((await fetch(servers[at % 2]!.url)).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });

  it('keeps limiters of different names apart', async () => {
    const other = new StoreRateLimit(rateLimitHitModel(store.connection), 'intake');
    other.init({ windowMs: 60_000 } as Parameters<StoreRateLimit['init']>[0]);
    expect(await other.get('127.0.0.1')).toBeUndefined();
    expect((await other.increment('127.0.0.1')).totalHits).toBe(1);
  });
});
