import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyAuditChain } from '../../engine/audit/audit-chain.js';
import { loadCalendar } from '../../scripts/calendar/calendar-files.js';
import { projectRoot } from '../../scripts/runtime/config.js';
import { createStore, type Store } from '../../store/store.js';
import {
  completeTaskUpdate,
  dossierSearchAttributesAtStart,
  dossierWorkflowType,
  type DossierInput,
  type DossierResult,
} from '../../workflows/contract.js';
import { testDataConverter, testPayloadKeysVariable } from '../support/payload-codec.js';
import { connectTestStore } from '../support/store.js';
import { uniqueTaskQueue } from '../support/temporal.js';
import { compileProcedure, officer } from './dossier-harness.js';

const dossiers = 50;
const lan = officer('lan', 'chuyen-vien', 'phong-kinh-te');

/** `npm run worker` as its own process, on the run's dev server and a database of this test's. */
function startWorker(environment: NodeJS.ProcessEnv): { process: ChildProcess; ready: Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], { cwd: projectRoot, env: { ...process.env, ...environment }, stdio: ['ignore', 'pipe', 'pipe'] });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('MotCua worker polling') && resolve());
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
  });
  return { process: child, ready };
}

describe('a worker killed in the middle of 50 running dossiers (dev server)', () => {
  let scratch: string;
  let store: Store;
  let disposeStore: () => Promise<void>;
  let client: Client;
  let connection: Connection;
  let environment: NodeJS.ProcessEnv;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'motcua-recovery-'));
    const taskQueue = uniqueTaskQueue('recovery');
    const shipped = await readFile(path.join(projectRoot, 'temporal.yaml'), 'utf8');
    await writeFile(path.join(scratch, 'temporal.yaml'), shipped.replace('dossiers: motcua-dossiers', `dossiers: ${taskQueue}`));
    const testStore = await connectTestStore();
    store = createStore(testStore.connection);
    disposeStore = () => testStore.dispose();
    connection = await Connection.connect({ address: inject('temporalAddress') });
    client = new Client({ connection, namespace: inject('temporalNamespace'), dataConverter: testDataConverter });
    environment = { TEMPORAL_ADDRESS: inject('temporalAddress'), MONGODB_URI: testStore.uri, MOTCUA_TEMPORAL_CONFIG: path.join(scratch, 'temporal.yaml'), MOTCUA_PAYLOAD_KEYS: testPayloadKeysVariable, taskQueue };
  });
  afterAll(async () => {
    for (const worker of workers) worker.kill('SIGKILL');
    await connection?.close();
    await disposeStore?.();
    await rm(scratch, { recursive: true, force: true });
  });

  it('finishes every dossier after a restart, with no task lost or duplicated in the store', async () => {
    const first = startWorker(environment);
    workers.push(first.process);
    await first.ready;

    const procedure = await compileProcedure(new URL('./fixtures/two-steps.bpmn', import.meta.url));
    const calendar = (await loadCalendar()).data;
    const run = Date.now().toString(36);
    const codes = Array.from({ length: dossiers }, (_, index) => `REC-${run}-${String(index + 1).padStart(4, '0')}`);
    const handles = await Promise.all(
      codes.map((code) => {
        const input: DossierInput = { dossierId: code, procedureVersion: 1, planHash: procedure.planHash, plan: procedure.plan, calendar, receivedAt: Date.now(), variables: {} };
        return client.workflow.start<(input: DossierInput) => Promise<DossierResult>>(dossierWorkflowType, {
          taskQueue: environment.taskQueue!,
          workflowId: code,
          args: [input],
          typedSearchAttributes: dossierSearchAttributesAtStart(input),
        });
      }),
    );
    await expect.poll(() => store.tasks.countDocuments({ elementId: 'Receive', status: 'open' }), { timeout: 30_000 }).toBe(dossiers);

    const complete = (code: string, element: string) =>
      handles[codes.indexOf(code)]!.executeUpdate(completeTaskUpdate, {
        args: [{ taskId: `${code}/${element}/1`, actor: lan, formData: {} }],
        updateId: `${code}/${element}`,
      });
    // Officers complete the first steps while the worker is killed mid-way.
    const completions = codes.map((code) => complete(code, 'Receive'));
    await expect.poll(() => store.tasks.countDocuments({ elementId: 'Receive', status: 'completed' }), { timeout: 30_000, interval: 20 }).toBeGreaterThanOrEqual(5);
    first.process.kill('SIGKILL');
    await new Promise((resolve) => first.process.once('exit', resolve));
    const completedWhenKilled = await store.tasks.countDocuments({ elementId: 'Receive', status: 'completed' });
    expect(completedWhenKilled).toBeLessThan(dossiers);

    const second = startWorker(environment);
    workers.push(second.process);
    await second.ready;
    await Promise.all(completions);
    // Activities the killed worker had started are retried once their start-to-close timeout passes.
    await expect.poll(() => store.tasks.countDocuments({ elementId: 'Approve', status: 'open' }), { timeout: 90_000 }).toBe(dossiers);
    await Promise.all(codes.map((code) => complete(code, 'Approve')));
    const results = await Promise.all(handles.map((handle) => handle.result()));
    expect(results.every((result) => result.status === 'returned')).toBe(true);

    // Exactly two tasks per dossier, each completed once; one notification each from the service task.
    const tasks = await store.tasks.find({ dossierId: { $in: codes } }).lean();
    expect(tasks).toHaveLength(2 * dossiers);
    expect(new Set(tasks.map((task) => task._id)).size).toBe(2 * dossiers);
    expect(tasks.every((task) => task.status === 'completed')).toBe(true);
    expect(await store.notifications.countDocuments({ dossierId: { $in: codes }, kind: 'service-notification' })).toBe(dossiers);
    expect(await store.dossiers.countDocuments({ _id: { $in: codes }, status: 'returned' })).toBe(dossiers);
    for (const code of codes.slice(0, 10)) {
      const audit = await store.auditEvents.find({ stream: `dossier:${code}` }).sort({ sequence: 1 }).lean();
      expect(verifyAuditChain(audit.map((entry) => ({ ...entry, at: entry.at.toISOString() })))).toEqual({ intact: true });
      expect(audit.filter((entry) => entry.action === 'task-completed')).toHaveLength(2);
    }

    // Temporal's own visibility finds them by the search attributes the workflow upserted.
    await expect
      .poll(async () => (await client.workflow.count(`ProcedureCode = 'hai-buoc' AND DossierStatus = 'returned' AND DossierCode STARTS_WITH 'REC-${run}'`)).count, { timeout: 30_000 })
      .toBe(dossiers);
  }, 240_000);
});
