import { vi } from 'vitest';

/** Runs a `motcua` command module in-process and returns its exit code and what it printed, line by line. */
export async function runCaptured(run: (args: string[]) => Promise<number>, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((text: string) => void out.push(...String(text).split('\n')));
  vi.spyOn(console, 'error').mockImplementation((text: string) => void err.push(text));
  try {
    return { code: await run(args), out, err };
  } finally {
    vi.restoreAllMocks();
  }
}
