import { readFileSync } from 'node:fs';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { findFreePort } from '../../../scripts/runtime/ports.js';

function listenOn(port: number): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

describe('findFreePort', () => {
  it('picks ports below the range the kernel hands out to bind(0) and outgoing connections', async () => {
    const ephemeralStart = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    for (let i = 0; i < 20; i++) expect(await findFreePort()).toBeLessThan(ephemeralStart);
  });

  it('never hands out a port twice, even before its server has bound it', async () => {
    const ports = await Promise.all(Array.from({ length: 50 }, () => findFreePort()));
    expect(new Set(ports).size).toBe(50);
  });

  it('passes over a port another server holds', async () => {
    const held = await listenOn((await findFreePort()) + 1);
    try {
      const port = await findFreePort();
      expect(port).not.toBe((held.address() as net.AddressInfo).port);
      (await listenOn(port)).close();
    } finally {
      held.close();
    }
  });
});
