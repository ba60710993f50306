import { chmod, cp, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runCommand } from './commands.js';

export interface GoBinarySpec {
  module: string;
  version: string;
  /** Package of the command, relative to the module root. */
  commandPackage: string;
  /** Files the module's own release process generates and its source archive lacks. */
  generatedFiles?: Record<string, string>;
  /** Corrections to the module's source: each `find` must occur exactly once in `file`. */
  sourceCorrections?: SourceCorrection[];
  ldflags?: string;
}

export interface SourceCorrection {
  file: string;
  find: string;
  replaceWith: string;
}

async function correctSource(source: string, correction: SourceCorrection): Promise<void> {
  const file = path.join(source, correction.file);
  const text = await readFile(file, 'utf8');
  const occurrences = text.split(correction.find).length - 1;
  // A new upstream version that moved or fixed the line must fail loudly, not build unpatched.
  if (occurrences !== 1) throw new Error(`source correction for ${correction.file}: expected \`${correction.find}\` once, found it ${occurrences} times`);
  await writeFile(file, text.replace(correction.find, correction.replaceWith));
}

/**
 * Builds a Go command from the Go module proxy at an exact version into `destination`.
 *
 * `go install module/cmd@version` would be shorter, but it cannot build FerretDB (its release
 * build writes build/version/version.txt, which the module archive lacks, and the binary panics
 * without it) and it asks the proxy for the module's version list, which this network refuses.
 * So the module source is downloaded at its exact version, copied, completed (and corrected where
 * a spec says why), and built in place: one way for every Go tool.
 */
export async function buildGoBinary(go: string, spec: GoBinarySpec, destination: string): Promise<void> {
  const download = JSON.parse(await runCommand(go, ['mod', 'download', '-json', `${spec.module}@v${spec.version}`])) as {
    Dir?: string;
    Error?: string;
  };
  if (!download.Dir) throw new Error(`go mod download ${spec.module}@v${spec.version}: ${download.Error ?? 'no source directory'}`);

  const workDirectory = await mkdtemp(path.join(os.tmpdir(), 'motcua-go-build-'));
  try {
    const source = path.join(workDirectory, 'src');
    await cp(download.Dir, source, { recursive: true });
    await makeWritable(source);
    for (const [file, content] of Object.entries(spec.generatedFiles ?? {})) {
      await writeFile(path.join(source, file), content);
    }
    for (const correction of spec.sourceCorrections ?? []) await correctSource(source, correction);
    await mkdir(path.dirname(destination), { recursive: true });
    // Build next to the destination and rename: a concurrent or interrupted build never leaves a half-written binary.
    const partial = `${destination}.partial-${process.pid}`;
    const args = ['build', '-trimpath', '-o', partial];
    if (spec.ldflags) args.push('-ldflags', spec.ldflags);
    args.push(`./${spec.commandPackage}`);
    await runCommand(go, args, { cwd: source, env: { ...process.env, GOFLAGS: '-mod=readonly -buildvcs=false' } });
    await rename(partial, destination);
  } finally {
    await rm(workDirectory, { recursive: true, force: true });
  }
}

async function makeWritable(directory: string): Promise<void> {
  // The module cache is read-only; the copy keeps those modes.
  await runCommand('chmod', ['-R', 'u+w', directory]);
  await chmod(directory, 0o755);
}
