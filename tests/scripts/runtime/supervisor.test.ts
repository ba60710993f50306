import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServerProcess } from '../../../scripts/runtime/server-process.js';
import { supervise, type Supervisor } from '../../../scripts/runtime/supervisor.js';

/** Tiny child processes standing in for a server: one that stays up, one that dies soon after it is ready, one that dies before. */
const staysUp = "console.log('ready'); setInterval(() => {}, 1000);";
const diesSoon = "console.log('ready'); setTimeout(() => process.exit(3), 20);";
const diesAtStart = 'process.exit(5);';

describe('server supervisor', () => {
  let scratch: string;
  const supervisors: Array<Supervisor<ServerProcess>> = [];

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'motcua-supervisor-'));
  });
  afterAll(async () => {
    await Promise.all(supervisors.map((supervisor) => supervisor.stop()));
    await rm(scratch, { recursive: true, force: true });
  });

  const startTiny = (script: string) =>
    ServerProcess.start({ name: 'Tiny', command: process.execPath, args: ['-e', script], logFile: path.join(scratch, 'tiny.log'), readyWhenPrinting: /ready/, readyTimeoutMs: 10_000 });

  /** Supervises a first process, restarting with the scripts given in turn (the last one for good), recording lines and restart times. */
  async function supervised(first: string, restarts: string[], options: { initialDelayMs?: number; maxDelayMs?: number; maxRestarts?: number; stableAfterMs?: number } = {}) {
    const lines: string[] = [];
    const restartedAt: number[] = [];
    const initial = await startTiny(first);
    const supervisor = supervise(initial, {
      name: 'Tiny',
      restart: () => {
        restartedAt.push(Date.now());
        return startTiny(restarts[Math.min(restartedAt.length, restarts.length) - 1]!);
      },
      log: (line) => lines.push(line),
      ...options,
    });
    supervisors.push(supervisor);
    return { initial, supervisor, lines, restartedAt };
  }

  it('restarts a killed server, with one line saying what died, how, and when it restarts', async () => {
    const { initial, supervisor, lines } = await supervised(staysUp, [staysUp], { initialDelayMs: 50 });
    process.kill(initial.pid!, 'SIGKILL');
    await initial.exit;
    await expect.poll(() => supervisor.current?.isRunning, { timeout: 10_000 }).toBe(true);
    expect(supervisor.current!.pid).not.toBe(initial.pid);
    expect(lines).toEqual(['Tiny was killed by SIGKILL; restarting it in 0.05 s (restart 1 of at most 6 in a row)']);
    const restarted = supervisor.current!;
    await supervisor.stop();
    expect(restarted.isRunning).toBe(false);
  });

  it('backs off, doubling the delay up to its cap, and leaves a server that keeps dying down after the cap on restarts', async () => {
    const { supervisor, lines, restartedAt } = await supervised(diesSoon, [diesSoon], { initialDelayMs: 40, maxDelayMs: 160, maxRestarts: 4 });
    await expect.poll(() => lines.length, { timeout: 10_000 }).toBe(5);
    expect(lines).toEqual([
      'Tiny exited with code 3; restarting it in 0.04 s (restart 1 of at most 4 in a row)',
      'Tiny exited with code 3; restarting it in 0.08 s (restart 2 of at most 4 in a row)',
      'Tiny exited with code 3; restarting it in 0.16 s (restart 3 of at most 4 in a row)',
      'Tiny exited with code 3; restarting it in 0.16 s (restart 4 of at most 4 in a row)',
      'Tiny exited with code 3; not restarted: it failed 4 times in a row (see its log, then restart MotCua)',
    ]);
    expect(restartedAt).toHaveLength(4);
    // Each restart waited at least its announced delay after the previous start (which lived ~20 ms).
    const gaps = restartedAt.slice(1).map((at, index) => at - restartedAt[index]!);
    [80, 160, 160].forEach((delay, index) => expect(gaps[index]).toBeGreaterThanOrEqual(delay));
    await sleep(300);
    expect(restartedAt).toHaveLength(4);
    expect(supervisor.current).toBeUndefined();
  });

  it('counts a restart that fails to start in the row, and tries again', async () => {
    const { initial, supervisor, lines, restartedAt } = await supervised(staysUp, [diesAtStart, diesAtStart, staysUp], { initialDelayMs: 20 });
    process.kill(initial.pid!, 'SIGTERM');
    await initial.exit;
    await expect.poll(() => supervisor.current?.isRunning, { timeout: 10_000 }).toBe(true);
    expect(restartedAt).toHaveLength(3);
    expect(lines).toEqual([
      'Tiny was killed by SIGTERM; restarting it in 0.02 s (restart 1 of at most 6 in a row)',
      'Tiny did not start again (Tiny did not start: exited before it was ready); restarting it in 0.04 s (restart 2 of at most 6 in a row)',
      'Tiny did not start again (Tiny did not start: exited before it was ready); restarting it in 0.08 s (restart 3 of at most 6 in a row)',
    ]);
  });

  it('starts a new row, from the first delay, for a server that served long enough before dying', async () => {
    const { initial, supervisor, lines } = await supervised(staysUp, [staysUp], { initialDelayMs: 20, stableAfterMs: 200 });
    await initial.kill();
    await expect.poll(() => supervisor.current?.isRunning, { timeout: 10_000 }).toBe(true);
    await sleep(300);
    await supervisor.current!.kill();
    await expect.poll(() => lines.length, { timeout: 10_000 }).toBe(2);
    expect(lines).toEqual([
      'Tiny was killed by SIGKILL; restarting it in 0.02 s (restart 1 of at most 6 in a row)',
      'Tiny was killed by SIGKILL; restarting it in 0.02 s (restart 1 of at most 6 in a row)',
    ]);
  });

  it('never restarts a server stopped on purpose', async () => {
    const { initial, supervisor, lines, restartedAt } = await supervised(staysUp, [staysUp], { initialDelayMs: 10 });
    await supervisor.stop();
    expect(initial.isRunning).toBe(false);
    await sleep(200);
    expect(restartedAt).toEqual([]);
    expect(lines).toEqual([]);
    expect(supervisor.current).toBeUndefined();
  });

  it('leaves a released server running, and restarts nothing when it dies after', async () => {
    const { initial, supervisor, lines, restartedAt } = await supervised(staysUp, [staysUp], { initialDelayMs: 10 });
    supervisor.release();
    expect(initial.isRunning).toBe(true);
    await initial.kill();
    await sleep(200);
    expect(restartedAt).toEqual([]);
    expect(lines).toEqual([]);
  });

  it('starts nothing once stopped while waiting to restart a server that died', async () => {
    const { initial, supervisor, lines, restartedAt } = await supervised(staysUp, [staysUp], { initialDelayMs: 200 });
    await initial.kill();
    await expect.poll(() => lines.length).toBe(1);
    await supervisor.stop();
    await sleep(400);
    expect(restartedAt).toEqual([]);
    expect(supervisor.current).toBeUndefined();
  });
});
