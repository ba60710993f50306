import { readFile } from 'node:fs/promises';
import { sampleFile } from '../workflows/dossier-harness.js';

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

/** MotCua's HTTP API as the tests call it, at one URL: requests, demo sign-ins, a sample procedure deployed, a dossier submitted. */
export class ApiClient {
  private readonly tokens = new Map<string, string>();

  constructor(readonly url: string) {}

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
   * (`giayDeNghi`) and with the household's name (`tenHoKinhDoanh`) where the start form asks for them;
   * `variables` adds to, or replaces, what the citizen gives; `more`: further members of the submission (the result delivery…).
   */
  async submitOnline(procedureCode: string, citizen = 'an', applicant: Record<string, string> = { name: 'Nguyễn Văn An', idNumber: '001099000001' }, variables: Record<string, unknown> = {}, more: Record<string, unknown> = {}): Promise<ApiResponse> {
    const startForm = ((await this.request('GET', `/api/catalogue/${procedureCode}`)).body.startForm ?? []) as Array<{ key: string }>;
    const asks = (key: string) => startForm.some((field) => field.key === key);
    const form = new FormData();
    form.append(
      'data',
      JSON.stringify({
        procedureCode,
        channel: 'online',
        applicant,
        variables: { ...(asks('tenHoKinhDoanh') ? { tenHoKinhDoanh: 'Quán Phở An' } : {}), ...variables },
        documents: [asks('giayDeNghi') ? 'giayDeNghi' : null],
        ...more,
      }),
    );
    form.append('attachments', new Blob([pdfBytes], { type: 'application/pdf' }), 'giay-de-nghi.pdf');
    return this.request('POST', '/api/dossiers', { token: await this.token(citizen), form });
  }

}

export const pdfBytes = new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
