import path from 'node:path';
import { MissingToolError, findOnPath, isExecutable } from './commands.js';
import { buildGoBinary } from './go-build.js';
import { step, type Reporter } from './progress.js';

/** The Helm release the deployment chart is checked with; a new version is a new cache directory. */
export const helmVersion = '3.17.3';

/** Helm v3, built once from the Go module proxy into the cache (for `helm lint` and `helm template` in the tests). */
export async function provisionHelm(cacheDir: string, reporter: Reporter): Promise<string> {
  const binary = path.join(cacheDir, `helm-${helmVersion}`, 'helm');
  if (await isExecutable(binary)) return binary;
  const go = await findOnPath('go');
  if (!go) throw new MissingToolError('cannot build Helm: the Go toolchain (`go`) is not installed — install Go or Helm');
  await step(reporter, `Building Helm v${helmVersion} with Go (first run only, a few minutes)`, () =>
    buildGoBinary(go, { module: 'helm.sh/helm/v3', version: helmVersion, commandPackage: 'cmd/helm', ldflags: `-X helm.sh/helm/v3/internal/version.version=v${helmVersion}` }, binary),
  );
  return binary;
}
