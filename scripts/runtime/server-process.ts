import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { waitForPort } from './ports.js';

export interface ServerProcessSpec {
  name: string;
  command: string;
  args: string[];
  /** Where the server's own output goes. */
  logFile: string;
  /** The TCP endpoint that answers once the server is ready… */
  readyWhenListening?: { host: string; port: number };
  /** …or, for a process that listens on nothing (a worker), the line it prints once ready. */
  readyWhenPrinting?: RegExp;
  readyTimeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  /** Runs the server as this account (for servers that refuse root, such as PostgreSQL). */
  user?: { uid: number; gid: number };
}

/** How a server process ended: its exit code, or the signal that ended it. */
export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

const liveChildren = new Set<ChildProcess>();
// Last resort when the parent leaves without stopping its servers (an uncaught error, process.exit).
process.on('exit', () => {
  for (const child of liveChildren) child.kill('SIGKILL');
});

/**
 * A server MotCua started and must stop: never left running behind its parent. It runs in its
 * own process group so that Ctrl-C reaches MotCua first, which then stops things in order
 * (API, worker, then the servers they use).
 */
export class ServerProcess {
  private exited: Promise<ExitStatus>;
  private running = true;

  private constructor(
    readonly spec: ServerProcessSpec,
    private readonly child: ChildProcess,
  ) {
    liveChildren.add(child);
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        this.running = false;
        liveChildren.delete(child);
        resolve({ code, signal });
      }),
    );
  }

  static async start(spec: ServerProcessSpec): Promise<ServerProcess> {
    await mkdir(path.dirname(spec.logFile), { recursive: true });
    const log = createWriteStream(spec.logFile, { flags: 'a' });
    const child = spawn(spec.command, spec.args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: spec.env ?? process.env,
      detached: true,
      ...spec.user,
    });
    // Both streams feed one log, closed once the process and both streams are done (a stream
    // ending the log for the other would make the other's last output a write after end).
    child.stdout!.pipe(log, { end: false });
    child.stderr!.pipe(log, { end: false });
    child.once('close', () => log.end());
    const server = new ServerProcess(spec, child);
    const spawnFailure = new Promise<never>((_, reject) => child.once('error', reject));
    const timeoutMs = spec.readyTimeoutMs ?? 60_000;
    const ready = spec.readyWhenListening
      ? waitForPort(spec.readyWhenListening.host, spec.readyWhenListening.port, timeoutMs, () => server.running)
      : waitForOutput(child, spec.readyWhenPrinting ?? /./, timeoutMs);
    try {
      await Promise.race([ready, spawnFailure]);
    } catch (error) {
      await server.stop();
      const tail = (await readFile(spec.logFile, 'utf8').catch(() => '')).trim().split('\n').slice(-5).join('\n');
      throw new Error(`${spec.name} did not start: ${(error as Error).message}${tail ? `\n${tail}` : ''}\n(log: ${spec.logFile})`);
    }
    return server;
  }

  /** Resolves when the process has exited (stopped, killed, or crashed), with how it ended. */
  get exit(): Promise<ExitStatus> {
    return this.exited;
  }

  get isRunning(): boolean {
    return this.running;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Kills the process outright, as a crash would (fault drills). */
  async kill(): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** Asks the server to stop, and kills it if it has not stopped after `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGTERM');
    const killer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(killer);
  }
}

function waitForOutput(child: ChildProcess, line: RegExp, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => finish(new Error(`did not print ${line} within ${timeoutMs / 1000}s`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      seen = (seen + chunk).slice(-4000);
      if (line.test(seen)) finish();
    };
    const onExit = () => finish(new Error('exited before it was ready'));
    const finish = (error?: Error) => {
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.stderr!.off('data', onData);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', onExit);
  });
}
