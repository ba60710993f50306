import { cp } from 'node:fs/promises';
import path from 'node:path';
import { MissingToolError, findOnPath, isExecutable, pathExists, runCommand } from './commands.js';
import { buildGoBinary } from './go-build.js';
import { step, type Reporter } from './progress.js';

/** The exact versions of the production rehearsal's Temporal parts; a new version is a new cache directory. */
export const clusterVersions = {
  // The server release the CLI v1.5.1 embeds, so the dev stack and the cluster speak the same server.
  temporalServer: '1.29.1',
  // The Web UI the same CLI embeds.
  temporalUi: '2.42.1',
} as const;

export interface TemporalServerBuild {
  /** `temporal-server start --service …`: one service per process. */
  server: string;
  /** `temporal-sql-tool`: creates and upgrades the persistence and visibility schemas. */
  sqlTool: string;
  /** The versioned PostgreSQL schemas of the same release, which the SQL tool applies. */
  schemaDirectory: string;
}

async function requireGo(what: string): Promise<string> {
  const go = await findOnPath('go');
  if (!go) throw new MissingToolError(`cannot build ${what}: the Go toolchain (\`go\`) is not installed — install Go`);
  return go;
}

/** The Temporal server, its SQL schema tool and its schemas, built once from the Go module proxy into the cache. */
export async function provisionTemporalServer(cacheDir: string, reporter: Reporter): Promise<TemporalServerBuild> {
  const version = clusterVersions.temporalServer;
  const directory = path.join(cacheDir, `temporal-server-${version}`);
  const build: TemporalServerBuild = {
    server: path.join(directory, 'temporal-server'),
    sqlTool: path.join(directory, 'temporal-sql-tool'),
    schemaDirectory: path.join(directory, 'schema', 'postgresql', 'v12'),
  };
  const module = 'go.temporal.io/server';
  if (!(await isExecutable(build.server))) {
    const go = await requireGo('the Temporal server');
    await step(reporter, `Building the Temporal server v${version} with Go (first run only, several minutes)`, () =>
      buildGoBinary(go, { module, version, commandPackage: 'cmd/server' }, build.server),
    );
  }
  if (!(await isExecutable(build.sqlTool))) {
    const go = await requireGo('temporal-sql-tool');
    await step(reporter, `Building temporal-sql-tool v${version} with Go`, () =>
      buildGoBinary(go, { module, version, commandPackage: 'cmd/tools/sql' }, build.sqlTool),
    );
  }
  if (!(await pathExists(build.schemaDirectory))) {
    const go = await requireGo('the Temporal schemas');
    const download = JSON.parse(await runCommand(go, ['mod', 'download', '-json', `${module}@v${version}`])) as { Dir: string };
    await cp(path.join(download.Dir, 'schema', 'postgresql', 'v12'), build.schemaDirectory, { recursive: true });
  }
  return build;
}

/** Temporal's Web UI server, built once from the Go module proxy (its assets are embedded in the module). */
export async function provisionTemporalUi(cacheDir: string, reporter: Reporter): Promise<string> {
  const version = clusterVersions.temporalUi;
  const binary = path.join(cacheDir, `temporal-ui-${version}`, 'temporal-ui-server');
  if (await isExecutable(binary)) return binary;
  const go = await requireGo('the Temporal Web UI');
  await step(reporter, `Building the Temporal Web UI v${version} with Go (first run only)`, () =>
    buildGoBinary(go, { module: 'github.com/temporalio/ui-server/v2', version, commandPackage: 'cmd/server' }, binary),
  );
  return binary;
}
