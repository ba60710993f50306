/**
 * `npm start` as a user runs it (scripts/start.ts in a child process), on free ports and a data
 * directory of its own, for the tests that need the whole product: start.test and the full journey;
 * and `npm run worker` / `npm run api` the same way (their clean-stop tests).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../scripts/runtime/config.js';
import { findFreePort } from '../../scripts/runtime/ports.js';

export interface StartRun {
  child: ChildProcess;
  output: () => string;
  errors: () => string;
  exited: Promise<number | null>;
}

export interface StackPorts {
  app: number;
  temporal: number;
  ui: number;
  store: number;
  apiMetrics: number;
  workerMetrics: number;
  temporalMetrics: number;
}

export interface StackEnvironment {
  scratch: string;
  ports: StackPorts;
  /** What `launchStart` adds to the environment: its own temporal.yaml, data directory and ports; no external servers. */
  environment: NodeJS.ProcessEnv;
  appUrl: string;
  dispose(): Promise<void>;
}

/** A scratch directory with a temporal.yaml on free ports, and the environment that points `npm start` at them. */
export async function prepareStack(): Promise<StackEnvironment> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'motcua-start-'));
  const ports = {
    app: await findFreePort(),
    temporal: await findFreePort(),
    ui: await findFreePort(),
    store: await findFreePort(),
    apiMetrics: await findFreePort(),
    workerMetrics: await findFreePort(),
    temporalMetrics: await findFreePort(),
  };
  const shipped = await readFile(path.join(projectRoot, 'temporal.yaml'), 'utf8');
  await writeFile(path.join(scratch, 'temporal.yaml'), shipped.replace('port: 7233', `port: ${ports.temporal}`).replace('uiPort: 8233', `uiPort: ${ports.ui}`));
  return {
    scratch,
    ports,
    environment: {
      MOTCUA_TEMPORAL_CONFIG: path.join(scratch, 'temporal.yaml'),
      MOTCUA_DATA_DIR: path.join(scratch, 'data'),
      PORT: String(ports.app),
      MOTCUA_STORE_PORT: String(ports.store),
      MOTCUA_METRICS_PORT: String(ports.apiMetrics),
      MOTCUA_WORKER_METRICS_PORT: String(ports.workerMetrics),
      MOTCUA_TEMPORAL_METRICS_PORT: String(ports.temporalMetrics),
      TEMPORAL_ADDRESS: '',
      MONGODB_URI: '',
    },
    appUrl: `http://127.0.0.1:${ports.app}`,
    dispose: () => rm(scratch, { recursive: true, force: true }),
  };
}

export function launchStart(env: NodeJS.ProcessEnv): StartRun {
  return launchScript('scripts/start.ts', env);
}

/** One of MotCua's entry points (`scripts/start.ts`, `scripts/worker.ts`, `scripts/api.ts`) as its npm script runs it. */
export function launchScript(script: string, env: NodeJS.ProcessEnv): StartRun {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
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

/** Waits until the process printed `text`; fails with its output if it exits or takes too long. */
export async function waitForOutput(run: StartRun, text: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!run.output().includes(text)) {
    if (run.child.exitCode !== null) throw new Error(`exited: ${run.errors()}`);
    if (Date.now() > deadline) throw new Error(`no "${text}" within ${timeoutMs} ms:\n${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The line `npm start` prints once everything is up. */
export const startedLine = 'Press Ctrl-C to stop.';

/**
 * What a run printed that reads as a problem: every line on stderr, and the stdout lines logged at
 * warn level or worse (pino's JSON, the Temporal SDK's) or naming an error or a failure.
 */
export function problemLines(run: StartRun): string[] {
  const stderr = run.errors().split('\n').filter((line) => line.trim() !== '');
  const stdout = run.output().split('\n').filter((line) => /"level":(40|50|60)|\[(WARN|ERROR)\]|\b(error|errors|failed|failure|exception)\b/i.test(line));
  return [...stderr, ...stdout];
}
