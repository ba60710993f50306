import { readFileSync } from 'node:fs';
import net from 'node:net';
import { ConfigError } from './config.js';

// Ports for servers started on "free ports" (tests, benchmarks, the time-skipping server) come from
// below the kernel's ephemeral range. A port found there by binding to 0 and releasing it can be
// handed out again, to another process's bind(0) or outgoing connection, before its server binds it;
// the Temporal dev server alone takes four internal ports that way.
const lowestPort = 10_000;
const bandSize = 400;
let nextInBand: number | undefined;

function ephemeralRangeStart(): number {
  try {
    return Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
  } catch {
    return 32_768;
  }
}

/**
 * A free port on `host`, never one handed out before by this process. Each vitest worker draws
 * from a band of its own (by VITEST_POOL_ID; the main process takes band 0), so test files running
 * in parallel never pick the same port.
 */
export async function findFreePort(host = '127.0.0.1'): Promise<number> {
  const bands = Math.max(1, Math.floor((ephemeralRangeStart() - lowestPort) / bandSize));
  const first = lowestPort + (Number(process.env.VITEST_POOL_ID ?? 0) % bands) * bandSize;
  // A random start keeps a new worker off ports its predecessor in the band may still be closing.
  nextInBand ??= Math.floor(Math.random() * bandSize);
  for (let tried = 0; tried < bandSize; tried++) {
    const port = first + (nextInBand++ % bandSize);
    if (await canListen(port, host)) return port;
  }
  throw new Error(`no free port left in ${first}–${first + bandSize - 1} on ${host}`);
}

function canListen(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/** Fails with one line naming every wanted port that something else already holds. */
export async function assertPortsFree(wanted: Array<{ port: number; host: string; purpose: string }>): Promise<void> {
  const taken: string[] = [];
  for (const { port, host, purpose } of wanted) {
    if (!(await canListen(port, host))) taken.push(`${port} (${purpose})`);
  }
  if (taken.length > 0) {
    throw new ConfigError(`port already in use: ${taken.join(', ')} — stop what holds it or choose another port (see README, Configuration)`);
  }
}

/** Resolves once `host:port` accepts TCP connections, or rejects after `timeoutMs`. */
export async function waitForPort(host: string, port: number, timeoutMs: number, stillAlive: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!stillAlive()) throw new Error('exited before it was ready');
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host, port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`not listening on ${host}:${port} after ${timeoutMs / 1000}s`);
}
