import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { designerStatic } from '../../../api/designer/designer-static.js';
import { listen, type RunningHttpServer } from '../../../api/http-server.js';

let directory: string;
let server: RunningHttpServer;
const bundle = `export const messages = ${JSON.stringify(Array.from({ length: 400 }, (_, index) => `thông điệp ${index}`))};`;

beforeAll(async () => {
  directory = await mkdtemp(path.join(os.tmpdir(), 'motcua-designer-static-'));
  await mkdir(path.join(directory, 'assets'));
  await writeFile(path.join(directory, 'index.html'), '<!doctype html><title>MotCua</title>');
  await writeFile(path.join(directory, 'assets', 'index-AbC123.js'), bundle);
  const app = express();
  app.use(designerStatic(directory));
  server = await listen(app, 0, '127.0.0.1');
});

afterAll(async () => {
  await server?.close();
  await rm(directory, { recursive: true, force: true });
});

test('a hashed asset goes compressed and cached for good', async () => {
  const response = await fetch(`${server.url}/assets/index-AbC123.js`, { headers: { 'accept-encoding': 'gzip' } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-encoding')).toBe('gzip');
  expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  expect(await response.text()).toBe(bundle);
});

test('the page, asked for by itself or by a path the designer routes, is checked on every visit', async () => {
  for (const route of ['/', '/track/HS-1']) {
    const response = await fetch(`${server.url}${route}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toContain('<title>MotCua</title>');
  }
});
