/**
 * Builds the HTTP API's dependencies from the environment (the API itself reads no configuration):
 * token secret, attachment storage, CORS origins, dossier code format, and the demo accounts.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import type { PayloadCodec } from '@temporalio/common';
import { pino } from 'pino';
import { SessionRevocations } from '../../api/auth/session-revocations.js';
import { createApiStore } from '../../api/api-store.js';
import { diskStorage } from '../../api/attachments/disk-storage.js';
import { gridFsStorage } from '../../api/attachments/gridfs-storage.js';
import { TokenService } from '../../api/auth/tokens.js';
import { CompilePool } from '../../api/compilation/compile-pool.js';
import type { ApiContext } from '../../api/context.js';
import { traceLogFields } from '../../api/http/trace-log-fields.js';
import { createApiMetrics } from '../../api/metrics/api-metrics.js';
import { createLiveUpdates } from '../../api/monitoring/live-updates.js';
import { seedDemo } from '../../api/org/demo-seed.js';
import { defaultApiSettings } from '../../api/settings.js';
import { loadCalendar } from '../calendar/calendar-files.js';
import { ConfigError } from './config.js';
import { generatedSecret } from './generated-secret.js';
import { assertNoOpenDemoAccounts } from './production-checks.js';
import type mongoose from 'mongoose';

/** MOTCUA_TOKEN_SECRET, or a random secret kept in the data directory so sessions survive restarts. */
async function tokenSecret(dataDir: string): Promise<Uint8Array> {
  const given = process.env.MOTCUA_TOKEN_SECRET;
  if (given) {
    if (Buffer.byteLength(given) < 32) throw new ConfigError('MOTCUA_TOKEN_SECRET: at least 32 characters');
    return new TextEncoder().encode(given);
  }
  return new TextEncoder().encode(await generatedSecret(dataDir, 'token-secret', () => randomBytes(48).toString('base64url')));
}

/** A comma-separated variable as a list (unset: empty). */
function listVariable(name: string): string[] {
  return (process.env[name] ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
}

export async function createApiContext(options: {
  connection: mongoose.Connection;
  client: Client;
  taskQueue: string;
  dataDir: string;
  /** The payment gateway's callback secret (scripts/runtime/outside-services.ts). */
  paymentCallbackSecret?: string;
  /** The codec of the client's data converter, served to the Temporal Web UI (api/temporal/codec-routes.ts). */
  payloadCodec: PayloadCodec;
  /** The embedded Temporal Web UI's URL, allowed to call the codec endpoint (scripts/runtime/runtime.ts). */
  temporalUiUrl?: string;
}): Promise<ApiContext> {
  const store = createApiStore(options.connection);
  await store.ensureIndexes();
  if (process.env.MOTCUA_SEED_DEMO !== 'false') await seedDemo(store);
  await assertNoOpenDemoAccounts(store);
  const revocations = new SessionRevocations(store.sessionRevocations, 15 * 60 * 1000);
  const tokens = new TokenService({ secret: await tokenSecret(options.dataDir), issuer: 'motcua', accessTtlSeconds: 15 * 60, revocations, refreshTtlSeconds: 7 * 24 * 3600 });
  const attachments =
    process.env.MOTCUA_ATTACHMENTS === 'disk' ? diskStorage(path.join(options.dataDir, 'attachments')) : gridFsStorage(options.connection.db!);
  const logger = pino({ level: process.env.MOTCUA_LOG_LEVEL || 'info', mixin: traceLogFields });
  const corsOrigins = listVariable('MOTCUA_CORS_ORIGINS');
  const temporalUiOrigins = [...listVariable('MOTCUA_TEMPORAL_UI_ORIGINS'), ...(options.temporalUiUrl ? [new URL(options.temporalUiUrl).origin] : [])];
  return {
    store,
    temporal: { client: options.client, taskQueue: options.taskQueue, searchAttributes: true, payloadCodec: options.payloadCodec },
    tokens,
    revocations,
    verifier: tokens,
    attachments,
    loadCalendar: async (id) => (await loadCalendar(id)).data,
    settings: { ...defaultApiSettings, corsOrigins, temporalUiOrigins, trustProxy: listVariable('MOTCUA_TRUST_PROXY'), dossierCodeFormat: process.env.MOTCUA_DOSSIER_CODE_FORMAT || defaultApiSettings.dossierCodeFormat, paymentCallbackSecret: options.paymentCallbackSecret },
    logger,
    ...createLiveUpdates(store, logger),
    compiler: new CompilePool(),
    metrics: createApiMetrics(),
  };
}
