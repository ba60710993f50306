/**
 * Builds the HTTP API's dependencies from the environment (the API itself reads no configuration):
 * token secret, attachment storage, CORS origins, dossier code format, and the demo accounts.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { pino } from 'pino';
import { createApiStore } from '../../api/api-store.js';
import { diskStorage } from '../../api/attachments/disk-storage.js';
import { gridFsStorage } from '../../api/attachments/gridfs-storage.js';
import { TokenService } from '../../api/auth/tokens.js';
import type { ApiContext } from '../../api/context.js';
import { EventHub } from '../../api/monitoring/event-hub.js';
import { createApiMetrics } from '../../api/metrics/api-metrics.js';
import { LiveWorklist } from '../../api/tasks/live-worklist.js';
import { seedDemo } from '../../api/org/demo-seed.js';
import { defaultApiSettings } from '../../api/settings.js';
import { loadCalendar } from '../calendar/calendar-files.js';
import { ConfigError } from './config.js';
import type mongoose from 'mongoose';

/** MOTCUA_TOKEN_SECRET, or a random secret kept in the data directory so sessions survive restarts. */
async function tokenSecret(dataDir: string): Promise<Uint8Array> {
  const given = process.env.MOTCUA_TOKEN_SECRET;
  if (given) {
    if (Buffer.byteLength(given) < 32) throw new ConfigError('MOTCUA_TOKEN_SECRET: at least 32 characters');
    return new TextEncoder().encode(given);
  }
  const file = path.join(dataDir, 'token-secret');
  const existing = await readFile(file, 'utf8').catch(() => undefined);
  if (existing) return new TextEncoder().encode(existing.trim());
  const secret = randomBytes(48).toString('base64url');
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, secret, { mode: 0o600 });
  return new TextEncoder().encode(secret);
}

export async function createApiContext(options: {
  connection: mongoose.Connection;
  client: Client;
  taskQueue: string;
  dataDir: string;
  /** The payment gateway's callback secret (scripts/runtime/outside-services.ts). */
  paymentCallbackSecret?: string;
}): Promise<ApiContext> {
  const store = createApiStore(options.connection);
  await store.ensureIndexes();
  if (process.env.MOTCUA_SEED_DEMO !== 'false') await seedDemo(store);
  const tokens = new TokenService({ secret: await tokenSecret(options.dataDir), issuer: 'motcua', accessTtlSeconds: 15 * 60, refreshTtlSeconds: 7 * 24 * 3600 });
  const attachments =
    process.env.MOTCUA_ATTACHMENTS === 'disk' ? diskStorage(path.join(options.dataDir, 'attachments')) : gridFsStorage(options.connection.db!);
  const logger = pino({ level: process.env.MOTCUA_LOG_LEVEL || 'info' });
  const corsOrigins = (process.env.MOTCUA_CORS_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean);
  return {
    store,
    temporal: { client: options.client, taskQueue: options.taskQueue, searchAttributes: true },
    tokens,
    verifier: tokens,
    attachments,
    loadCalendar: async (id) => (await loadCalendar(id)).data,
    settings: { ...defaultApiSettings, corsOrigins, dossierCodeFormat: process.env.MOTCUA_DOSSIER_CODE_FORMAT || defaultApiSettings.dossierCodeFormat, paymentCallbackSecret: options.paymentCallbackSecret },
    logger,
    events: new EventHub(),
    worklist: new LiveWorklist(store, logger),
    metrics: createApiMetrics(),
  };
}
