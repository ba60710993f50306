import { condition } from '@temporalio/workflow';
import type { Variables } from '../contract.js';

/** Name under which the gateway's report on a payment arrives (paymentReported signal). */
export const paymentMessage = (paymentId: string): string => `#payment:${paymentId}`;

/** Name under which a citizen's supplement arrives (supplementDossier signal). */
export const supplementMessage = '#supplement';

interface Waiter {
  accepts(name: string): boolean;
  delivered?: { name: string; variables: Variables };
}

/**
 * Messages for the dossier (message catch events, receive tasks, boundary messages, supplements).
 * A message nobody waits for yet is kept until someone does, so a citizen's reply that arrives a
 * moment before the workflow reaches its wait is not lost.
 */
export class Mailbox {
  private readonly waiters: Waiter[] = [];
  private readonly kept: Array<{ name: string; variables: Variables }> = [];

  constructor(kept: Array<{ name: string; variables: Variables }> = []) {
    this.kept.push(...kept);
  }

  deliver(name: string, variables: Variables = {}): void {
    const waiter = this.waiters.find((candidate) => candidate.delivered === undefined && candidate.accepts(name));
    if (waiter) waiter.delivered = { name, variables };
    else this.kept.push({ name, variables });
  }

  /** Waits (cancellably) for a message one of `names` names; resolves to the data it brought. */
  async receive(names: readonly string[]): Promise<Variables> {
    const keptIndex = this.kept.findIndex((message) => names.includes(message.name));
    if (keptIndex >= 0) return this.kept.splice(keptIndex, 1)[0]!.variables;
    const waiter: Waiter = { accepts: (name) => names.includes(name) };
    this.waiters.push(waiter);
    try {
      await condition(() => waiter.delivered !== undefined);
      return waiter.delivered!.variables;
    } catch (cancelled) {
      // Delivered in the same instant the wait was cancelled: keep it for the next one.
      if (waiter.delivered) this.kept.unshift(waiter.delivered);
      throw cancelled;
    } finally {
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
    }
  }

  snapshot(): Array<{ name: string; variables: Variables }> {
    return [...this.kept];
  }
}
