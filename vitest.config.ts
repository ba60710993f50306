import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        // Pure code: no server, no clock.
        test: { name: 'engine', include: ['tests/engine/**/*.test.ts'] },
      },
      {
        // The designer: Vue components in a simulated DOM (happy-dom, per file), the modeler in headless Chromium.
        plugins: [vue()],
        resolve: { alias: { '@engine': fileURLToPath(new URL('engine', import.meta.url)) } },
        test: {
          name: 'designer',
          include: ['tests/designer/src/**/*.test.ts'],
          globalSetup: ['tests/designer/support/global-modeler-page.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Everything that talks to real servers, started once per run on free ports.
        test: {
          name: 'system',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/engine/**', 'tests/designer/src/**'],
          globalSetup: ['tests/support/global-servers.ts'],
          setupFiles: ['tests/support/worker-runtime.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
