import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { pathExists } from './commands.js';
import path from 'node:path';
import { fetchMavenArtifact } from './maven.js';
import { findFreePort, waitForPort } from '../runtime/ports.js';

const mainClass = 'io.temporal.testserver.TestServer';

/**
 * The wrapper the TypeScript SDK starts (`TestWorkflowEnvironment.createTimeSkipping` with an
 * `existing-path` executable). It uses the class-data-sharing archive when there is one — the SDK
 * gives the server five seconds to listen, and the archive makes the JVM start about three times
 * faster — and `--start-at=<ISO-8601 instant>` starts the server's clock at that instant through
 * libfaketime, for deadline tests of dates already past. The clock is shifted by a fixed offset,
 * monotonic time included: faking the wall clock alone makes the JVM's timed waits spin.
 */
function wrapperScript(directory: string): string {
  return `#!/bin/sh
# Temporal time-skipping test server, provisioned by MotCua (scripts/provision/test-server.ts).
dir='${directory}'
start_at=''
for arg do
  shift
  case "$arg" in
    --start-at=*) start_at="\${arg#--start-at=}" ;;
    *) set -- "$@" "$arg" ;;
  esac
done
set -- -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$dir/lib/*" ${mainClass} "$@"
if [ -f "$dir/classes.jsa" ]; then set -- -XX:SharedArchiveFile="$dir/classes.jsa" -Xshare:auto "$@"; fi
if [ -n "$start_at" ]; then
  # Preloaded into java itself (not through the faketime command, which would stand between the
  # SDK and the JVM it must stop); the multithreaded build of the library, for the JVM.
  for library in /usr/lib/*/faketime/libfaketimeMT.so.1 /usr/lib/faketime/libfaketimeMT.so.1; do
    [ -f "$library" ] && break
  done
  [ -f "$library" ] || { echo "--start-at needs libfaketime (Debian package faketime)" >&2; exit 2; }
  export LD_PRELOAD="$library" FAKETIME="$(( $(date -u -d "$start_at" +%s) - $(date -u +%s) ))s"
fi
exec java "$@"
`;
}

/** Fetches the server and its dependencies into `directory/lib`, which appears whole or not at all. */
export async function installTestServerLibraries(mvn: string, version: string, directory: string): Promise<void> {
  const lib = path.join(directory, 'lib');
  await mkdir(directory, { recursive: true });
  const staging = await mkdtemp(`${lib}.partial-`);
  try {
    await fetchMavenArtifact(mvn, { groupId: 'io.temporal', artifactId: 'temporal-test-server', version }, staging);
    await rename(staging, lib);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    // Another provisioning run finished first: keep its copy.
    if (!(await pathExists(lib))) throw error;
  }
}

/** Writes (or rewrites, when MotCua changed it) the executable wrapper; returns its path. */
export async function writeTestServerWrapper(directory: string): Promise<string> {
  const launcher = path.join(directory, 'temporal-test-server');
  const script = wrapperScript(directory);
  if ((await readFile(launcher, 'utf8').catch(() => '')) !== script) {
    const partial = `${launcher}.partial-${process.pid}`;
    await writeFile(partial, script);
    await chmod(partial, 0o755);
    await rename(partial, launcher);
  }
  return launcher;
}

/**
 * Records which classes the server loads into a class-data-sharing archive (`classes.jsa`), by
 * starting it once and stopping it. The JVM only uses an archive made with the same class path,
 * so this runs on the installed directory.
 */
export async function archiveTestServerClasses(directory: string): Promise<void> {
  const archive = path.join(directory, 'classes.jsa');
  const partial = `${archive}.partial-${process.pid}`;
  const port = await findFreePort();
  const server = spawn('java', [`-XX:ArchiveClassesAtExit=${partial}`, '-cp', `${directory}/lib/*`, mainClass, String(port), '--enable-time-skipping'], {
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  try {
    await waitForPort('127.0.0.1', port, 120_000, () => server.exitCode === null);
  } finally {
    server.kill('SIGTERM');
    await exited;
  }
  await rename(partial, archive);
}
