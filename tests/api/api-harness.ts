import { pino, type DestinationStream } from 'pino';
import { SessionRevocations } from '../../api/auth/session-revocations.js';
import { createApp } from '../../api/app.js';
import { createApiStore, type ApiStore } from '../../api/api-store.js';
import { gridFsStorage } from '../../api/attachments/gridfs-storage.js';
import type { AttachmentStorage } from '../../api/attachments/attachment-storage.js';
import { TokenService } from '../../api/auth/tokens.js';
import type { ApiContext } from '../../api/context.js';
import { traceLogFields } from '../../api/http/trace-log-fields.js';
import type { WorkerTracingTarget } from '../../activities/worker-tracing.js';
import { listen, type RunningHttpServer } from '../../api/http-server.js';
import { CompilePool, type CompilePoolOptions } from '../../api/compilation/compile-pool.js';
import { createApiMetrics } from '../../api/metrics/api-metrics.js';
import { createLiveUpdates } from '../../api/monitoring/live-updates.js';
import { seedDemo } from '../../api/org/demo-seed.js';
import { defaultApiSettings, type ApiSettings } from '../../api/settings.js';
import { loadCalendar } from '../../scripts/calendar/calendar-files.js';
import { testPayloadCodec } from '../support/payload-codec.js';
import type { OwnServerAddresses } from '../support/own-servers.js';
import { DossierHarness } from '../workflows/dossier-harness.js';
import { ApiClient } from './api-client.js';

export { pdfBytes, type ApiResponse, type RequestOptions } from './api-client.js';

/**
 * The API on a server of its own for one test file: a dossier worker on the run's dev server
 * (DossierHarness), the API's store on the worker's database with the demo organisation seeded.
 */
export class ApiHarness extends ApiClient {
  private constructor(
    readonly dossiers: DossierHarness,
    readonly store: ApiStore,
    readonly context: ApiContext,
    private readonly server: RunningHttpServer,
  ) {
    super(server.url);
  }

  /**
   * `tracing`: requests, Temporal calls, workflows and activities traced into that target; `logs`: where the API's log lines go (at info level);
   * `servers`: a dev server and store server of the test's own (tests/support/own-servers.ts) instead of the run's.
   */
  static async create(options: { settings?: Partial<ApiSettings>; compiler?: CompilePoolOptions; attachments?: AttachmentStorage; services?: NonNullable<Parameters<typeof DossierHarness.create>[0]>['services']; tracing?: WorkerTracingTarget; logs?: DestinationStream; servers?: OwnServerAddresses } = {}): Promise<ApiHarness> {
    const dossiers = await DossierHarness.create({ devServer: true, services: options.services, tracing: options.tracing, servers: options.servers });
    const connection = dossiers.store.dossiers.db;
    const store = createApiStore(connection);
    await store.ensureIndexes();
    await seedDemo(store);
    const logger = options.logs ? pino({ level: 'info', mixin: traceLogFields }, options.logs) : pino({ level: process.env.MOTCUA_TEST_LOG ?? 'silent', mixin: traceLogFields });
    const revocations = new SessionRevocations(store.sessionRevocations, 900 * 1000);
    const tokens = new TokenService({ secret: new TextEncoder().encode('test-secret-test-secret-test-secret!'), issuer: 'motcua', accessTtlSeconds: 900, revocations, refreshTtlSeconds: 3600 });
    const context: ApiContext = {
      store,
      temporal: { client: dossiers.client, taskQueue: dossiers.taskQueue, searchAttributes: true, payloadCodec: testPayloadCodec },
      tokens,
      revocations,
      verifier: tokens,
      attachments: options.attachments ?? gridFsStorage(connection.db!),
      loadCalendar: async (id) => (await loadCalendar(id)).data,
      settings: {
        ...defaultApiSettings,
        rateLimits: { auth: { windowMs: 60_000, limit: 1000 }, intake: { windowMs: 60_000, limit: 1000 } },
        publicTracking: { ...defaultApiSettings.publicTracking, perClient: { windowMs: 60_000, limit: 1000 }, refusalsPerCode: { windowMs: 60_000, limit: 1000 } },
        ...options.settings,
      },
      logger,
      ...createLiveUpdates(store, logger),
      compiler: new CompilePool(options.compiler),
      metrics: createApiMetrics(),
    };
    const server = await listen(createApp({ probes: [], api: context, tracing: options.tracing !== undefined }), 0, '127.0.0.1');
    return new ApiHarness(dossiers, store, context, server);
  }

  /** Waits until the dossier has an open task on `elementId` in the store's worklist. */
  async openTask(dossierId: string, elementId: string): Promise<string> {
    for (let attempt = 0; attempt < 200; attempt++) {
      const task = await this.store.tasks.findOne({ dossierId, elementId, status: { $in: ['open', 'claimed'] } }).lean();
      if (task) return task._id;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`no open task ${elementId} on ${dossierId}`);
  }

  /** The one-stop officer takes the dossier through its receipt step; answers the appraisal step's task, then open. */
  async passReceipt(dossierId: string): Promise<string> {
    const receipt = await this.openTask(dossierId, 'Task_TiepNhan');
    const officer = await this.token('mot-cua');
    for (const action of ['claim', 'complete'] as const) {
      const answer = await this.request('POST', `/api/tasks/${encodeURIComponent(receipt)}/${action}`, { token: officer, ...(action === 'complete' ? { json: { formData: receiptForm } } : {}) });
      if (answer.status !== 200) throw new Error(`${action} the receipt of ${dossierId}: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    return this.openTask(dossierId, 'Task_ThamDinh');
  }

  async teardown(): Promise<void> {
    this.context.events.close();
    await this.server.close();
    await this.context.compiler.close();
    await this.dossiers.teardown();
  }
}

/** The receipt step's form as the one-stop officer fills it for the household-business sample. */
export const receiptForm = {
  hoTen: 'Nguyễn Văn An',
  soDinhDanh: '001099000001',
  tenHoKinhDoanh: 'Quán Phở An',
  nganhNghe: 'Ăn uống',
  vonKinhDoanh: 50_000_000,
  giayDeNghi: 'giay-de-nghi',
};
