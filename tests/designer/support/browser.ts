/**
 * Headless Chromium for the designer's browser tests and benchmark: Debian's chromium driven by
 * playwright-core (which downloads no browser), with a fresh profile each launch.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type BrowserContextOptions } from 'playwright-core';
import { reportBuildWarning } from '../../../designer/build-warnings.js';

export const CHROMIUM_PATH = process.env.MOTCUA_CHROMIUM ?? '/usr/bin/chromium';

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A screen other than the default desktop one (a phone: viewport, pixel ratio, touch). */
export type Device = Pick<BrowserContextOptions, 'viewport' | 'deviceScaleFactor' | 'hasTouch' | 'isMobile'>;

/**
 * `locale` is the browser's language (Vietnamese unless a test checks another, e.g. 'en-US');
 * `debuggingPort` opens the DevTools protocol to another client too (Lighthouse); `device` replaces
 * the 1600×1000 desktop screen.
 */
export async function launchChromium(options: { locale?: string; debuggingPort?: number; device?: Device } = {}): Promise<Browser> {
  const locale = options.locale ?? 'vi-VN';
  const profile = await mkdtemp(path.join(os.tmpdir(), 'motcua-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--lang=${locale}`, ...(options.debuggingPort ? [`--remote-debugging-port=${options.debuggingPort}`] : [])],
    viewport: { width: 1600, height: 1000 },
    locale,
    timezoneId: 'Asia/Ho_Chi_Minh',
    ...options.device,
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

const contentTypes: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.woff': 'font/woff', '.woff2': 'font/woff2' };

/** Serves a built page on a free loopback port. */
export async function serveDirectory(directory: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(async (request, response) => {
    const relative = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.join(directory, path.normalize(relative));
    if (!file.startsWith(directory)) return void response.writeHead(403).end();
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': contentTypes[path.extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return { url: `http://127.0.0.1:${address.port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const engineRoot = fileURLToPath(new URL('../../../engine', import.meta.url));

/** Builds the modeler page (production build, as the designer ships) into a temporary directory. */
export const buildModelerPage = () => buildTestPage('modeler-page');

/** Builds a test page of tests/designer/support/<name>/ (production build, Vue components compiled) into a temporary directory. */
export async function buildTestPage(name: string): Promise<{ directory: string; dispose(): Promise<void> }> {
  const directory = await mkdtemp(path.join(os.tmpdir(), `motcua-${name}-`));
  const [{ build }, { default: vue }] = await Promise.all([import('vite'), import('@vitejs/plugin-vue')]);
  await build({
    root: fileURLToPath(new URL(`./${name}/`, import.meta.url)),
    configFile: false,
    plugins: [vue()],
    logLevel: 'warn',
    base: './',
    resolve: { alias: { '@engine': engineRoot } },
    build: { outDir: directory, emptyOutDir: true, chunkSizeWarningLimit: 5_000, rollupOptions: { onwarn: reportBuildWarning } },
  });
  return { directory, dispose: () => rm(directory, { recursive: true, force: true }) };
}
