import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchStart, prepareStack, startedLine, waitForOutput, type StackEnvironment } from '../support/start-stack.js';

/** Command lines of running processes that mention `needle` (the run's own data directory). */
function processesMentioning(needle: string): string[] {
  return execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(needle));
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
