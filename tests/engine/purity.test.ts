import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/runtime/config.js';

/** engine/ runs in the browser, in Node and inside Temporal's workflow sandbox: no I/O, no clock, no randomness. */
async function engineSources(directory = path.join(projectRoot, 'engine')): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) return engineSources(full);
      return Promise.resolve(entry.name.endsWith('.ts') ? [full] : []);
    }),
  );
  return nested.flat();
}

const forbiddenImports = /from\s+['"](node:[^'"]*|fs|path|os|crypto|child_process|mongoose|express|@temporalio\/[^'"]+)['"]/;
const forbiddenCalls = /\bDate\.now\(|new Date\(\)|Math\.random\(|performance\.now\(/;

describe('engine purity', () => {
  it('imports no I/O or runtime package and reads no clock or randomness', async () => {
    const offenders: string[] = [];
    for (const file of await engineSources()) {
      const source = await readFile(file, 'utf8');
      const lines = source.split('\n');
      lines.forEach((line, index) => {
        if (forbiddenImports.test(line) || forbiddenCalls.test(line)) offenders.push(`${path.relative(projectRoot, file)}:${index + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });
});
