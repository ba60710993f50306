import type { TestProject } from 'vitest/node';
import { buildModelerPage, serveDirectory } from './browser.js';

declare module 'vitest' {
  export interface ProvidedContext {
    modelerPageUrl: string;
  }
}

/** Builds and serves the modeler page once for every browser test of the designer project. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const built = await buildModelerPage();
  const server = await serveDirectory(built.directory);
  project.provide('modelerPageUrl', `${server.url}/index.html`);
  return async () => {
    await server.close();
    await built.dispose();
  };
}
