import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadCalendar } from '../../scripts/calendar/calendar-files.js';
import { projectRoot } from '../../scripts/runtime/config.js';
import { findFreePort } from '../../scripts/runtime/ports.js';
import { createStore, type Store } from '../../store/store.js';
import { dossierSearchAttributesAtStart, dossierWorkflowType, type DossierInput, type DossierResult } from '../../workflows/contract.js';
import { testDataConverter, testPayloadKeysVariable } from '../support/payload-codec.js';
import { launchScript, problemLines, waitForOutput } from '../support/start-stack.js';
import { connectTestStore } from '../support/store.js';
import { uniqueTaskQueue } from '../support/temporal.js';
import { compileProcedure } from '../workflows/dossier-harness.js';

describe('npm run worker', () => {
  let scratch: string;
  let store: Store;
  let disposeStore: () => Promise<void>;
  let connection: Connection;
  let client: Client;
  let taskQueue: string;
  let environment: NodeJS.ProcessEnv;

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'motcua-worker-'));
    taskQueue = uniqueTaskQueue('clean-stop');
    const shipped = await readFile(path.join(projectRoot, 'temporal.yaml'), 'utf8');
    await writeFile(path.join(scratch, 'temporal.yaml'), shipped.replace('dossiers: motcua-dossiers', `dossiers: ${taskQueue}`));
    const testStore = await connectTestStore();
    store = createStore(testStore.connection);
    disposeStore = () => testStore.dispose();
    connection = await Connection.connect({ address: inject('temporalAddress') });
    client = new Client({ connection, namespace: inject('temporalNamespace'), dataConverter: testDataConverter });
    environment = {
      TEMPORAL_ADDRESS: inject('temporalAddress'),
      MONGODB_URI: testStore.uri,
      MOTCUA_TEMPORAL_CONFIG: path.join(scratch, 'temporal.yaml'),
      MOTCUA_PAYLOAD_KEYS: testPayloadKeysVariable,
      MOTCUA_DATA_DIR: path.join(scratch, 'data'),
      MOTCUA_WORKER_METRICS_PORT: String(await findFreePort()),
      MOTCUA_TEMPORAL_METRICS_PORT: String(await findFreePort()),
    };
  });
  afterAll(async () => {
    await connection?.close();
    await disposeStore?.();
    await rm(scratch, { recursive: true, force: true });
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`stops cleanly on ${signal} with a dossier running: exit 0, no worker or connection error printed`, async () => {
      const run = launchScript('scripts/worker.ts', environment);
      try {
        await waitForOutput(run, 'MotCua worker polling');
        const procedure = await compileProcedure(new URL('../workflows/fixtures/two-steps.bpmn', import.meta.url));
        const code = `STOP-${signal}-${Date.now().toString(36)}`;
        const input: DossierInput = { dossierId: code, procedureVersion: 1, planHash: procedure.planHash, plan: procedure.plan, calendar: (await loadCalendar()).data, receivedAt: Date.now(), variables: {} };
        await client.workflow.start<(input: DossierInput) => Promise<DossierResult>>(dossierWorkflowType, { taskQueue, workflowId: code, args: [input], typedSearchAttributes: dossierSearchAttributesAtStart(input) });
        // The worker ran the workflow and its activities: the first step is open, the workflow cached.
        await expect.poll(() => store.tasks.countDocuments({ dossierId: code, status: 'open' }), { timeout: 30_000 }).toBe(1);
      } finally {
        run.child.kill(signal);
      }
      expect(await run.exited).toBe(0);
      expect(problemLines(run)).toEqual([]);
      expect(run.output()).toContain(`${signal}: stopping the worker…`);
    }, 120_000);
  }
});
