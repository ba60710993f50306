import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findFreePort } from '../../scripts/runtime/ports.js';
import { ApiClient } from '../api/api-client.js';
import { testPayloadKeysVariable } from '../support/payload-codec.js';
import { launchScript, problemLines, waitForOutput } from '../support/start-stack.js';
import { connectTestStore } from '../support/store.js';

describe('npm run api', () => {
  let scratch: string;
  let testStore: Awaited<ReturnType<typeof connectTestStore>>;

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'motcua-api-'));
    testStore = await connectTestStore();
  });
  afterAll(async () => {
    await testStore?.dispose();
    await rm(scratch, { recursive: true, force: true });
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`stops cleanly on ${signal} after serving: exit 0, no connection error printed`, async () => {
      const port = await findFreePort();
      const run = launchScript('scripts/api.ts', {
        TEMPORAL_ADDRESS: inject('temporalAddress'),
        MONGODB_URI: testStore.uri,
        MOTCUA_PAYLOAD_KEYS: testPayloadKeysVariable,
        MOTCUA_DATA_DIR: path.join(scratch, signal),
        PORT: String(port),
        MOTCUA_METRICS_PORT: String(await findFreePort()),
      });
      try {
        await waitForOutput(run, 'MotCua API at');
        const api = new ApiClient(`http://127.0.0.1:${port}`);
        // A sign-in and a worklist page: the store and the live worklist in use when the signal comes.
        const officer = await api.token('mot-cua');
        expect((await api.request('GET', '/api/tasks?view=unit', { token: officer })).status).toBe(200);
        expect((await api.request('GET', '/healthz')).status).toBe(200);
      } finally {
        run.child.kill(signal);
      }
      expect(await run.exited).toBe(0);
      expect(problemLines(run)).toEqual([]);
      expect(run.output()).toContain(`${signal}: stopping the API…`);
    }, 120_000);
  }
});
