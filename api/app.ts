import { existsSync } from 'node:fs';
import cors from 'cors';
import express, { Router, type Express } from 'express';
import helmet from 'helmet';
import { authenticate } from './auth/authenticate.js';
import type { ApiContext } from './context.js';
import { healthRouter, type DependencyProbe } from './health/health-router.js';
import { problemHandler, unknownRoute } from './http/problem.js';
import { requestLogging } from './http/request-logging.js';
import { requestTracing } from './http/request-tracing.js';
import { mountRoutes } from './http/route.js';
import { httpMetrics } from './metrics/http-metrics.js';
import { designerStatic } from './designer/designer-static.js';
import { docsRouter } from './openapi/docs-router.js';
import { openApiDocument } from './openapi/openapi-document.js';
import { apiRoutes } from './routes.js';
import { codecEndpointPath } from './temporal/codec-routes.js';

export interface AppOptions {
  probes: DependencyProbe[];
  /** The HTTP API's dependencies: store, Temporal, tokens, storage, settings. */
  api: ApiContext;
  /** The built designer (designer/dist), served at `/` so the whole product has one origin. */
  designerDir?: string;
  /** A server span per request (scripts/runtime/tracing.ts registers the provider when an OTLP endpoint is set). */
  tracing?: boolean;
}

export const apiInfo = {
  title: 'MotCua API',
  version: '0.1.0',
  description: 'Procedures, deployment, dossiers, worklist, monitoring and audit of MotCua. Errors are RFC 9457 problem documents.',
};

export function createApp(options: AppOptions): Express {
  const { api } = options;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', api.settings.trustProxy.length > 0 ? api.settings.trustProxy : false);
  app.use(httpMetrics(api.metrics));
  app.use(helmet());
  app.use(healthRouter(options.probes));

  const routes = apiRoutes(api);
  if (options.tracing) app.use(requestTracing());
  app.use(requestLogging(api.logger.child({ component: 'http' })));
  app.use(docsRouter(openApiDocument(routes, apiInfo)));
  const router = Router();
  // The Temporal Web UI calls the codec endpoint from its own origin, sending the codec cookie.
  router.use(codecEndpointPath, cors({ origin: api.settings.temporalUiOrigins, credentials: true, methods: ['POST'], allowedHeaders: ['Authorization', 'Content-Type', 'X-Namespace'] }));
  router.use('/api', cors({ origin: api.settings.corsOrigins, allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-Id'], exposedHeaders: ['X-Request-Id', 'Location'] }));
  router.use('/api', express.json({ limit: api.settings.jsonBodyLimit, strict: true }));
  router.use(authenticate(api.verifier));
  mountRoutes(router, routes, { jsonDepthLimit: api.settings.jsonDepthLimit });
  router.use('/api', unknownRoute);
  app.use(router);

  if (options.designerDir && existsSync(options.designerDir)) app.use(designerStatic(options.designerDir));
  app.use(problemHandler(api.logger));
  return app;
}
