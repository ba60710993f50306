import { context, type Context } from '@opentelemetry/api';

/**
 * The trace context of the change that opened a store write (an officer's completion Update, a timer,
 * the run itself), so the projection activity is traced under its cause rather than under whatever
 * step of the workflow sends the write later. Only span context moves: no command changes, and with
 * tracing off the context is the empty one.
 */
export class WriteCause {
  private cause: Context | undefined;

  /** Called as a change is queued; the first change after a write is its cause. */
  note(changesPending: boolean): void {
    if (!changesPending) this.cause = context.active();
  }

  /** Runs `send` (scheduling the write) under the cause noted since the last write. */
  sendUnder<T>(send: () => T): T {
    const cause = this.cause ?? context.active();
    this.cause = undefined;
    return context.with(cause, send);
  }
}
