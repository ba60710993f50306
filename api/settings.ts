import type { LockoutPolicy } from './auth/sign-in-lockout.js';

/** What an agency may tune in the API; scripts/start.ts reads it from the environment. */
export interface ApiSettings {
  /**
   * Dossier code format: `{agencyCode}`, `{yymmdd}` (receipt day in the calendar's time zone) and
   * `{sequence:N}` (the agency's daily sequence, N digits). Circular 01/2018 Art. 19 by default.
   */
  dossierCodeFormat: string;
  /** Origins allowed to call the API from a browser (the designer is same-origin and needs none). */
  corsOrigins: string[];
  /**
   * Origins of the Temporal Web UI, allowed to call the codec endpoint with credentials (the
   * staff member's codec cookie); `npm start` adds its dev server's.
   */
  temporalUiOrigins: string[];
  /** Largest JSON body (BPMN models travel as JSON). */
  jsonBodyLimit: string;
  /** Deepest nesting of arrays and objects in a JSON body or a multipart `data` field. */
  jsonDepthLimit: number;
  uploads: { maxFileBytes: number; maxFiles: number; allowedTypes: string[] };
  rateLimits: { auth: RateLimit; intake: RateLimit };
  /**
   * Tracking by dossier code without an account: look-ups per client, refused look-ups per dossier
   * code (whoever makes them), and how long the document links it hands out stay valid.
   */
  publicTracking: { perClient: RateLimit; refusalsPerCode: RateLimit; documentLinkTtlSeconds: number };
  /** Per-account lockout after failed sign-ins. */
  signInLockout: LockoutPolicy;
  /**
   * Addresses or subnets (Express's `trust proxy` list, e.g. `10.0.0.0/8`, `loopback`) of the
   * reverse proxies whose X-Forwarded-For names the client. Empty: the connection's own address
   * counts, and a forged header changes nothing (rate limits included).
   */
  trustProxy: string[];
  /** The secret the payment gateway signs its callbacks with; unset, the callback answers 503. */
  paymentCallbackSecret?: string;
}

export interface RateLimit {
  windowMs: number;
  limit: number;
}

export const defaultApiSettings: ApiSettings = {
  dossierCodeFormat: '{agencyCode}-{yymmdd}-{sequence:4}',
  corsOrigins: [],
  temporalUiOrigins: [],
  jsonBodyLimit: '5mb',
  jsonDepthLimit: 32,
  uploads: {
    maxFileBytes: 10 * 1024 * 1024,
    maxFiles: 10,
    allowedTypes: ['application/pdf', 'image/jpeg', 'image/png', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  },
  rateLimits: {
    auth: { windowMs: 60_000, limit: 20 },
    intake: { windowMs: 60_000, limit: 60 },
  },
  publicTracking: { perClient: { windowMs: 60_000, limit: 30 }, refusalsPerCode: { windowMs: 15 * 60_000, limit: 10 }, documentLinkTtlSeconds: 600 },
  signInLockout: { freeFailures: 5, firstLockMs: 60_000, maxLockMs: 60 * 60_000, forgetAfterMs: 24 * 60 * 60_000 },
  trustProxy: [],
};
