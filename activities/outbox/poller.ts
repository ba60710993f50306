/**
 * Runs one pass of an outbox (notifications, portal statuses) now and then: again at once while a
 * pass finds work, otherwise after `intervalMs` or when woken. Several processes may poll the same
 * outbox; the passes claim entries with leases, so each entry goes out from one of them.
 */
export interface Poller {
  /** Runs a pass soon, without waiting for the interval (after a write that queued something). */
  wake(): void;
  /** Stops after the pass under way. */
  stop(): Promise<void>;
}

export function startPolling(pass: () => Promise<number>, options: { intervalMs: number; onError: (error: unknown) => void }): Poller {
  let stopped = false;
  let wakeUp: (() => void) | undefined;
  const pause = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, options.intervalMs);
      wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const loop = (async () => {
    while (!stopped) {
      const handled = await pass().catch((error: unknown) => {
        options.onError(error);
        return 0;
      });
      if (handled === 0 && !stopped) await pause();
    }
  })();
  return {
    wake: () => wakeUp?.(),
    async stop() {
      stopped = true;
      wakeUp?.();
      await loop;
    },
  };
}

/** Exponential backoff with a ceiling: 1 s, 2 s, 4 s … for `attempt` = 1, 2, 3 … */
export function backoffMs(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}
