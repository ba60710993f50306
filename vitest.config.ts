import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

/** The suites the `cluster` project runs against `npm run cluster`'s topology (npm run test:cluster). */
const clusterSuites = ['tests/cluster/**/*.test.ts', 'tests/api/dossier-journey.test.ts', 'tests/api/access-matrix.test.ts', 'tests/workflows/interpreter/**/*.test.ts'];

// Only on demand: the first run builds the Temporal server (about a quarter of an hour), and every
// run starts PostgreSQL and nine more processes.
const clusterProject = process.env.MOTCUA_TEST_CLUSTER === '1'
  ? [
      {
        test: {
          name: 'cluster',
          include: clusterSuites,
          globalSetup: ['tests/support/global-cluster.ts'],
          setupFiles: ['tests/support/worker-runtime.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ]
  : [];

/** Lighthouse's timings on the citizen pages: measured alone (npm run test:lighthouse), not beside other files. */
const lighthouseSuite = 'tests/designer/e2e/lighthouse.test.ts';
const lighthouseProject = process.env.MOTCUA_TEST_LIGHTHOUSE === '1'
  ? [
      {
        test: {
          name: 'lighthouse',
          include: [lighthouseSuite],
          globalSetup: ['tests/support/global-servers.ts'],
          setupFiles: ['tests/support/worker-runtime.ts'],
          hookTimeout: 240_000,
        },
      },
    ]
  : [];

/** The one workflow suite that needs no server: fuzzing FEEL evaluation. */
const pureWorkflowSuite = 'tests/workflows/interpreter/feel.fuzz.test.ts';

/** The benchmarks' pure helpers (how a CPU profile is cut into categories). */
const pureBenchSuites = 'tests/bench/support/**/*.test.ts';

export default defineConfig({
  test: {
    projects: [
      {
        // Pure code: no server, no clock (the workflows' FEEL evaluator and the benchmarks' helpers are pure code too).
        test: { name: 'engine', include: ['tests/engine/**/*.test.ts', pureWorkflowSuite, pureBenchSuites] },
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
          exclude: ['tests/engine/**', 'tests/designer/src/**', 'tests/cluster/**', pureWorkflowSuite, pureBenchSuites, lighthouseSuite],
          globalSetup: ['tests/support/global-servers.ts'],
          setupFiles: ['tests/support/worker-runtime.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      ...clusterProject,
      ...lighthouseProject,
    ],
  },
});
