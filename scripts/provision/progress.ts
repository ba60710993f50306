/** Visible progress for slow provisioning steps: what is happening and for how long. */

export function formatElapsed(milliseconds: number): string {
  const seconds = Math.round(milliseconds / 1000);
  if (seconds < 60) return `${seconds}s`;
  return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
}

export interface Reporter {
  info(line: string): void;
}

export const consoleReporter: Reporter = { info: (line) => console.log(line) };

/** Runs `work`, announcing it, ticking the elapsed time while it runs, and reporting how it ended. */
export async function step<T>(reporter: Reporter, title: string, work: () => Promise<T>, tickSeconds = 15): Promise<T> {
  const started = Date.now();
  reporter.info(`▸ ${title}…`);
  const ticker = setInterval(() => reporter.info(`  … ${title} (${formatElapsed(Date.now() - started)})`), tickSeconds * 1000);
  try {
    const result = await work();
    reporter.info(`✓ ${title} (${formatElapsed(Date.now() - started)})`);
    return result;
  } catch (error) {
    reporter.info(`✗ ${title} failed after ${formatElapsed(Date.now() - started)}`);
    throw error;
  } finally {
    clearInterval(ticker);
  }
}
