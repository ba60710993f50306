import { readFile } from 'node:fs/promises';
import { pino } from 'pino';
import { createApp } from '../../api/app.js';
import { createApiStore, type ApiStore } from '../../api/api-store.js';
import { gridFsStorage } from '../../api/attachments/gridfs-storage.js';
import type { AttachmentStorage } from '../../api/attachments/attachment-storage.js';
import { TokenService } from '../../api/auth/tokens.js';
import type { ApiContext } from '../../api/context.js';
import { listen, type RunningHttpServer } from '../../api/http-server.js';
import { createApiMetrics } from '../../api/metrics/api-metrics.js';
import { createLiveUpdates } from '../../api/monitoring/live-updates.js';
import { seedDemo } from '../../api/org/demo-seed.js';
import { defaultApiSettings, type ApiSettings } from '../../api/settings.js';
import { loadCalendar } from '../../scripts/calendar/calendar-files.js';
import { testPayloadCodec } from '../support/payload-codec.js';
import { DossierHarness, sampleFile } from '../workflows/dossier-harness.js';

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface RequestOptions {
  token?: string;
  json?: unknown;
  form?: FormData;
  raw?: { body: string | Uint8Array; contentType: string };
  headers?: Record<string, string>;
}

/**
 * The API on a server of its own for one test file: a dossier worker on the run's dev server
 * (DossierHarness), the API's store on the worker's database with the demo organisation seeded.
 */
export class ApiHarness {
  private readonly tokens = new Map<string, string>();

  private constructor(
    readonly dossiers: DossierHarness,
    readonly store: ApiStore,
    readonly context: ApiContext,
    private readonly server: RunningHttpServer,
  ) {}

  static async create(options: { settings?: Partial<ApiSettings>; attachments?: AttachmentStorage; services?: NonNullable<Parameters<typeof DossierHarness.create>[0]>['services'] } = {}): Promise<ApiHarness> {
    const dossiers = await DossierHarness.create({ devServer: true, services: options.services });
    const connection = dossiers.store.dossiers.db;
    const store = createApiStore(connection);
    await store.ensureIndexes();
    await seedDemo(store);
    const logger = pino({ level: process.env.MOTCUA_TEST_LOG ?? 'silent' });
    const tokens = new TokenService({ secret: new TextEncoder().encode('test-secret-test-secret-test-secret!'), issuer: 'motcua', accessTtlSeconds: 900, refreshTtlSeconds: 3600 });
    const context: ApiContext = {
      store,
      temporal: { client: dossiers.client, taskQueue: dossiers.taskQueue, searchAttributes: true, payloadCodec: testPayloadCodec },
      tokens,
      verifier: tokens,
      attachments: options.attachments ?? gridFsStorage(connection.db!),
      loadCalendar: async (id) => (await loadCalendar(id)).data,
      settings: { ...defaultApiSettings, rateLimits: { auth: { windowMs: 60_000, limit: 1000 }, intake: { windowMs: 60_000, limit: 1000 } }, ...options.settings },
      logger,
      ...createLiveUpdates(store, logger),
      metrics: createApiMetrics(),
    };
    const server = await listen(createApp({ probes: [], api: context }), 0, '127.0.0.1');
    return new ApiHarness(dossiers, store, context, server);
  }

  get url(): string {
    return this.server.url;
  }

  async request<T = any>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    let body: RequestInit['body'];
    if (options.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.form) body = options.form;
    else if (options.raw) {
      headers['Content-Type'] = options.raw.contentType;
      body = options.raw.body as RequestInit['body'];
    }
    const response = await fetch(`${this.url}${path}`, { method, headers, body });
    const type = response.headers.get('content-type') ?? '';
    const parsed = type.includes('json') ? await response.json() : type.startsWith('text/') ? await response.text() : new Uint8Array(await response.arrayBuffer());
    return { status: response.status, headers: response.headers, body: parsed as T };
  }

  /** An access token of a demo account (cached per file). */
  async token(username: string): Promise<string> {
    const cached = this.tokens.get(username);
    if (cached) return cached;
    const response = await this.request('POST', '/api/auth/login', { json: { username, password: 'motcua-demo' } });
    if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${JSON.stringify(response.body)}`);
    this.tokens.set(username, response.body.accessToken);
    return response.body.accessToken;
  }

  /** Creates (as the reformer) and deploys (as the admin) a sample procedure; returns its code. */
  async deploySample(name = 'household-business-registration'): Promise<string> {
    const xml = await readFile(sampleFile(name), 'utf8');
    const created = await this.request('POST', '/api/procedures', { token: await this.token('reformer'), json: { xml } });
    if (created.status !== 201) throw new Error(`create ${name}: ${created.status} ${JSON.stringify(created.body)}`);
    const deployed = await this.request('POST', `/api/procedures/${created.body.code}/deploy`, { token: await this.token('admin') });
    if (deployed.status !== 201) throw new Error(`deploy ${name}: ${deployed.status} ${JSON.stringify(deployed.body)}`);
    return created.body.code;
  }

  /**
   * Submits a dossier online as the citizen `an`, with one PDF attached, as the request form
   * (`giayDeNghi`) and with the household's name (`tenHoKinhDoanh`) where the start form asks for them.
   */
  async submitOnline(procedureCode: string, citizen = 'an'): Promise<ApiResponse> {
    const startForm = ((await this.request('GET', `/api/catalogue/${procedureCode}`)).body.startForm ?? []) as Array<{ key: string }>;
    const asks = (key: string) => startForm.some((field) => field.key === key);
    const form = new FormData();
    form.append(
      'data',
      JSON.stringify({
        procedureCode,
        channel: 'online',
        applicant: { name: 'Nguyễn Văn An', idNumber: '001099000001' },
        variables: asks('tenHoKinhDoanh') ? { tenHoKinhDoanh: 'Quán Phở An' } : {},
        documents: [asks('giayDeNghi') ? 'giayDeNghi' : null],
      }),
    );
    form.append('attachments', new Blob([pdfBytes], { type: 'application/pdf' }), 'giay-de-nghi.pdf');
    return this.request('POST', '/api/dossiers', { token: await this.token(citizen), form });
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

  async teardown(): Promise<void> {
    this.context.events.close();
    await this.server.close();
    await this.dossiers.teardown();
  }
}

export const pdfBytes = new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

/** The receipt step's form as the one-stop officer fills it for the household-business sample. */
export const receiptForm = {
  hoTen: 'Nguyễn Văn An',
  soDinhDanh: '001099000001',
  tenHoKinhDoanh: 'Quán Phở An',
  nganhNghe: 'Ăn uống',
  vonKinhDoanh: 50_000_000,
  giayDeNghi: 'giay-de-nghi',
};
