import type { Connection } from '@temporalio/client';
import type mongoose from 'mongoose';
import { createApp } from '../../api/app.js';
import type { ApiContext } from '../../api/context.js';
import { ensureMonthlyReportSchedule } from '../../api/temporal/report-schedule.js';
import { listen, type RunningHttpServer } from '../../api/http-server.js';
import { pingStore } from '../../store/connection.js';
import { startApiMetrics } from './api-metrics-server.js';
import { designerDist } from './designer-build.js';
import type { ShutdownSequence } from './shutdown.js';

export interface ApiServing {
  api: ApiContext;
  temporal: Connection;
  store: mongoose.Connection;
  tracing: boolean;
  port: number;
  host: string;
  metrics: { apiPort: number; host: string };
  shutdown: ShutdownSequence;
}

/**
 * The API and the designer on `port`, and the API's /metrics on a port of its own, as every process
 * serving the API runs them (`npm start`, `npm run api`); each is closed by `shutdown`.
 */
export async function serveApi({ api, temporal, store, tracing, port, host, metrics, shutdown }: ApiServing): Promise<{ server: RunningHttpServer; metricsServer: RunningHttpServer }> {
  const app = createApp({
    api,
    probes: [
      { name: 'temporal', check: async () => void (await temporal.workflowService.getSystemInfo({})) },
      { name: 'store', check: () => pingStore(store) },
    ],
    designerDir: designerDist,
    tracing,
  });
  await ensureMonthlyReportSchedule(api.temporal.client, api.temporal.taskQueue);
  // Loaded now rather than at the first officer's page.
  api.worklist.refresh().catch((error: Error) => api.logger.error({ err: error.message }, 'loading the worklist failed'));
  const server = await listen(app, port, host);
  shutdown.add(async () => {
    api.events.close();
    await server.close();
    await api.compiler.close();
    // A snapshot cut short would leave chunks nobody reads.
    await api.worklist.snapshotWritten;
  });
  const metricsServer = await startApiMetrics(api, metrics.apiPort, metrics.host);
  shutdown.add(() => metricsServer.close());
  return { server, metricsServer };
}
