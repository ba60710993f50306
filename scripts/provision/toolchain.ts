import path from 'node:path';
import { findOnPath, isExecutable, MissingToolError, pathExists } from './commands.js';
import { buildGoBinary, type SourceCorrection } from './go-build.js';
import { archiveTestServerClasses, installTestServerLibraries, writeTestServerWrapper } from './test-server.js';
import { step, type Reporter } from './progress.js';

/** The exact versions MotCua runs on; a new version is a new cache directory. */
export const versions = {
  temporalCli: '1.5.1',
  ferretdb: '1.24.2',
  // The Java SDK's time-skipping test server; its gRPC API is the one the TypeScript SDK's TestWorkflowEnvironment speaks.
  temporalTestServer: '1.38.0',
} as const;

/**
 * FerretDB 1.24.2's SQLite backend finds a document by `_id` with `->'$._id'` while its `_id` index
 * is on `->"_id"`; SQLite uses an expression index only for the same expression, so every find,
 * update and delete by `_id` scanned the whole collection. The correction makes them use the index.
 */
const ferretdbCorrections: SourceCorrection[] = [
  { file: 'internal/backends/sqlite/metadata/metadata.go', find: `IDColumn = DefaultColumn + "->'$._id'"`, replaceWith: `IDColumn = DefaultColumn + "->'_id'"` },
];

/** Where the corrected FerretDB build is cached (a new correction needs a new name). */
export const ferretdbBuild = `ferretdb-${versions.ferretdb}-sqlite-id-index`;

export type StoreServer = { kind: 'ferretdb' | 'mongod'; path: string };

export interface ToolchainOptions {
  cacheDir: string;
  reporter: Reporter;
  temporalBinOverride?: string;
  ferretdbBinOverride?: string;
}

async function requireExecutable(file: string, variable: string): Promise<string> {
  if (!(await isExecutable(file))) throw new MissingToolError(`${variable}=${file} is not an executable file`);
  return file;
}

async function goToolchain(): Promise<string | undefined> {
  return findOnPath('go');
}

/** The Temporal CLI (`temporal server start-dev`): override, cache, build with Go, or PATH, in that order. */
export async function provisionTemporalCli(options: ToolchainOptions): Promise<string> {
  if (options.temporalBinOverride) return requireExecutable(options.temporalBinOverride, 'MOTCUA_TEMPORAL_BIN');
  const cached = path.join(options.cacheDir, `temporal-${versions.temporalCli}`, 'temporal');
  if (await isExecutable(cached)) return cached;
  const go = await goToolchain();
  if (go) {
    await step(options.reporter, `Building Temporal CLI v${versions.temporalCli} with Go (first run only, several minutes)`, () =>
      buildGoBinary(
        go,
        {
          module: 'github.com/temporalio/cli',
          version: versions.temporalCli,
          commandPackage: 'cmd/temporal',
          ldflags: `-X github.com/temporalio/cli/temporalcli.Version=${versions.temporalCli}`,
        },
        cached,
      ),
    );
    return cached;
  }
  const onPath = await findOnPath('temporal');
  if (onPath) return onPath;
  throw new MissingToolError(
    'cannot provision the Temporal CLI: the Go toolchain (`go`) is not installed and no `temporal` is on PATH — install Go, install the Temporal CLI, or set MOTCUA_TEMPORAL_BIN',
  );
}

/** The embedded MongoDB-wire store: override, cached FerretDB, FerretDB built with Go, or `mongod` on PATH. */
export async function provisionStoreServer(options: ToolchainOptions): Promise<StoreServer> {
  if (options.ferretdbBinOverride) {
    return { kind: 'ferretdb', path: await requireExecutable(options.ferretdbBinOverride, 'MOTCUA_FERRETDB_BIN') };
  }
  const cached = path.join(options.cacheDir, ferretdbBuild, 'ferretdb');
  if (await isExecutable(cached)) return { kind: 'ferretdb', path: cached };
  const go = await goToolchain();
  if (go) {
    await step(options.reporter, `Building FerretDB v${versions.ferretdb} with Go (first run only, a few minutes)`, () =>
      buildGoBinary(
        go,
        {
          module: 'github.com/FerretDB/FerretDB',
          version: versions.ferretdb,
          commandPackage: 'cmd/ferretdb',
          generatedFiles: { 'build/version/version.txt': `v${versions.ferretdb}\n` },
          sourceCorrections: ferretdbCorrections,
        },
        cached,
      ),
    );
    return { kind: 'ferretdb', path: cached };
  }
  const mongod = await findOnPath('mongod');
  if (mongod) return { kind: 'mongod', path: mongod };
  throw new MissingToolError(
    'cannot provision the store: the Go toolchain (`go`) is not installed and no `mongod` is on PATH — install Go, install MongoDB, set MOTCUA_FERRETDB_BIN, or set MONGODB_URI',
  );
}

/** The Java time-skipping test server behind an executable wrapper, for deadline tests. */
export async function provisionTestServer(options: ToolchainOptions): Promise<string> {
  const directory = path.join(options.cacheDir, `temporal-test-server-${versions.temporalTestServer}`);
  const ready = (await pathExists(path.join(directory, 'lib'))) && (await pathExists(path.join(directory, 'classes.jsa')));
  if (!ready && !(await findOnPath('java'))) {
    throw new MissingToolError('cannot provision the Temporal time-skipping test server: `java` (17 or later) is not installed');
  }
  if (!(await pathExists(path.join(directory, 'lib')))) {
    const mvn = await findOnPath('mvn');
    if (!mvn) throw new MissingToolError('cannot provision the Temporal time-skipping test server: Maven (`mvn`) is not installed');
    await step(options.reporter, `Fetching Temporal test server ${versions.temporalTestServer} from Maven Central`, () =>
      installTestServerLibraries(mvn, versions.temporalTestServer, directory),
    );
  }
  if (!(await pathExists(path.join(directory, 'classes.jsa')))) {
    await step(options.reporter, 'Recording the test server’s classes for fast starts', () => archiveTestServerClasses(directory));
  }
  return writeTestServerWrapper(directory);
}
