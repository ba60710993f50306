/**
 * `npm run check:lockfile`: finds optional dependencies the lockfile lacks. The registry mirror
 * these machines use sometimes carries a release without all its platform builds; `npm install`
 * then quietly leaves them out of package-lock.json and `npm ci` (CI) refuses the lockfile.
 * The cure is an `overrides` entry pinning the parent to a release the mirror carries whole.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from './runtime/config.js';

interface LockedPackage {
  version?: string;
  optionalDependencies?: Record<string, string>;
}

const lock = JSON.parse(await readFile(path.join(projectRoot, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, LockedPackage>;
};

/** Node's lookup: the dependency next to the package, then in each enclosing node_modules. */
function isLocked(fromPath: string, dependency: string): boolean {
  let base = fromPath;
  for (;;) {
    if (lock.packages[path.posix.join(base, 'node_modules', dependency)]) return true;
    const parent = base.lastIndexOf('/node_modules/');
    if (base === '') return false;
    base = parent === -1 ? '' : base.slice(0, parent);
  }
}

const missing = Object.entries(lock.packages).flatMap(([location, locked]) =>
  Object.keys(locked.optionalDependencies ?? {})
    .filter((dependency) => !isLocked(location, dependency))
    .map((dependency) => `${location.replace(/^.*node_modules\//, '')}@${locked.version} → ${dependency}`),
);

if (missing.length > 0) {
  console.error(`package-lock.json lacks ${missing.length} optional dependencies (npm ci will refuse it):\n  ${missing.join('\n  ')}`);
  process.exit(1);
}
console.log('package-lock.json carries every optional dependency');
