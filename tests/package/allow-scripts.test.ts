import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

/** npm 11's install-script policy (package.json `allowScripts`): true runs a dependency's install script, false skips it. */
interface Manifest {
  allowScripts?: Record<string, boolean>;
}

interface Lockfile {
  packages: Record<string, { hasInstallScript?: boolean }>;
}

const readJson = async <T>(file: string): Promise<T> => JSON.parse(await readFile(new URL(`../../${file}`, import.meta.url), 'utf8')) as T;

/** `node_modules/a/node_modules/@scope/b` → `@scope/b`. */
const packageName = (lockPath: string): string => lockPath.slice(lockPath.lastIndexOf('node_modules/') + 'node_modules/'.length);

describe('allowScripts in package.json', () => {
  it('decides on every locked dependency with an install script, so a new one is reviewed before it lands', async () => {
    const [{ allowScripts = {} }, lockfile] = await Promise.all([readJson<Manifest>('package.json'), readJson<Lockfile>('package-lock.json')]);
    const withScripts = new Set(
      Object.entries(lockfile.packages)
        .filter(([lockPath, entry]) => lockPath !== '' && entry.hasInstallScript)
        .map(([lockPath]) => packageName(lockPath)),
    );
    expect(withScripts.size).toBeGreaterThan(0);
    expect([...withScripts].filter((name) => !(name in allowScripts)), 'install scripts neither allowed nor denied in package.json allowScripts').toEqual([]);
    expect(Object.keys(allowScripts).filter((name) => !withScripts.has(name)), 'allowScripts entries for packages without an install script').toEqual([]);
  });

  it('runs only the install of argon2 (its prebuilt binding can crash, then it compiles)', async () => {
    const { allowScripts = {} } = await readJson<Manifest>('package.json');
    expect(Object.entries(allowScripts).filter(([, allowed]) => allowed).map(([name]) => name)).toEqual(['argon2']);
  });
});
