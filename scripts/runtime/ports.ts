import net from 'node:net';
import { ConfigError } from './config.js';

/** A port the OS has just handed out as free on the loopback interface. */
export function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
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
