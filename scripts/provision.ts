/**
 * `npm run provision [start|test]`: builds or fetches the servers MotCua runs on, once, into the
 * cache directory (~/.cache/motcua by default). `npm test` runs it with `test` before vitest; the
 * tests' Debian packages come first, so a machine that lacks them stops before anything slow.
 */
import { ensureDebianPackages } from './provision/debian-packages.js';
import { consoleReporter, formatElapsed } from './provision/progress.js';
import { provisionHelm } from './provision/helm.js';
import { testSuitePackages } from './provision/test-packages.js';
import { provisionStoreServer, provisionTemporalCli, provisionTestServer } from './provision/toolchain.js';
import { readEnvironment } from './runtime/config.js';
import { reportFatal } from './runtime/fatal.js';

const purposes = ['start', 'test'] as const;

async function main(purpose: string): Promise<void> {
  if (!purposes.includes(purpose as (typeof purposes)[number])) {
    throw new Error(`unknown purpose "${purpose}": expected one of ${purposes.join(', ')}`);
  }
  const started = Date.now();
  const environment = readEnvironment();
  const options = { ...environment, reporter: consoleReporter };
  if (purpose === 'test') await ensureDebianPackages(testSuitePackages(), { reporter: consoleReporter, neededBy: 'the tests' });
  const tools = [
    environment.externalTemporalAddress === undefined ? `temporal: ${await provisionTemporalCli(options)}` : undefined,
    environment.externalMongodbUri === undefined ? `store: ${(await provisionStoreServer(options)).path}` : undefined,
    purpose === 'test' ? `time-skipping test server: ${await provisionTestServer(options)}` : undefined,
    // The deployment chart's lint and template checks (tests/deploy).
    purpose === 'test' ? `helm: ${await provisionHelm(environment.cacheDir, consoleReporter)}` : undefined,
  ].filter(Boolean);
  console.log(`Provisioning took ${formatElapsed(Date.now() - started)} (${tools.join('; ')})`);
}

main(process.argv[2] ?? 'start').catch(reportFatal);
