import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        // Pure code: no server, no clock.
        test: { name: 'engine', include: ['tests/engine/**/*.test.ts'] },
      },
      {
        // Everything that talks to real servers, started once per run on free ports.
        test: {
          name: 'system',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/engine/**'],
          globalSetup: ['tests/support/global-servers.ts'],
          setupFiles: ['tests/support/worker-runtime.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
