import { setTimeout as sleep } from 'node:timers/promises';
import type { ExitStatus } from './server-process.js';

/** What the supervisor needs of a server: to know when it ends, and to stop it. */
export interface SupervisedProcess {
  readonly exit: Promise<ExitStatus>;
  stop(): Promise<void>;
}

export interface SupervisorOptions<P extends SupervisedProcess> {
  /** Names the server in the log lines ("FerretDB"). */
  name: string;
  /** Starts the server again, on the same port and data; resolves once it serves. */
  restart: () => Promise<P>;
  /** Delay before the first restart, doubled for each further restart in a row, up to `maxDelayMs`. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Restarts in a row after which a server that keeps dying is left down (it would only die again). */
  maxRestarts?: number;
  /** A server that served this long before dying starts a new row (and the first delay again). */
  stableAfterMs?: number;
  log: (line: string) => void;
}

export interface Supervisor<P extends SupervisedProcess> {
  /** The running process, if any (none while it restarts, or once the supervisor gave up). */
  readonly current: P | undefined;
  /** Stops supervising, leaving the server as it is: nothing restarts from now on. */
  release(): void;
  /** Stops supervising, then stops the server. */
  stop(): Promise<void>;
}

const supervisorDefaults = { initialDelayMs: 250, maxDelayMs: 8_000, maxRestarts: 6, stableAfterMs: 60_000 };

function describeExit(status: ExitStatus): string {
  return status.signal ? `was killed by ${status.signal}` : `exited with code ${status.code}`;
}

function seconds(milliseconds: number): string {
  return `${Number((milliseconds / 1000).toFixed(2))} s`;
}

/**
 * Keeps a server MotCua started running: when it dies unexpectedly it is started again after a
 * backoff, with one log line saying what died, how, and when it restarts. `release` and `stop`
 * end supervision first, so a server stopped on purpose is never restarted.
 */
export function supervise<P extends SupervisedProcess>(first: P, options: SupervisorOptions<P>): Supervisor<P> {
  const { name, log } = options;
  const initialDelayMs = options.initialDelayMs ?? supervisorDefaults.initialDelayMs;
  const maxDelayMs = options.maxDelayMs ?? supervisorDefaults.maxDelayMs;
  const maxRestarts = options.maxRestarts ?? supervisorDefaults.maxRestarts;
  const stableAfterMs = options.stableAfterMs ?? supervisorDefaults.stableAfterMs;
  let current: P | undefined = first;
  let startedAt = Date.now();
  let restartsInARow = 0;
  let stopping = false;
  const cancelWait = new AbortController();
  let recovering: Promise<void> = Promise.resolve();

  const watch = (server: P) => {
    void server.exit.then((status) => {
      if (stopping || server !== current) return;
      current = undefined;
      if (Date.now() - startedAt >= stableAfterMs) restartsInARow = 0;
      recovering = recover(describeExit(status));
    });
  };

  async function recover(what: string): Promise<void> {
    while (!stopping) {
      if (restartsInARow >= maxRestarts) {
        log(`${name} ${what}; not restarted: it failed ${maxRestarts} times in a row (see its log, then restart MotCua)`);
        return;
      }
      const delay = Math.min(initialDelayMs * 2 ** restartsInARow, maxDelayMs);
      restartsInARow++;
      log(`${name} ${what}; restarting it in ${seconds(delay)} (restart ${restartsInARow} of at most ${maxRestarts} in a row)`);
      try {
        await sleep(delay, undefined, { signal: cancelWait.signal });
      } catch {
        return; // stopped while waiting
      }
      let server: P;
      try {
        server = await options.restart();
      } catch (error) {
        what = `did not start again (${(error as Error).message.split('\n')[0]})`;
        continue;
      }
      if (stopping) {
        await server.stop();
        return;
      }
      current = server;
      startedAt = Date.now();
      watch(server);
      return;
    }
  }

  const release = () => {
    stopping = true;
    cancelWait.abort();
  };
  watch(first);
  return {
    get current() {
      return current;
    },
    release,
    async stop() {
      release();
      await recovering;
      const server = current;
      current = undefined;
      await server?.stop();
    },
  };
}
