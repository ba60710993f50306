import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { runCommand } from '../../scripts/provision/commands.js';
import { provisionHelm } from '../../scripts/provision/helm.js';
import { consoleReporter } from '../../scripts/provision/progress.js';
import { projectRoot, readEnvironment } from '../../scripts/runtime/config.js';

const chart = path.join(projectRoot, 'deploy', 'helm', 'motcua');
const required = ['--set', 'secrets.tokenSecret=0123456789abcdef0123456789abcdef', '--set', 'store.uri=mongodb://mongo-0.mongo:27017,mongo-1.mongo:27017/motcua?replicaSet=rs0&w=majority'];

interface Manifest {
  kind: string;
  metadata: { name: string };
  spec?: any;
  data?: Record<string, string>;
}

describe('the Helm chart (deploy/helm/motcua)', () => {
  let helm: string;
  const template = async (...args: string[]): Promise<Manifest[]> =>
    parseAllDocuments(await runCommand(helm, ['template', 'district', chart, ...required, ...args])).map((document) => document.toJS() as Manifest).filter(Boolean);

  beforeAll(async () => {
    helm = await provisionHelm(readEnvironment().cacheDir, consoleReporter);
  }, 900_000);

  it('passes helm lint', async () => {
    const output = await runCommand(helm, ['lint', '--strict', chart, ...required]);
    expect(output).toContain('1 chart(s) linted, 0 chart(s) failed');
  });

  it('renders the API and worker Deployments on the given Temporal and store, with probes, resources and autoscaling', async () => {
    const manifests = await template('--set', 'temporal.address=temporal-frontend.temporal:7233');
    const byName = (kind: string, name: string) => manifests.find((manifest) => manifest.kind === kind && manifest.metadata.name === name)!;
    const api = byName('Deployment', 'district-motcua-api');
    const container = api.spec.template.spec.containers[0];
    expect(container.command).toEqual(['npm', 'run', 'api']);
    expect(container.readinessProbe.httpGet.path).toBe('/healthz');
    expect(container.livenessProbe.httpGet.path).toBe('/healthz');
    expect(container.resources.requests.cpu).toBe('250m');
    expect(container.env).toContainEqual({ name: 'TEMPORAL_ADDRESS', value: 'temporal-frontend.temporal:7233' });
    expect(container.env).toContainEqual({ name: 'MONGODB_URI', valueFrom: { secretKeyRef: { name: 'district-motcua-secrets', key: 'mongodb-uri' } } });
    expect(byName('Deployment', 'district-motcua-worker').spec.template.spec.containers[0].command).toEqual(['npm', 'run', 'worker']);
    expect(byName('HorizontalPodAutoscaler', 'district-motcua-worker').spec).toMatchObject({ minReplicas: 2, maxReplicas: 10 });
    expect(byName('ConfigMap', 'district-motcua-temporal').data!['temporal.yaml']).toContain('dossiers: motcua-dossiers');
  });

  it('refuses to render without the shared token secret or with one too short', async () => {
    await expect(runCommand(helm, ['template', 'district', chart, '--set', 'store.uri=mongodb://mongo/motcua'])).rejects.toThrow(/secrets.tokenSecret/);
    await expect(runCommand(helm, ['template', 'district', chart, '--set', 'store.uri=mongodb://mongo/motcua', '--set', 'secrets.tokenSecret=short'])).rejects.toThrow(/at least 32 characters/);
  });
});
