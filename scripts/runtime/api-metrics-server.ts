import type { ApiContext } from '../../api/context.js';
import { refreshStoreFigures } from '../../api/metrics/store-figures.js';
import type { RunningHttpServer } from '../../api/http-server.js';
import { serveMetrics } from './metrics-server.js';

/** How often the gauges that need store queries are refreshed (dossiers, overdue work, backlogs). */
export const storeFiguresIntervalMs = 15_000;

/** The API process's /metrics on its own port, with the store figures refreshed on a schedule. */
export async function startApiMetrics(api: ApiContext, port: number, host: string, intervalMs = storeFiguresIntervalMs): Promise<RunningHttpServer> {
  const server = await serveMetrics(api.metrics.registry, port, host, api.logger);
  const stopRefreshing = refreshStoreFigures({ store: api.store, metrics: api.metrics, logger: api.logger, intervalMs });
  return {
    url: server.url,
    async close() {
      stopRefreshing();
      await server.close();
    },
  };
}
