import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from './config.js';
import { step, type Reporter } from '../provision/progress.js';
import { clientTypesFile, generatedClientTypes } from '../api-types/client-types.js';

export const designerRoot = path.join(projectRoot, 'designer');
export const designerDist = path.join(designerRoot, 'dist');

async function newestModification(entry: string): Promise<number> {
  const info = await stat(entry);
  if (!info.isDirectory()) return info.mtimeMs;
  const children = await readdir(entry);
  const times = await Promise.all(children.map((child) => newestModification(path.join(entry, child))));
  return Math.max(info.mtimeMs, ...times);
}

/** Builds the designer with Vite when its sources (or the engine's) are newer than the last build. */
export async function ensureDesignerBuilt(reporter: Reporter): Promise<void> {
  const built = await stat(path.join(designerDist, 'index.html')).then((info) => info.mtimeMs, () => 0);
  // The designer bundles the engine too (the compiler runs in the browser): its changes count.
  const sources = await Promise.all(
    [...['src', 'index.html', 'vite.config.ts'].map((entry) => path.join(designerRoot, entry)), path.join(projectRoot, 'engine')].map(newestModification),
  );
  if (built >= Math.max(...sources)) return;
  await step(reporter, 'Building the designer (Vite)', async () => {
    // The designer's client types come from the API document: a stale copy is refused, not built.
    if ((await readFile(clientTypesFile, 'utf8').catch(() => '')) !== (await generatedClientTypes())) {
      throw new Error(`${path.relative(projectRoot, clientTypesFile)} is stale: run npm run api:types`);
    }
    const { build } = await import('vite');
    await build({ configFile: path.join(designerRoot, 'vite.config.ts'), logLevel: 'warn' });
  });
}
