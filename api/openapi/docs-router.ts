import { createRequire } from 'node:module';
import path from 'node:path';
import express, { Router } from 'express';
import helmet from 'helmet';

const require = createRequire(import.meta.url);
/** Scalar's self-contained browser bundle, served from node_modules: the page works offline. */
const scalarBundle = path.join(path.dirname(require.resolve('@scalar/api-reference')), 'browser');

const page = `<!doctype html>
<html lang="vi">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>MotCua API</title>
  </head>
  <body>
    <script id="api-reference" data-url="/api/openapi.json" data-configuration='{"withDefaultFonts":false,"hideClientButton":false}'></script>
    <script src="/api/docs/assets/standalone.js"></script>
  </body>
</html>`;

/** `GET /api/openapi.json` and the interactive reference page at `/api/docs`. */
export function docsRouter(document: unknown): Router {
  const router = Router();
  router.get('/api/openapi.json', (_request, response) => response.json(document));
  // Scalar styles itself inline; only its own page is allowed to.
  const docsPolicy = helmet.contentSecurityPolicy({
    directives: { 'script-src': ["'self'"], 'style-src': ["'self'", "'unsafe-inline'"], 'connect-src': ["'self'"], 'img-src': ["'self'", 'data:'], 'font-src': ["'self'", 'data:'] },
  });
  router.use('/api/docs/assets', docsPolicy, express.static(scalarBundle, { immutable: true, maxAge: '1d' }));
  router.get('/api/docs', docsPolicy, (_request, response) => response.type('html').send(page));
  return router;
}
