import { describe, expect, inject, it } from 'vitest';

/**
 * Each worker and API process of the cluster serves its own /metrics on a port of its own (several
 * share one host, so none may fall back to the default port and collide): Prometheus scrapes them all.
 */
describe('every process of the cluster serves its own /metrics', () => {
  const endpoints = inject('clusterMetricsUrls');
  const apiUrls = inject('clusterApiUrls');

  async function scrape(url: string): Promise<string> {
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return response.text();
  }

  it('gives each of the two workers and two APIs ports of their own', () => {
    expect(endpoints.map((endpoint) => `${endpoint.process}: ${endpoint.registry}`).sort()).toEqual(
      ['api 1: api', 'api 2: api', 'worker 1: temporal-sdk', 'worker 1: worker', 'worker 2: temporal-sdk', 'worker 2: worker'],
    );
    const ports = endpoints.map((endpoint) => new URL(endpoint.url).port);
    expect(new Set([...ports, ...apiUrls.map((url) => new URL(url).port)]).size).toBe(ports.length + apiUrls.length);
  });

  it('counts an API process’s own requests on its own /metrics', async () => {
    for (const [at, apiUrl] of apiUrls.entries()) {
      expect((await fetch(`${apiUrl}/api/catalogue`)).status).toBe(200);
      const samples = await scrape(endpoints.find((endpoint) => endpoint.process === `api ${at + 1}`)!.url);
      expect(samples).toMatch(/^motcua_http_request_duration_seconds_count\{[^}]*route="[^"]*catalogue[^"]*"[^}]*\} [1-9]/m);
      expect(samples).toContain('# TYPE motcua_dossiers gauge');
    }
  });

  it('serves each worker’s MotCua metrics and the Temporal SDK’s beside them', async () => {
    for (const endpoint of endpoints.filter((candidate) => candidate.registry !== 'api')) {
      const samples = await scrape(endpoint.url);
      if (endpoint.registry === 'worker') expect(samples).toContain('# TYPE motcua_activity_failures_total counter');
      else expect(samples).toMatch(/^temporal_\w+/m);
    }
  });
});
