import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { clusterPortsFrom } from '../../../scripts/cluster/topology.js';
import { haproxyConfig } from '../../../scripts/cluster/load-balancer.js';
import { temporalConfig } from '../../../scripts/cluster/temporal-services.js';
import type { Postgres } from '../../../scripts/cluster/postgres.js';

describe('npm run cluster’s configuration', () => {
  const ports = clusterPortsFrom(17_400, 8080);

  it('lays every port out from the first one, so data and config agree across restarts', () => {
    const all = [
      ports.postgres,
      ...Object.values(ports.temporal).flatMap((service) => Object.values(service as Record<string, number>)),
      ports.temporalUi,
      ports.store,
      ...ports.apis,
      ...ports.workerMetrics.flatMap((worker) => [worker.worker, worker.temporalSdk]),
      ...ports.apiMetrics,
    ];
    expect(new Set(all).size).toBe(all.length);
    expect(Math.min(...all)).toBe(17_400);
    expect(Math.max(...all)).toBe(17_419);
  });

  it('has Prometheus scrape every API and worker process of the default layout, each on its own port', async () => {
    const config = parse(await readFile(new URL('../../../deploy/prometheus/prometheus-cluster.yml', import.meta.url), 'utf8')) as {
      scrape_configs: Array<{ job_name: string; static_configs: Array<{ targets: string[] }> }>;
    };
    const targets = Object.fromEntries(config.scrape_configs.map((job) => [job.job_name, job.static_configs.flatMap((entry) => entry.targets)]));
    const at = (port: number) => `127.0.0.1:${port}`;
    expect(targets).toEqual({
      'motcua-api': ports.apiMetrics.map(at),
      'motcua-worker': ports.workerMetrics.map((worker) => at(worker.worker)),
      'motcua-temporal-sdk': ports.workerMetrics.map((worker) => at(worker.temporalSdk)),
    });
  });

  it('gives the Temporal server PostgreSQL persistence and SQL visibility, the shard count, and each service its own ports', () => {
    const config = temporalConfig({ postgres: { port: 17_400, user: 'motcua' } as Postgres, ports: ports.temporal, historyShards: 16 }, '/tmp/dynamic.yaml');
    expect(config.persistence.numHistoryShards).toBe(16);
    expect(config.persistence.datastores['postgres-default'].sql).toMatchObject({ pluginName: 'postgres12', databaseName: 'temporal', connectAddr: '127.0.0.1:17400' });
    expect(config.persistence.datastores['postgres-visibility'].sql).toMatchObject({ pluginName: 'postgres12', databaseName: 'temporal_visibility' });
    expect(config.services.history.rpc).toEqual({ grpcPort: 17_404, membershipPort: 17_405, bindOnIP: '127.0.0.1' });
    expect(config.services.frontend.rpc).toMatchObject({ grpcPort: 17_401, httpPort: 17_403 });
    expect(config.clusterMetadata.clusterInformation.active.rpcAddress).toBe('127.0.0.1:17401');
  });

  it('puts every API process behind HAProxy with /healthz checks, forwarding the client’s address', () => {
    const config = haproxyConfig({ port: 8080, apiPorts: ports.apis });
    expect(config).toContain('bind 127.0.0.1:8080');
    expect(config).toContain('option httpchk GET /healthz');
    expect(config).toContain('option forwardfor');
    expect(config).toContain('server api1 127.0.0.1:17412 check');
    expect(config).toContain('server api2 127.0.0.1:17413 check');
  });
});
