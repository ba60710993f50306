import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { ApiClient } from '../api/api-client.js';
import { launchStart, prepareStack, problemLines, startedLine, waitForOutput, type StackEnvironment } from '../support/start-stack.js';

/** Command lines of running processes that mention `needle` (the run's own data directory). */
function processesMentioning(needle: string): string[] {
  return execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(needle));
}

/** The pid of the one running process whose command line mentions every needle. */
function pidOf(...needles: string[]): number {
  const lines = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => needles.every((needle) => line.includes(needle)));
  expect(lines, needles.join(' ')).toHaveLength(1);
  return Number(lines[0]!.trim().split(/\s+/)[0]);
}

/** Resolves once `check` holds, or fails after `timeoutMs`; each try is cut short so a hung call cannot outlast the bound. */
async function backWithin(timeoutMs: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = deadline - Date.now();
    const ok = await Promise.race([check().catch(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), Math.max(left, 0)))]);
    if (ok) return;
    if (Date.now() >= deadline) throw new Error(`not back within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('npm start', () => {
  let stack: StackEnvironment;
  let scratch: string;
  let environment: NodeJS.ProcessEnv;
  let ports: StackEnvironment['ports'];

  beforeAll(async () => {
    stack = await prepareStack();
    ({ scratch, environment, ports } = stack);
  });
  afterAll(() => stack.dispose());

  it('starts Temporal with its Web UI, the store, the worker, the API and the designer at one URL; Ctrl-C stops them all', async () => {
    const run = launchStart(environment);
    try {
      await waitForOutput(run, startedLine);
      const appUrl = `http://127.0.0.1:${ports.app}`;
      expect(run.output()).toContain(`Designer and API   ${appUrl}`);
      expect(run.output()).toContain(`Temporal Web UI    http://127.0.0.1:${ports.ui}`);

      const health = await fetch(`${appUrl}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({
        status: 'ok',
        dependencies: { temporal: { status: 'up' }, store: { status: 'up' } },
      });
      const designer = await fetch(`${appUrl}/`);
      expect(designer.headers.get('content-type')).toContain('text/html');
      expect(await designer.text()).toContain('<div id="app"></div>');
      expect((await fetch(`http://127.0.0.1:${ports.ui}/`)).status).toBe(200);
      // Metrics on ports of their own: the API's, the in-process worker's and the Temporal SDK's; the public origin has none.
      const scrape = async (port: number) => (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(await scrape(ports.apiMetrics)).toMatch(/^motcua_http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} 1$/m);
      expect(await scrape(ports.workerMetrics)).toContain('# TYPE motcua_activity_failures_total counter');
      expect(await scrape(ports.temporalMetrics)).toMatch(/^temporal_\w+/m);
      expect(await (await fetch(`${appUrl}/metrics`)).text()).not.toContain('# TYPE');
      // The Web UI decodes payloads through MotCua's codec endpoint, which asks for a staff sign-in.
      const uiSettings = (await (await fetch(`http://127.0.0.1:${ports.ui}/api/v1/settings`)).json()) as { Codec: { Endpoint: string } };
      expect(uiSettings.Codec.Endpoint).toBe(`${appUrl}/api/temporal-codec`);
      expect((await fetch(`${appUrl}/api/temporal-codec/decode`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"payloads":[]}' })).status).toBe(401);
      expect(processesMentioning(environment.MOTCUA_DATA_DIR!).length).toBeGreaterThanOrEqual(2);
    } finally {
      run.child.kill('SIGINT');
    }
    expect(await run.exited).toBe(0);
    expect(processesMentioning(environment.MOTCUA_DATA_DIR!)).toEqual([]);
  });

  it('stops cleanly on SIGTERM after running a dossier: exit 0, no worker or connection error printed', async () => {
    // A stack of its own: the sample procedure is deployed once per data directory.
    const own = await prepareStack();
    onTestFinished(() => own.dispose());
    const run = launchStart(own.environment);
    try {
      await waitForOutput(run, startedLine);
      const api = new ApiClient(own.appUrl);
      const dossierId = (await api.submitOnline(await api.deploySample())).body.dossierId;
      const officer = await api.token('mot-cua');
      // The worker has run the workflow and its activities: the first step is open.
      await expect.poll(async () => {
        const queue = await api.request('GET', '/api/tasks?view=unit', { token: officer });
        return queue.body.items.some((task: { dossierId: string }) => task.dossierId === dossierId);
      }, { timeout: 60_000, interval: 500 }).toBe(true);
    } finally {
      run.child.kill('SIGTERM');
    }
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('SIGTERM: stopping MotCua…');
    expect(problemLines(run)).toEqual([]);
    expect(processesMentioning(own.environment.MOTCUA_DATA_DIR!)).toEqual([]);
  }, 180_000);

  it('restarts FerretDB and the dev server it started when each is killed, on the same port and data; the API and worker carry on', async () => {
    const own = await prepareStack();
    onTestFinished(() => own.dispose());
    const { ports } = own;
    const run = launchStart(own.environment);
    const dataDir = own.environment.MOTCUA_DATA_DIR!;
    try {
      await waitForOutput(run, startedLine);
      const api = new ApiClient(own.appUrl);
      const procedureCode = await api.deploySample();
      // Signed in before the kills: sign-ins are rate limited, and these tokens outlive the servers.
      await api.token('an');
      const officer = await api.token('mot-cua');

      process.kill(pidOf(dataDir, '--handler=sqlite'), 'SIGKILL');
      // A real query through the API's own store connection, on the data written before the kill.
      await backWithin(10_000, async () => (await api.request('GET', `/api/catalogue/${procedureCode}`)).status === 200);
      expect(run.errors()).toContain('motcua: FerretDB was killed by SIGKILL; restarting it in 0.25 s (restart 1 of at most 6 in a row)');

      process.kill(pidOf(dataDir, 'start-dev'), 'SIGKILL');
      // A real Temporal call on the same data: the namespace npm start registered is still there.
      await backWithin(10_000, async () => {
        const connection = await Connection.connect({ address: `127.0.0.1:${ports.temporal}`, connectTimeout: 1_000 });
        try {
          return (await connection.workflowService.describeNamespace({ namespace: 'motcua' })).namespaceInfo?.name === 'motcua';
        } finally {
          await connection.close();
        }
      });
      expect(run.errors()).toContain('motcua: Temporal dev server was killed by SIGKILL; restarting it in 0.25 s (restart 1 of at most 6 in a row)');
      // The API's own clients see both again.
      await expect.poll(async () => (await fetch(`${own.appUrl}/healthz`)).status, { timeout: 30_000, interval: 500 }).toBe(200);

      // The API's Temporal client and the worker reconnected by themselves: a new dossier runs to its first step.
      let dossierId: string | undefined;
      await expect.poll(async () => {
        const submitted = await api.submitOnline(procedureCode);
        dossierId = submitted.body.dossierId;
        return submitted.status;
      }, { timeout: 30_000, interval: 1_000 }).toBe(201);
      await expect.poll(async () => {
        const queue = await api.request('GET', '/api/tasks?view=unit', { token: officer });
        return queue.body.items.some((task: { dossierId: string }) => task.dossierId === dossierId);
      }, { timeout: 60_000, interval: 500 }).toBe(true);
    } finally {
      run.child.kill('SIGTERM');
    }
    expect(await run.exited).toBe(0);
    // Stopping npm start restarts nothing: the two deaths were the only restarts, and every server it started is gone.
    expect(run.errors().match(/restarting it in/g)).toHaveLength(2);
    expect(processesMentioning(dataDir)).toEqual([]);
  }, 240_000);

  it('exits with one line naming the key when temporal.yaml is corrupt, starting nothing', async () => {
    await writeFile(path.join(scratch, 'corrupt.yaml'), 'address: 127.0.0.1:7233\nnamespace: motcua\ndevServer: [oops\n');
    const run = launchStart({ ...environment, MOTCUA_TEMPORAL_CONFIG: path.join(scratch, 'corrupt.yaml') });
    expect(await run.exited).toBe(1);
    expect(run.errors().trim().split('\n')).toEqual([expect.stringMatching(/^motcua: corrupt\.yaml: not valid YAML \(line \d+\)/)]);
    expect(processesMentioning(environment.MOTCUA_DATA_DIR!)).toEqual([]);
  });

  it('exits with one line naming the port when the API port is taken, starting nothing', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(ports.app, '127.0.0.1', resolve));
    try {
      const run = launchStart(environment);
      expect(await run.exited).toBe(1);
      expect(run.errors().trim().split('\n')).toEqual([
        `motcua: port already in use: ${ports.app} (MotCua API and designer) — stop what holds it or choose another port (see README, Configuration)`,
      ]);
      expect(processesMentioning(environment.MOTCUA_DATA_DIR!)).toEqual([]);
    } finally {
      blocker.close();
    }
  });
});
