import fc from 'fast-check';

/**
 * How long one fuzz target runs: `MOTCUA_FUZZ_SECONDS` (set by `npm run fuzz`) when given, else the
 * target's short budget, which keeps every fuzz target of `npm test` together well under a minute.
 */
export function fuzzBudgetMs(shortMs: number): number {
  const seconds = Number(process.env.MOTCUA_FUZZ_SECONDS);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : shortMs;
}

/** Runs of a synchronous property last at most this long between yields to the event loop, so the test worker keeps answering its runner. */
const chunkMs = 2_000;
/** Room for a run's first input: a run that has not finished one counts as failed in fast-check. */
const leastChunkMs = 200;

function seedFromEnvironment(): number {
  const seed = Number(process.env.MOTCUA_FUZZ_SEED);
  return Number.isInteger(seed) ? seed : Math.floor(Math.random() * 0x7fffffff);
}

/**
 * Runs a property for the target's budget, as many inputs as fit, and fails with fast-check's
 * report (seed, path, counterexample). The budget is spent in runs of a couple of seconds (one input
 * each for an asynchronous property) with a yield between them: one synchronous run of minutes would
 * starve vitest's worker of its messages.
 * One line per target says what was tried, for `npm run fuzz`.
 */
export async function fuzz<Ts>(target: string, shortMs: number, property: fc.IProperty<Ts> | fc.IAsyncProperty<Ts>): Promise<void> {
  const budgetMs = fuzzBudgetMs(shortMs);
  const startedAt = performance.now();
  const seed = seedFromEnvironment();
  let tried = 0;
  for (let run = 0; run === 0 || performance.now() - startedAt < budgetMs; run++) {
    const remainingMs = budgetMs - (performance.now() - startedAt);
    // An asynchronous input runs to its end, one per run: fast-check's time limit would race it and
    // leave it running beside the next input (a request still changing the store under the next check).
    const limits = property.isAsync()
      ? { numRuns: 1 }
      : { numRuns: Number.MAX_SAFE_INTEGER, interruptAfterTimeLimit: Math.max(Math.min(chunkMs, remainingMs), leastChunkMs), markInterruptAsFailure: false };
    const details = await fc.check(property as fc.IAsyncProperty<Ts>, { ...limits, seed: seed + run });
    tried += details.numRuns;
    if (details.failed) {
      report(target, tried, 1, startedAt, details.seed);
      throw new Error(fc.defaultReportMessage(details), { cause: details.errorInstance });
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  report(target, tried, 0, startedAt, seed);
}

function report(target: string, tried: number, failures: number, startedAt: number, seed: number): void {
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  console.log(`fuzz ${target}: ${tried} inputs tried, ${failures} failures found (${seconds} s, seed ${seed})`);
}

/** Generous test timeout for a fuzz target: its budget plus time to shrink a counterexample. */
export function fuzzTimeoutMs(shortMs: number): number {
  return fuzzBudgetMs(shortMs) + 120_000;
}
