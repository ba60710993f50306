import { ApiError, problemOf } from './problem.js';

export interface Tokens {
  accessToken: string;
  refreshToken: string;
}

/** Where the client keeps the session's tokens (the session module persists them). */
export interface TokenStore {
  get(): Tokens | null;
  set(tokens: Tokens | null): void;
}

export interface HttpClientOptions {
  baseUrl?: string;
  tokens: TokenStore;
  fetch?: typeof fetch;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * JSON over fetch with the bearer token. An expired access token is refreshed once, then the request
 * is replayed; a refused refresh ends the session. Every refusal becomes an ApiError with the
 * server's problem+json.
 */
export class HttpClient {
  private readonly baseUrl: string;
  private readonly tokens: TokenStore;
  private readonly fetch: typeof fetch;
  private refreshing: Promise<boolean> | null = null;

  constructor(options: HttpClientOptions) {
    this.baseUrl = options.baseUrl ?? '';
    this.tokens = options.tokens;
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  put<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('PUT', path, body);
  }

  patch<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('PATCH', path, body);
  }

  /** A multipart request (files and a JSON field), as dossier submission and supplements are. */
  postForm<T>(path: string, form: FormData): Promise<T> {
    return this.request<T>('POST', path, form);
  }

  /** A file the API serves behind sign-in (an attachment), as a Blob. */
  async blob(path: string): Promise<Blob> {
    return (await this.exchange('GET', path)).blob();
  }

  /** The current access token, for the one transport that cannot send headers (EventSource). */
  accessToken(): string | undefined {
    return this.tokens.get()?.accessToken;
  }

  async request<T>(method: Method, path: string, body?: unknown): Promise<T> {
    const response = await this.exchange(method, path, body);
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  private async exchange(method: Method, path: string, body?: unknown): Promise<Response> {
    let response = await this.send(method, path, body);
    if (response.status === 401 && this.tokens.get() && (await this.refresh())) response = await this.send(method, path, body);
    if (!response.ok) throw new ApiError(await problemOf(response));
    return response;
  }

  private async send(method: Method, path: string, body: unknown): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
    const access = this.tokens.get()?.accessToken;
    if (access) headers.authorization = `Bearer ${access}`;
    const multipart = body instanceof FormData;
    if (body !== undefined && !multipart) headers['content-type'] = 'application/json';
    try {
      return await this.fetch(`${this.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : multipart ? body : JSON.stringify(body) });
    } catch (error) {
      throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, detail: (error as Error).message });
    }
  }

  /** One refresh at a time: concurrent 401s wait for the same one. */
  private refresh(): Promise<boolean> {
    this.refreshing ??= (async () => {
      const refreshToken = this.tokens.get()?.refreshToken;
      try {
        const response = await this.fetch(`${this.baseUrl}/api/auth/refresh`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ refreshToken }),
        });
        if (!response.ok) {
          this.tokens.set(null);
          return false;
        }
        const tokens = (await response.json()) as Tokens;
        this.tokens.set({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken });
        return true;
      } catch {
        return false;
      } finally {
        this.refreshing = null;
      }
    })();
    return this.refreshing;
  }
}
