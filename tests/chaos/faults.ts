/**
 * The seeded fault schedule and each fault's injection: when (a share of the dossiers submitted),
 * what is broken and for how long, and what it did (PIDs, requests in flight, refusals), with the
 * time the API took to be healthy again and the first acknowledgement after the repair.
 */
import type { ChaosStack } from './embedded-stack.js';
import type { RetryCounts } from './http-client.js';
import type { Ledger } from './ledger.js';
import type { FaultKind } from './options.js';
import type { SeededRandom } from './random.js';

export interface ScheduledFault {
  kind: FaultKind;
  /** Fires once this share of the dossiers has been submitted. */
  atShare: number;
  /** How long the fault lasts (kills: until the restart begins). */
  downMs: number;
}

export interface FaultRecord extends ScheduledFault {
  injectedAt: number;
  restoredAt: number;
  /** From the repair to /healthz answering 200. */
  healthyAfterMs?: number;
  /** From the repair to the next request the API acknowledged. */
  catchUpMs?: number;
  note: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Spreads the faults over 15–75 % of the submissions, in a seeded order with seeded durations. */
export function faultSchedule(kinds: FaultKind[], random: SeededRandom, storeDownMs: number): ScheduledFault[] {
  const order = [...kinds];
  for (let index = order.length - 1; index > 0; index--) {
    const other = Math.floor(random.next() * (index + 1));
    [order[index], order[other]] = [order[other]!, order[index]!];
  }
  const duration: Record<FaultKind, () => number> = {
    'worker-kill': () => random.between(1_000, 3_000),
    'api-kill': () => random.between(500, 2_000),
    'store-stop': () => storeDownMs,
    'temporal-restart': () => random.between(1_000, 3_000),
    'smtp-fail': () => random.between(15_000, 25_000),
    'portal-fail': () => random.between(15_000, 25_000),
  };
  return order.map((kind, index) => ({
    kind,
    atShare: 0.15 + (0.6 * (index + random.between(0.25, 0.75))) / order.length,
    downMs: Math.round(duration[kind]()),
  }));
}

async function waitHealthy(apiPort: number, boundMs = 180_000): Promise<number | undefined> {
  const started = Date.now();
  while (Date.now() - started < boundMs) {
    const status = await fetch(`http://127.0.0.1:${apiPort}/healthz`, { signal: AbortSignal.timeout(5_000) }).then((response) => response.status, () => 0);
    if (status === 200) return Date.now() - started;
    await sleep(200);
  }
  return undefined;
}

/** Breaks something for `fault.downMs`, repairs it, and returns once it is repaired. */
async function inject(fault: ScheduledFault, stack: ChaosStack, counts: RetryCounts): Promise<string> {
  switch (fault.kind) {
    case 'worker-kill': {
      await stack.worker.kill();
      await sleep(fault.downMs);
      await stack.worker.restart();
      return `worker PID ${stack.worker.pids.at(-2)} → ${stack.worker.pids.at(-1)}`;
    }
    case 'api-kill': {
      // With requests in flight: the point is answers lost on the way back.
      for (let waited = 0; counts.inFlight === 0 && waited < 10_000; waited += 20) await sleep(20);
      const inFlight = counts.inFlight;
      await stack.api.kill();
      await sleep(fault.downMs);
      await stack.api.restart();
      return `API PID ${stack.api.pids.at(-2)} → ${stack.api.pids.at(-1)}, ${inFlight} requests in flight at the kill`;
    }
    case 'store-stop': {
      await stack.servers.killStore();
      await sleep(fault.downMs);
      await stack.servers.restartStore();
      return `FerretDB killed, started again after ${(fault.downMs / 1000).toFixed(0)} s`;
    }
    case 'temporal-restart': {
      await stack.servers.killTemporal();
      await sleep(fault.downMs);
      await stack.servers.restartTemporal();
      return 'Temporal dev server killed and started again on its database';
    }
    case 'smtp-fail': {
      const refusedBefore = stack.mail.refused;
      stack.mail.setMode('failing');
      await sleep(fault.downMs * 0.6);
      stack.mail.setMode('slow');
      await sleep(fault.downMs * 0.4);
      stack.mail.setMode('normal');
      return `mail relay refused ${stack.mail.refused - refusedBefore} messages (421), then answered after 3 s`;
    }
    case 'portal-fail': {
      const attemptsBefore = stack.portal.attempts.length;
      stack.portal.failFirstAttempts(3);
      await sleep(fault.downMs);
      stack.portal.failFirstAttempts(0);
      return `portal answered 503 to the first 3 attempts of each status (${stack.portal.attempts.length - attemptsBefore} attempts meanwhile)`;
    }
  }
}

/** Fires each scheduled fault in turn as the submissions reach its share; resolves when all have run (or `stopped()`). */
export async function runFaults(schedule: ScheduledFault[], context: { stack: ChaosStack; counts: RetryCounts; ledger: Ledger; dossiers: number; stopped: () => boolean }): Promise<FaultRecord[]> {
  const records: FaultRecord[] = [];
  for (const fault of schedule) {
    while (context.ledger.submitted().length < fault.atShare * context.dossiers) {
      if (context.stopped()) return records;
      await sleep(100);
    }
    const injectedAt = Date.now();
    const note = await inject(fault, context.stack, context.counts);
    const restoredAt = Date.now();
    const healthyAfterMs = await waitHealthy(context.stack.apiPort);
    records.push({ ...fault, injectedAt, restoredAt, healthyAfterMs, note });
  }
  return records;
}

/** Fills in each fault's catch-up once the run is over (the first acknowledgement after its repair). */
export function withCatchUp(records: FaultRecord[], ledger: Ledger): FaultRecord[] {
  return records.map((record) => {
    const first = ledger.firstAcknowledgementAfter(record.restoredAt);
    return { ...record, catchUpMs: first === undefined ? undefined : first - record.restoredAt };
  });
}
