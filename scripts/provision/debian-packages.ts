import { readFile } from 'node:fs/promises';
import { findOnPath, MissingToolError, runCommand } from './commands.js';
import { step, type Reporter } from './progress.js';

/** What `ensureDebianPackages` asks of the machine; tests replace it. */
export interface DebianSystem {
  /** Debian or a derivative (Ubuntu…), with dpkg-query and apt-get to ask and install with. */
  hasApt(): Promise<boolean>;
  /** The names of the packages dpkg lists as installed. */
  installedPackages(): Promise<Set<string>>;
  isRoot(): boolean;
  /** Runs apt-get with these arguments, non-interactively; rejects with the tail of its output. */
  aptGet(args: string[]): Promise<void>;
}

async function isDebianDerivative(): Promise<boolean> {
  const osRelease = await readFile('/etc/os-release', 'utf8').catch(() => '');
  const families = [...osRelease.matchAll(/^(?:ID|ID_LIKE)="?([^"\n]*)"?$/gm)].flatMap((match) => match[1]!.split(' '));
  return families.includes('debian') || families.includes('ubuntu');
}

export const debianSystem: DebianSystem = {
  async hasApt() {
    return (await isDebianDerivative()) && (await findOnPath('dpkg-query')) !== undefined && (await findOnPath('apt-get')) !== undefined;
  },
  async installedPackages() {
    // Every package with its status: one call whatever is asked, and no exit code to interpret for unknown names.
    const listing = await runCommand('dpkg-query', ['-W', '-f', '${db:Status-Abbrev} ${Package}\n']);
    return new Set(
      listing
        .split('\n')
        .filter((line) => line.startsWith('ii '))
        .map((line) => line.slice(3).trim()),
    );
  },
  isRoot: () => process.getuid?.() === 0,
  async aptGet(args) {
    await runCommand('apt-get', args, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  },
};

export interface DebianPackagesOptions {
  reporter: Reporter;
  /** Who needs the packages, for the messages: "the tests", "the cluster". */
  neededBy: string;
  system?: DebianSystem;
}

/** The command a person runs to install `packages` themselves. */
export function aptInstallCommand(packages: readonly string[]): string {
  return `sudo apt-get update && sudo apt-get install -y --no-install-recommends ${packages.join(' ')}`;
}

/**
 * Makes sure the Debian packages are installed: nothing happens when they are; as root on
 * Debian/Ubuntu the missing ones are installed with apt-get; anywhere else it throws one line
 * naming them and the command that installs them, before anything slow has started.
 */
export async function ensureDebianPackages(packages: readonly string[], options: DebianPackagesOptions): Promise<void> {
  const system = options.system ?? debianSystem;
  const listed = packages.join(', ');
  if (!(await system.hasApt())) {
    throw new MissingToolError(
      `${options.neededBy} need the Debian packages ${listed}, and this is not Debian or Ubuntu with apt-get: install them (or this system’s equivalents) yourself`,
    );
  }
  const installed = await system.installedPackages();
  const missing = packages.filter((name) => !installed.has(name));
  if (missing.length === 0) return;
  if (!system.isRoot()) {
    throw new MissingToolError(`${options.neededBy} need the Debian packages ${missing.join(', ')}, not installed here: run \`${aptInstallCommand(missing)}\``);
  }
  try {
    await step(options.reporter, 'Updating the apt package lists', () => system.aptGet(['update']));
    await step(options.reporter, `Installing ${missing.join(', ')} with apt-get for ${options.neededBy}`, () =>
      system.aptGet(['install', '-y', '--no-install-recommends', ...missing]),
    );
  } catch (error) {
    throw new MissingToolError(`cannot install the Debian packages ${missing.join(', ')} for ${options.neededBy}: ${(error as Error).message}`);
  }
  const nowInstalled = await system.installedPackages();
  const stillMissing = missing.filter((name) => !nowInstalled.has(name));
  if (stillMissing.length > 0) {
    throw new MissingToolError(`apt-get finished but dpkg does not list ${stillMissing.join(', ')} as installed; ${options.neededBy} need them`);
  }
}
