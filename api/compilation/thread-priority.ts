import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/** The lowest priority: a compile thread gets the CPU the API's thread leaves over. */
const lowest = 19;

/**
 * Lowers the calling thread's priority, not the process's: on Linux a thread id given to
 * setpriority names that thread alone. On two cores a compile thread would otherwise take half of
 * what officers' requests need; elsewhere than Linux the thread keeps its priority.
 */
export function yieldCpuToApiThread(): void {
  if (process.platform !== 'linux') return;
  const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
  setPriority(threadId, lowest);
}
