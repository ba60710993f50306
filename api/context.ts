import type { Client } from '@temporalio/client';
import type { PayloadCodec } from '@temporalio/common';
import type { Logger } from 'pino';
import type { CalendarData } from '../engine/calendar/index.js';
import type { ApiStore } from './api-store.js';
import type { AttachmentStorage } from './attachments/attachment-storage.js';
import type { AccessTokenVerifier } from './auth/access-token-verifier.js';
import type { CompilePool } from './compilation/compile-pool.js';
import type { SessionRevocations } from './auth/session-revocations.js';
import type { TokenService } from './auth/tokens.js';
import type { ApiMetrics } from './metrics/api-metrics.js';
import type { EventHub } from './monitoring/event-hub.js';
import type { LiveWorklist } from './tasks/live-worklist.js';
import type { ApiSettings } from './settings.js';

/** Where dossiers run. */
export interface TemporalAccess {
  client: Client;
  taskQueue: string;
  /** False on a server without MotCua's search attributes (the Java time-skipping test server). */
  searchAttributes: boolean;
  /** The codec of the client's data converter: what the codec endpoint decodes and encodes with for the Temporal Web UI. */
  payloadCodec: PayloadCodec;
}

/** Everything the API's routes use, handed in by the composition root (scripts/start.ts) or a test. */
export interface ApiContext {
  store: ApiStore;
  temporal: TemporalAccess;
  tokens: TokenService;
  /** When users' sessions were revoked (disabled, password reset): the tokens refuse what was issued before. */
  revocations: SessionRevocations;
  /** How bearer tokens are checked: MotCua's own tokens, or those and an agency's SSO (auth seam). */
  verifier: AccessTokenVerifier;
  attachments: AttachmentStorage;
  /** A calendar as shipped (engine/calendar/data), before any version published through the API. */
  loadCalendar(id: string): Promise<CalendarData>;
  settings: ApiSettings;
  logger: Logger;
  events: EventHub;
  /** The open tasks in memory, following the store's task-change announcements. */
  worklist: LiveWorklist;
  /** Compiles models off the event loop (worker threads); closed on shutdown by the composition root. */
  compiler: CompilePool;
  /** This process's Prometheus metrics (served on the metrics port by the composition root). */
  metrics: ApiMetrics;
}
