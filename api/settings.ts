/** What an agency may tune in the API; scripts/start.ts reads it from the environment. */
export interface ApiSettings {
  /**
   * Dossier code format: `{agencyCode}`, `{yymmdd}` (receipt day in the calendar's time zone) and
   * `{sequence:N}` (the agency's daily sequence, N digits). Circular 01/2018 Art. 19 by default.
   */
  dossierCodeFormat: string;
  /** Origins allowed to call the API from a browser (the designer is same-origin and needs none). */
  corsOrigins: string[];
  /** Largest JSON body (BPMN models travel as JSON). */
  jsonBodyLimit: string;
  uploads: { maxFileBytes: number; maxFiles: number; allowedTypes: string[] };
  rateLimits: { auth: RateLimit; intake: RateLimit };
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
  jsonBodyLimit: '5mb',
  uploads: {
    maxFileBytes: 10 * 1024 * 1024,
    maxFiles: 10,
    allowedTypes: ['application/pdf', 'image/jpeg', 'image/png', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  },
  rateLimits: {
    auth: { windowMs: 60_000, limit: 20 },
    intake: { windowMs: 60_000, limit: 60 },
  },
};
