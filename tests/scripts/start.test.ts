import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/runtime/config.js';
import { findFreePort } from '../../scripts/runtime/ports.js';

/** `npm start`, as a user runs it, on free ports and a data directory of its own. */
interface StartRun {
  child: ChildProcess;
  output: () => string;
  errors: () => string;
  exited: Promise<number | null>;
}

function launch(env: NodeJS.ProcessEnv): StartRun {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => stdout, errors: () => stderr, exited };
}

async function waitFor(run: StartRun, text: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!run.output().includes(text)) {
    if (run.child.exitCode !== null) throw new Error(`npm start exited: ${run.errors()}`);
    if (Date.now() > deadline) throw new Error(`no "${text}" within ${timeoutMs} ms:\n${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Command lines of running processes that mention `needle` (the run's own data directory). */
function processesMentioning(needle: string): string[] {
  return execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(needle));
}

describe('npm start', () => {
  let scratch: string;
  let environment: NodeJS.ProcessEnv;
  let ports: { app: number; temporal: number; ui: number; store: number };

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'motcua-start-'));
    ports = { app: await findFreePort(), temporal: await findFreePort(), ui: await findFreePort(), store: await findFreePort() };
    const shipped = await readFile(path.join(projectRoot, 'temporal.yaml'), 'utf8');
    await writeFile(
      path.join(scratch, 'temporal.yaml'),
      shipped.replace('port: 7233', `port: ${ports.temporal}`).replace('uiPort: 8233', `uiPort: ${ports.ui}`),
    );
    environment = {
      MOTCUA_TEMPORAL_CONFIG: path.join(scratch, 'temporal.yaml'),
      MOTCUA_DATA_DIR: path.join(scratch, 'data'),
      PORT: String(ports.app),
      MOTCUA_STORE_PORT: String(ports.store),
      TEMPORAL_ADDRESS: '',
      MONGODB_URI: '',
    };
  });
  afterAll(() => rm(scratch, { recursive: true, force: true }));

  it('starts Temporal with its Web UI, the store, the worker, the API and the designer at one URL; Ctrl-C stops them all', async () => {
    const run = launch(environment);
    try {
      await waitFor(run, 'Press Ctrl-C to stop.');
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
      expect(processesMentioning(environment.MOTCUA_DATA_DIR!).length).toBeGreaterThanOrEqual(2);
    } finally {
      run.child.kill('SIGINT');
    }
    expect(await run.exited).toBe(0);
    expect(processesMentioning(environment.MOTCUA_DATA_DIR!)).toEqual([]);
  });

  it('exits with one line naming the key when temporal.yaml is corrupt, starting nothing', async () => {
    await writeFile(path.join(scratch, 'corrupt.yaml'), 'address: 127.0.0.1:7233\nnamespace: motcua\ndevServer: [oops\n');
    const run = launch({ ...environment, MOTCUA_TEMPORAL_CONFIG: path.join(scratch, 'corrupt.yaml') });
    expect(await run.exited).toBe(1);
    expect(run.errors().trim().split('\n')).toEqual([expect.stringMatching(/^motcua: corrupt\.yaml: not valid YAML \(line \d+\)/)]);
    expect(processesMentioning(environment.MOTCUA_DATA_DIR!)).toEqual([]);
  });

  it('exits with one line naming the port when the API port is taken, starting nothing', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(ports.app, '127.0.0.1', resolve));
    try {
      const run = launch(environment);
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
