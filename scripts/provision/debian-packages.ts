import { MissingToolError, findOnPath, runCommand } from './commands.js';
import { step, type Reporter } from './progress.js';

async function isInstalled(name: string): Promise<boolean> {
  try {
    return (await runCommand('dpkg-query', ['-W', '-f=${Status}', name])).includes('install ok installed');
  } catch {
    return false;
  }
}

function aptGet(args: string[]): Promise<void> {
  return runCommand('apt-get', args, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).then(() => undefined);
}

/**
 * Installs the Debian packages of `names` that are missing, when running as root on Debian (apt
 * lists are refreshed once if the first attempt cannot find a package); otherwise fails with the
 * one command that would install them. Installing a server package never makes MotCua use the
 * system service: the callers run their own instances on their own data directories.
 */
export async function ensureDebianPackages(names: string[], reporter: Reporter): Promise<void> {
  if (!(await findOnPath('dpkg-query'))) {
    throw new MissingToolError(`not a Debian system: install ${names.join(', ')} with your system's package manager`);
  }
  const missing: string[] = [];
  for (const name of names) if (!(await isInstalled(name))) missing.push(name);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new MissingToolError(`missing Debian packages: run \`sudo apt-get install ${missing.join(' ')}\``);
  }
  await step(reporter, `Installing ${missing.join(', ')} from Debian's packages`, async () => {
    const install = ['install', '-y', '--no-install-recommends', ...missing];
    try {
      await aptGet(install);
    } catch {
      await aptGet(['update']);
      await aptGet(install);
    }
  });
}
