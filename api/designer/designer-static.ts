import path from 'node:path';
import compression from 'compression';
import express, { Router } from 'express';

/** Vite names every built asset by its content hash: a new build is a new name, so browsers may keep one forever. */
const hashedAssetCache = 'public, max-age=31536000, immutable';
/** The page itself names the current assets: browsers check it on every visit. */
const pageCache = 'no-cache';

/**
 * The built designer, compressed and cached as a phone on a slow network needs it: the API's own
 * answers are left alone (the live-change stream must not wait in a compression buffer).
 */
export function designerStatic(designerDir: string): Router {
  const router = Router();
  const page = path.join(designerDir, 'index.html');
  router.use(compression());
  router.use(
    express.static(designerDir, {
      index: 'index.html',
      setHeaders(response, file) {
        response.setHeader('Cache-Control', path.relative(designerDir, file).startsWith(`assets${path.sep}`) ? hashedAssetCache : pageCache);
      },
    }),
  );
  // The designer routes in the browser (history mode): unknown GET paths get its page.
  router.get('/{*path}', (_request, response) => {
    response.setHeader('Cache-Control', pageCache);
    response.sendFile(page);
  });
  return router;
}
