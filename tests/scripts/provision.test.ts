import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/runtime/config.js';

const run = promisify(execFile);

describe('npm run provision', () => {
  let scratch: string;

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'motcua-provision-cli-'));
    // A PATH with Node and nothing else: no Go, no Temporal CLI, no mongod.
    await mkdir(path.join(scratch, 'bin'));
    await symlink(process.execPath, path.join(scratch, 'bin', 'node'));
  });
  afterAll(() => rm(scratch, { recursive: true, force: true }));

  it('exits non-zero with one line naming the missing Go toolchain', async () => {
    const failure = await run(process.execPath, ['--import', 'tsx', 'scripts/provision.ts', 'start'], {
      cwd: projectRoot,
      env: { PATH: path.join(scratch, 'bin'), HOME: scratch, MOTCUA_CACHE_DIR: path.join(scratch, 'cache') },
    }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr.trim().split('\n')).toEqual([
      'motcua: cannot provision the Temporal CLI: the Go toolchain (`go`) is not installed and no `temporal` is on PATH — install Go, install the Temporal CLI, or set MOTCUA_TEMPORAL_BIN',
    ]);
  });
});
