import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { findOnPath } from '../provision/commands.js';
import { ensureDebianPackages } from '../provision/debian-packages.js';
import type { Reporter } from '../provision/progress.js';
import { ServerProcess } from '../runtime/server-process.js';

/**
 * HAProxy's configuration for one origin in front of the API processes: round robin, `/healthz`
 * checks every second, and a request that cannot reach a process (killed, restarting) is sent to
 * another rather than failed. Server-sent event streams stay open (long tunnel timeout).
 */
export function haproxyConfig(options: { port: number; apiPorts: number[] }): string {
  return [
    'global',
    '  maxconn 4096',
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout client 60s',
    '  timeout server 60s',
    '  timeout tunnel 1h',
    '  retries 3',
    '  option redispatch',
    '  retry-on conn-failure',
    'frontend motcua',
    `  bind 127.0.0.1:${options.port}`,
    '  option forwardfor',
    '  default_backend api',
    'backend api',
    '  balance roundrobin',
    '  option httpchk GET /healthz',
    '  http-check expect status 200',
    '  default-server inter 1s fall 2 rise 1',
    ...options.apiPorts.map((port, at) => `  server api${at + 1} 127.0.0.1:${port} check`),
    '',
  ].join('\n');
}

/** HAProxy from Debian's packages, run in the foreground on the config above. */
export async function startLoadBalancer(options: { port: number; apiPorts: number[]; directory: string; logFile: string; reporter: Reporter }): Promise<ServerProcess> {
  await ensureDebianPackages(['haproxy'], { reporter: options.reporter, neededBy: 'the cluster' });
  const haproxy = (await findOnPath('haproxy', `${process.env.PATH}:/usr/sbin`))!;
  await mkdir(options.directory, { recursive: true });
  const configFile = path.join(options.directory, 'haproxy.cfg');
  await writeFile(configFile, haproxyConfig(options));
  return ServerProcess.start({
    name: 'HAProxy',
    command: haproxy,
    args: ['-db', '-f', configFile],
    logFile: options.logFile,
    readyWhenListening: { host: '127.0.0.1', port: options.port },
  });
}
