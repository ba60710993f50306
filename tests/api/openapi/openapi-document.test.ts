import { Validator } from '@seriousme/openapi-schema-validator';
import type { Express } from 'express';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../api/app.js';
import { TokenService } from '../../../api/auth/tokens.js';
import type { ApiContext } from '../../../api/context.js';
import { createApiMetrics } from '../../../api/metrics/api-metrics.js';
import { listen, type RunningHttpServer } from '../../../api/http-server.js';
import { EventHub } from '../../../api/monitoring/event-hub.js';
import { defaultApiSettings } from '../../../api/settings.js';

/** The app without servers: enough to serve its document and list what Express mounted. */
function appWithoutServers(): Express {
  const tokens = new TokenService({ secret: new Uint8Array(32), issuer: 'motcua', accessTtlSeconds: 60, refreshTtlSeconds: 60 });
  // No store: the rate limiters only hold on to their collection until a request comes.
  const context = { settings: defaultApiSettings, logger: pino({ level: 'silent' }), verifier: tokens, tokens, events: new EventHub(), metrics: createApiMetrics(), store: {} } as unknown as ApiContext;
  return createApp({ probes: [], api: context });
}

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** `METHOD /path` of every route Express has, found by walking its router stacks. */
function mountedRoutes(app: Express): string[] {
  const found: string[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) for (const method of Object.keys(layer.route.methods)) found.push(`${method.toUpperCase()} ${layer.route.path}`);
      else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return found;
}

describe('OpenAPI document', () => {
  let server: RunningHttpServer;
  let app: Express;
  let document: {
    openapi: string;
    paths: Record<string, Record<string, { security: unknown[]; responses: Record<string, unknown> }>>;
    components: { schemas: Record<string, Record<string, unknown>> };
  };

  beforeAll(async () => {
    app = appWithoutServers();
    server = await listen(app, 0, '127.0.0.1');
    document = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as typeof document;
  });
  afterAll(() => server.close());

  it('is a valid OpenAPI 3.1 document', async () => {
    expect(document.openapi).toBe('3.1.0');
    const result = await new Validator().validate(document as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('gives every component a schema of its own, and every $ref names a component', () => {
    const schemas = document.components.schemas;
    expect(Object.keys(schemas)).toEqual(expect.arrayContaining(['Session', 'Me', 'Problem', 'Dossier', 'DossierSubmission', 'TaskDetail', 'Stats']));
    for (const [name, schema] of Object.entries(schemas)) {
      expect(schema.$ref, `components.schemas.${name} is only a reference`).toBeUndefined();
      expect(Object.keys(schema).length, name).toBeGreaterThan(0);
    }
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"([^"]+)"/g)].map((match) => match[1]!);
    expect(refs.length).toBeGreaterThan(50);
    for (const ref of new Set(refs)) expect(schemas[ref.replace('#/components/schemas/', '')], ref).toBeDefined();
  });

  it('describes exactly the routes Express serves under /api', () => {
    const served = mountedRoutes(app)
      .filter((route) => route.split(' ')[1]!.startsWith('/api/'))
      // The document and its reference page describe the API, not themselves.
      .filter((route) => !['GET /api/openapi.json', 'GET /api/docs'].includes(route))
      .map((route) => route.replace(/:([A-Za-z0-9_]+)/g, '{$1}'))
      .sort();
    const documented = Object.entries(document.paths)
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    expect(served.length).toBeGreaterThan(40);
    expect(documented).toEqual(served);
  });

  it('documents 401 on every route that needs a token, and a bearer scheme', () => {
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (operation.security.length > 0) expect(Object.keys(operation.responses), `${method} ${path}`).toContain('401');
      }
    }
  });

  it('documents on every route the 503 a dependency down gives, with Retry-After, and on every route with a body the 400 of malformed or too deep JSON', () => {
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations) as Array<[string, { requestBody?: unknown; responses: Record<string, { description: string; headers?: Record<string, unknown> }> }]>) {
        const where = `${method} ${path}`;
        expect(operation.responses['503']?.description, where).toContain('temporal-unavailable');
        expect(operation.responses['503']?.headers, where).toHaveProperty('Retry-After');
        if (operation.requestBody) expect(operation.responses['400']?.description, where).toContain('json-too-deep');
      }
    }
  });

  it('serves the interactive reference page and its bundle from this server (no CDN)', async () => {
    const page = await fetch(`${server.url}/api/docs`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('data-url="/api/openapi.json"');
    expect(html).not.toMatch(/https?:\/\//);
    const bundle = await fetch(`${server.url}/api/docs/assets/standalone.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toContain('javascript');
  });

  it('answers unknown API routes with a 404 problem document', async () => {
    const response = await fetch(`${server.url}/api/nowhere`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 404, code: 'unknown-route', instance: '/api/nowhere' });
  });
});
