import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { healthRouter, type DependencyProbe } from './health/health-router.js';

export interface AppOptions {
  probes: DependencyProbe[];
  /** The built designer (designer/dist), served at `/` so the whole product has one origin. */
  designerDir?: string;
}

export function createApp(options: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(helmet());
  app.use(healthRouter(options.probes));
  if (options.designerDir && existsSync(options.designerDir)) {
    const designerDir = options.designerDir;
    app.use(express.static(designerDir, { index: 'index.html' }));
    // The designer routes in the browser (history mode): unknown GET paths get its page.
    app.get('/{*path}', (_request, response) => response.sendFile(path.join(designerDir, 'index.html')));
  }
  return app;
}
