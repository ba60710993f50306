export interface PortalResponse {
  status: number;
  body: unknown;
}

/** The National Public Service Portal as MotCua calls it: status updates and records (results, data). */
export interface PortalClient {
  sendStatus(payload: Record<string, unknown>, idempotencyKey: string): Promise<PortalResponse>;
  sendRecord(record: { idempotencyKey: string; dossierCode: string; kind: string; data: unknown }): Promise<{ accepted: true; at: string }>;
}

export interface PortalSettings {
  /** Base URL; MotCua posts to `<endpoint>/statuses` and `<endpoint>/records`. */
  endpoint: string;
  /** Sent as a bearer token when set. */
  token?: string;
  timeoutMs: number;
}

/** Thrown for an answer that retrying cannot change (4xx other than 409, 408, 429). */
export class PortalRefusal extends Error {}

function retryable(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

/** An HTTP client of the portal: JSON over HTTPS, an Idempotency-Key on every call, a timeout. */
export function httpPortalClient(settings: PortalSettings): PortalClient {
  async function post(path: string, body: unknown, idempotencyKey: string): Promise<PortalResponse> {
    const response = await fetch(`${settings.endpoint.replace(/\/$/, '')}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': idempotencyKey,
        ...(settings.token ? { authorization: `Bearer ${settings.token}` } : {}),
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
    const text = await response.text();
    const parsed = text ? (JSON.parse(text) as unknown) : null;
    if (retryable(response.status)) throw new Error(`portal ${path} answered ${response.status}`);
    return { status: response.status, body: parsed };
  }
  return {
    sendStatus: (payload, idempotencyKey) => post('/statuses', payload, idempotencyKey),
    async sendRecord({ idempotencyKey, dossierCode, kind, data }) {
      const response = await post('/records', { MaHoSo: dossierCode, LoaiDuLieu: kind, DuLieu: data }, idempotencyKey);
      if (response.status >= 300) throw new PortalRefusal(`portal refused the record: ${response.status} ${JSON.stringify(response.body)}`);
      return { accepted: true, at: new Date().toISOString() };
    },
  };
}
