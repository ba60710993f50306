/**
 * `--stack cluster` for the benchmarks: `npm run cluster`'s topology on free ports with a data
 * directory removed at the end, its processes' CPU time, and a fault drill that kills one process
 * part-way through a run and starts it again.
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freeClusterPorts, startClusterTopology, type ClusterTopology } from '../../../scripts/cluster/topology.js';
import { temporalServices, type TemporalService } from '../../../scripts/cluster/temporal-services.js';
import { consoleReporter } from '../../../scripts/provision/progress.js';
import { loadTemporalSettings, readEnvironment, type TemporalSettings } from '../../../scripts/runtime/config.js';
import { cpuSeconds } from './process-cpu.js';

export const stack = process.argv.includes('--stack=cluster') || process.argv.join(' ').includes('--stack cluster') ? 'cluster' : 'embedded';

export async function startBenchCluster(): Promise<{ topology: ClusterTopology; settings: TemporalSettings; stop(): Promise<void> }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'motcua-bench-cluster-'));
  // PostgreSQL runs as its own account when the benchmark runs as root.
  await chmod(dataDir, 0o755);
  const settings = await loadTemporalSettings();
  const topology = await startClusterTopology({ settings, dataDir, cacheDir: readEnvironment().cacheDir, ports: await freeClusterPorts(), workers: 2, historyShards: 16, reporter: consoleReporter });
  return {
    topology,
    settings,
    async stop() {
      await topology.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** CPU seconds so far of each tier of the topology, and of this benchmark process (the client and the simulated officers). */
export function tierCpuSeconds(topology: ClusterTopology): Promise<Record<string, number>> {
  const pids = (processes: Array<{ pid: number | undefined }>) => processes.map((process) => process.pid!).filter(Boolean);
  return cpuSeconds({
    workers: pids(topology.workers.map((worker) => worker.process)),
    apis: pids(topology.apis.map((api) => api.process)),
    temporal: pids([...topology.temporal.processes.values()]),
    postgres: pids([topology.servers.postgres]),
    ferretdb: pids([topology.servers.store]),
    bench: [process.pid],
  });
}

export const faultTargets = ['worker', 'api', ...temporalServices.map((service) => `temporal-${service}`)] as const;

/** Kills one process (`--kill=temporal-history`, `--kill=worker`…) `afterMs` into the run, and starts it again `downMs` later. */
export function scheduleFault(topology: ClusterTopology, target: string, afterMs: number, downMs = 5_000): Promise<string> {
  if (!(faultTargets as readonly string[]).includes(target)) throw new Error(`--kill: expected one of ${faultTargets.join(', ')}`);
  return new Promise((resolve, reject) =>
    setTimeout(() => {
      const run = async () => {
        const killedAt = Date.now();
        if (target.startsWith('temporal-')) {
          const service = target.slice('temporal-'.length) as TemporalService;
          await topology.temporal.processes.get(service)!.kill();
          await new Promise((done) => setTimeout(done, downMs));
          await topology.temporal.restart(service);
        } else {
          const victim = (target === 'worker' ? topology.workers : topology.apis)[0]!;
          await victim.process.kill();
          await new Promise((done) => setTimeout(done, downMs));
          await victim.restart();
        }
        return `${target} killed (SIGKILL) ${afterMs} ms into the run, started again after ${((Date.now() - killedAt) / 1000).toFixed(1)} s`;
      };
      run().then(resolve, reject);
    }, afterMs),
  );
}
