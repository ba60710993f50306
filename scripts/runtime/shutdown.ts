/**
 * How an entry point (npm start, npm run worker, npm run api) undoes what it started: step by
 * step, in the reverse order of starting. So the API stops accepting before the worker drains,
 * and clients close before the servers they talk to stop: nothing reports a connection it lost
 * because something else went first.
 */
export class ShutdownSequence {
  private readonly steps: Array<() => Promise<void>> = [];
  private running: Promise<boolean> | undefined;

  /** Adds what undoes the last thing started (it runs before the steps added earlier). */
  add(step: () => Promise<void>): void {
    this.steps.push(step);
  }

  /** Runs every step once, last added first; a failing step is reported and the others still run. Resolves to whether all succeeded. */
  run(): Promise<boolean> {
    this.running ??= (async () => {
      let clean = true;
      for (const step of [...this.steps].reverse()) {
        try {
          await step();
        } catch (error) {
          clean = false;
          console.error(`motcua: while stopping: ${(error as Error).message}`);
        }
      }
      return clean;
    })();
    return this.running;
  }

  /** On SIGINT or SIGTERM: one line saying so, the whole sequence, then exit (0 when every step succeeded). */
  runOnSignals(announce: (signal: NodeJS.Signals) => void): void {
    const stop = (signal: NodeJS.Signals) => {
      if (this.running) return;
      announce(signal);
      void this.run().then((clean) => process.exit(clean ? 0 : 1));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  }
}
