import { availableParallelism } from 'node:os';
import Tinypool from 'tinypool';
import type { ComparedVersion, ProcedureComparison } from '../../engine/analysis/compare/compare-procedures.js';
import type { CompileResult } from '../../engine/compiler/compile.js';
import type { ProcedureRegistry } from '../../engine/plan/procedure-registry.js';
import { Problem } from '../http/problem.js';
import type { ProcedureIdentity } from './procedure-identity.js';
import type { CompileCheck, CompileTask } from './compile-task.js';

export interface CompilePoolOptions {
  /** Threads compiling at once (default: all cores but one, at least one). */
  threads?: number;
  /** Requests waiting for a thread beyond which the next is refused (default 8). */
  queueLimit?: number;
  /** Seconds a refused client is told to wait (Retry-After; default 2). */
  retryAfterSeconds?: number;
}

/**
 * Compilation off the event loop: parsing and compiling a large model takes seconds of CPU, which
 * on the API's thread would stall every officer's request. A bounded pool of worker threads does
 * it; beyond its queue a request is refused with a 503 problem and Retry-After.
 */
export class CompilePool {
  private readonly pool: Tinypool;
  private readonly queueLimit: number;
  private readonly retryAfterSeconds: number;

  constructor(options: CompilePoolOptions = {}) {
    const threads = options.threads ?? Math.max(1, availableParallelism() - 1);
    this.queueLimit = options.queueLimit ?? 8;
    this.retryAfterSeconds = options.retryAfterSeconds ?? 2;
    // No thread until the first model: most API processes and tests never compile one.
    this.pool = new Tinypool({ filename: new URL('./compile-worker.mjs', import.meta.url).href, minThreads: 0, maxThreads: threads, idleTimeout: 60_000 });
  }

  /** The engine's compile (engine/compiler/compile.ts), run in a pool thread. */
  compile(xml: string, procedures?: ProcedureRegistry): Promise<CompileResult> {
    return this.run({ kind: 'compile', xml, withPlan: true, ...(procedures ? { procedures } : {}) }) as Promise<CompileResult>;
  }

  /** The same compile when only its verdict is wanted: diagnostics and analysis, no plan. */
  check(xml: string, procedures?: ProcedureRegistry): Promise<CompileCheck> {
    return this.run({ kind: 'compile', xml, withPlan: false, ...(procedures ? { procedures } : {}) }) as Promise<CompileCheck>;
  }

  /** readProcedureIdentity (api/compilation/procedure-identity.ts), run in a pool thread. */
  readIdentity(xml: string): Promise<ProcedureIdentity | undefined> {
    return this.run({ kind: 'identity', xml }) as Promise<ProcedureIdentity | undefined>;
  }

  /** compareProcedures (engine/analysis/compare), run in a pool thread: 0.1–0.4 s of CPU at 5,000 nodes. */
  compare(before: ComparedVersion, after: ComparedVersion): Promise<ProcedureComparison> {
    return this.run({ kind: 'compare', before, after }) as Promise<ProcedureComparison>;
  }

  /** Stops the threads; tasks still queued or running are refused. */
  close(): Promise<void> {
    return this.pool.destroy();
  }

  private run(task: CompileTask): Promise<unknown> {
    if (this.pool.queueSize >= this.queueLimit) {
      throw new Problem(503, 'compiler-busy', `${this.pool.queueSize} models are waiting to be compiled: try again in ${this.retryAfterSeconds} s`, undefined, { 'Retry-After': String(this.retryAfterSeconds) });
    }
    return this.pool.run(task);
  }
}
