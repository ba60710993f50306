import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MissingToolError } from '../../../scripts/provision/commands.js';
import {
  ferretdbBuild,
  provisionStoreServer,
  provisionTemporalCli,
  provisionTestServer,
  versions,
} from '../../../scripts/provision/toolchain.js';
import { readEnvironment } from '../../../scripts/runtime/config.js';

describe('provisioning', () => {
  let scratch: string;
  let savedPath: string | undefined;
  const lines: string[] = [];
  const reporter = { info: (line: string) => lines.push(line) };

  beforeEach(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'motcua-provision-'));
    savedPath = process.env.PATH;
    lines.length = 0;
  });
  afterEach(async () => {
    process.env.PATH = savedPath;
    await rm(scratch, { recursive: true, force: true });
  });

  async function fakeExecutable(name: string): Promise<string> {
    const file = path.join(scratch, 'bin', name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, '#!/bin/sh\n');
    await chmod(file, 0o755);
    return file;
  }

  it('reuses what `npm test` already provisioned, with no toolchain and no rebuild', async () => {
    process.env.PATH = '';
    const options = { cacheDir: readEnvironment().cacheDir, reporter };
    expect(await provisionTemporalCli(options)).toBe(path.join(options.cacheDir, `temporal-${versions.temporalCli}`, 'temporal'));
    expect(await provisionStoreServer(options)).toEqual({
      kind: 'ferretdb',
      path: path.join(options.cacheDir, ferretdbBuild, 'ferretdb'),
    });
    expect(await provisionTestServer(options)).toMatch(/temporal-test-server$/);
    expect(lines).toEqual([]);
  });

  it('names the missing Go toolchain when nothing can provide a binary', async () => {
    process.env.PATH = path.join(scratch, 'bin');
    const options = { cacheDir: path.join(scratch, 'cache'), reporter };
    await expect(provisionTemporalCli(options)).rejects.toThrow(MissingToolError);
    await expect(provisionTemporalCli(options)).rejects.toThrow(/the Go toolchain \(`go`\) is not installed and no `temporal` is on PATH/);
    await expect(provisionStoreServer(options)).rejects.toThrow(/the Go toolchain \(`go`\) is not installed and no `mongod` is on PATH/);
    await expect(provisionTestServer(options)).rejects.toThrow(/`java` \(17 or later\) is not installed/);
  });

  it('falls back to `temporal` and `mongod` on PATH when Go is absent', async () => {
    const temporal = await fakeExecutable('temporal');
    const mongod = await fakeExecutable('mongod');
    process.env.PATH = path.dirname(temporal);
    const options = { cacheDir: path.join(scratch, 'cache'), reporter };
    expect(await provisionTemporalCli(options)).toBe(temporal);
    expect(await provisionStoreServer(options)).toEqual({ kind: 'mongod', path: mongod });
  });

  it('uses MOTCUA_TEMPORAL_BIN and MOTCUA_FERRETDB_BIN, and says when they point at nothing', async () => {
    const temporal = await fakeExecutable('my-temporal');
    const options = { cacheDir: path.join(scratch, 'cache'), reporter };
    expect(await provisionTemporalCli({ ...options, temporalBinOverride: temporal })).toBe(temporal);
    await expect(provisionStoreServer({ ...options, ferretdbBinOverride: path.join(scratch, 'missing') })).rejects.toThrow(
      `MOTCUA_FERRETDB_BIN=${path.join(scratch, 'missing')} is not an executable file`,
    );
  });
});
