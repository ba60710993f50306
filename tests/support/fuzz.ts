import fc from 'fast-check';

/**
 * How long one fuzz target runs: `MOTCUA_FUZZ_SECONDS` (set by `npm run fuzz`) when given, else the
 * target's short budget, which keeps every fuzz target of `npm test` together well under a minute.
 */
export function fuzzBudgetMs(shortMs: number): number {
  const seconds = Number(process.env.MOTCUA_FUZZ_SECONDS);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : shortMs;
}

/** fast-check runs bounded by time rather than count: as many inputs as fit in the budget. */
function parameters<Ts>(budgetMs: number, seed: number | undefined): fc.Parameters<Ts> {
  return { numRuns: Number.MAX_SAFE_INTEGER, interruptAfterTimeLimit: budgetMs, markInterruptAsFailure: false, ...(seed === undefined ? {} : { seed }) };
}

function seedFromEnvironment(): number | undefined {
  const seed = Number(process.env.MOTCUA_FUZZ_SEED);
  return Number.isInteger(seed) ? seed : undefined;
}

/** One line per target, so `npm run fuzz` shows what was tried; the failure itself is fast-check's report (seed, path, counterexample). */
function tally(target: string, details: Pick<fc.RunDetails<unknown>, 'numRuns' | 'failed' | 'seed'>, startedAt: number): void {
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  console.log(`fuzz ${target}: ${details.numRuns} inputs tried, ${details.failed ? 1 : 0} failures found (${seconds} s, seed ${details.seed})`);
}

/** Runs a synchronous property for the target's budget and fails with fast-check's counterexample. */
export function fuzz<Ts>(target: string, shortMs: number, property: fc.IProperty<Ts>): void {
  const startedAt = performance.now();
  const details = fc.check(property, parameters<Ts>(fuzzBudgetMs(shortMs), seedFromEnvironment()));
  tally(target, details, startedAt);
  if (details.failed) throw new Error(fc.defaultReportMessage(details), { cause: details.errorInstance });
}

/** The same for an asynchronous property. */
export async function fuzzAsync<Ts>(target: string, shortMs: number, property: fc.IAsyncProperty<Ts>): Promise<void> {
  const startedAt = performance.now();
  const details = await fc.check(property, parameters<Ts>(fuzzBudgetMs(shortMs), seedFromEnvironment()));
  tally(target, details, startedAt);
  if (details.failed) throw new Error(fc.defaultReportMessage(details), { cause: details.errorInstance });
}

/** Generous test timeout for a fuzz target: its budget plus time to shrink a counterexample. */
export function fuzzTimeoutMs(shortMs: number): number {
  return fuzzBudgetMs(shortMs) + 120_000;
}
