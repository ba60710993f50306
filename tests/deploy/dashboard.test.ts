import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createWorkerMetrics } from '../../activities/metrics/worker-metrics.js';
import { createApiMetrics } from '../../api/metrics/api-metrics.js';

const deploy = (file: string) => readFile(new URL(`../../deploy/${file}`, import.meta.url), 'utf8');

/** Every MotCua or Node.js series name a query mentions (the Temporal SDK's are Core's, checked by the metrics test). */
function ownSeries(expressions: string[]): Set<string> {
  return new Set(expressions.flatMap((expression) => [...expression.matchAll(/\b((?:motcua|process|nodejs)_[a-z0-9_]+)/g)].map((match) => match[1]!)));
}

async function registeredSeries(): Promise<Set<string>> {
  const names = new Set<string>();
  for (const { registry } of [createApiMetrics(), createWorkerMetrics()]) {
    for (const metric of await registry.getMetricsAsJSON()) {
      names.add(metric.name);
      // prom-client types `type` as an enum it does not export at run time; the value is the string.
      if (String(metric.type) === 'histogram') for (const suffix of ['_bucket', '_count', '_sum']) names.add(metric.name + suffix);
    }
  }
  return names;
}

describe('deploy/: the Grafana dashboard and the Prometheus alerts', () => {
  it('query only metrics the API and worker register', async () => {
    const dashboard = JSON.parse(await deploy('grafana/motcua-operations.json')) as { panels: Array<{ targets?: Array<{ expr: string }> }> };
    const panelQueries = dashboard.panels.flatMap((panel) => (panel.targets ?? []).map((target) => target.expr));
    const alerts = parse(await deploy('prometheus/motcua-alerts.yml')) as { groups: Array<{ rules: Array<{ expr: string }> }> };
    const alertQueries = alerts.groups.flatMap((group) => group.rules.map((rule) => rule.expr));
    const registered = await registeredSeries();
    const used = ownSeries([...panelQueries, ...alertQueries]);
    expect(used.size).toBeGreaterThan(15);
    expect([...used].filter((name) => !registered.has(name))).toEqual([]);
  });
});
