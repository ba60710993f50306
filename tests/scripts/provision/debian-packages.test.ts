import { describe, expect, it } from 'vitest';
import { MissingToolError } from '../../../scripts/provision/commands.js';
import { debianSystem, ensureDebianPackages, type DebianSystem } from '../../../scripts/provision/debian-packages.js';
import { testSuitePackages } from '../../../scripts/provision/test-packages.js';

/** A machine with these packages installed, recording every apt-get call; installing adds the packages. */
function fakeSystem(installed: string[], machine: { root?: boolean; apt?: boolean; failingApt?: string } = {}) {
  const packages = new Set(installed);
  const aptCalls: string[][] = [];
  const system: DebianSystem = {
    hasApt: async () => machine.apt ?? true,
    installedPackages: async () => new Set(packages),
    isRoot: () => machine.root ?? true,
    async aptGet(args) {
      aptCalls.push(args);
      if (machine.failingApt && args[0] === machine.failingApt) {
        throw new Error(`apt-get ${args.join(' ')} exited with 100:\nE: Unable to locate package chromium`);
      }
      if (args[0] === 'install') for (const name of args.filter((arg) => !arg.startsWith('-')).slice(1)) packages.add(name);
    },
  };
  return { system, aptCalls };
}

function recordingReporter() {
  const lines: string[] = [];
  return { lines, reporter: { info: (line: string) => lines.push(line) } };
}

describe('ensureDebianPackages', () => {
  it('installs exactly the missing packages as root, after updating the package lists, with progress', async () => {
    const { system, aptCalls } = fakeSystem(['libfaketime', 'nginx']);
    const { lines, reporter } = recordingReporter();
    await ensureDebianPackages(['libfaketime', 'chromium', 'postgresql'], { reporter, neededBy: 'the tests', system });
    expect(aptCalls).toEqual([['update'], ['install', '-y', '--no-install-recommends', 'chromium', 'postgresql']]);
    expect(lines[0]).toBe('▸ Updating the apt package lists…');
    expect(lines).toContain('▸ Installing chromium, postgresql with apt-get for the tests…');
    expect(lines.at(-1)).toMatch(/^✓ Installing chromium, postgresql with apt-get for the tests \(\d+s\)$/);
  });

  it('runs nothing when every package is installed', async () => {
    const { system, aptCalls } = fakeSystem(['libfaketime', 'chromium']);
    const { lines, reporter } = recordingReporter();
    await ensureDebianPackages(['libfaketime', 'chromium'], { reporter, neededBy: 'the tests', system: { ...system, isRoot: () => false } });
    expect(aptCalls).toEqual([]);
    expect(lines).toEqual([]);
  });

  it('without root, stops with one line naming the missing packages and the command, running nothing', async () => {
    const { system, aptCalls } = fakeSystem(['libfaketime'], { root: false });
    const { lines, reporter } = recordingReporter();
    const failure = await ensureDebianPackages(['libfaketime', 'chromium'], { reporter, neededBy: 'the tests', system }).catch((error: Error) => error);
    expect(failure).toBeInstanceOf(MissingToolError);
    expect((failure as Error).message).toBe(
      'the tests need the Debian packages chromium, not installed here: run `sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium`',
    );
    expect(aptCalls).toEqual([]);
    expect(lines).toEqual([]);
  });

  it('off Debian and Ubuntu, stops with one line naming every package, asking nothing of dpkg', async () => {
    const { system, aptCalls } = fakeSystem([], { apt: false });
    const queried = { ...system, installedPackages: () => Promise.reject(new Error('dpkg-query asked')) };
    const failure = await ensureDebianPackages(['libfaketime', 'chromium'], { reporter: recordingReporter().reporter, neededBy: 'the tests', system: queried }).catch(
      (error: Error) => error,
    );
    expect((failure as Error).message).toBe(
      'the tests need the Debian packages libfaketime, chromium, and this is not Debian or Ubuntu with apt-get: install them (or this system’s equivalents) yourself',
    );
    expect(aptCalls).toEqual([]);
  });

  it('turns an apt-get failure into one error naming the packages and what apt said', async () => {
    const { system } = fakeSystem([], { failingApt: 'install' });
    const { lines, reporter } = recordingReporter();
    const failure = await ensureDebianPackages(['chromium'], { reporter, neededBy: 'the tests', system }).catch((error: Error) => error);
    expect(failure).toBeInstanceOf(MissingToolError);
    expect((failure as Error).message).toBe(
      'cannot install the Debian packages chromium for the tests: apt-get install -y --no-install-recommends chromium exited with 100:\nE: Unable to locate package chromium',
    );
    expect(lines.at(-1)).toMatch(/^✗ Installing chromium with apt-get for the tests failed after \d+s$/);
  });

  it('refuses an install that apt-get reports done but dpkg does not list', async () => {
    const { system } = fakeSystem([]);
    const forgetful = { ...system, aptGet: async () => undefined };
    await expect(ensureDebianPackages(['chromium'], { reporter: recordingReporter().reporter, neededBy: 'the tests', system: forgetful })).rejects.toThrow(
      'apt-get finished but dpkg does not list chromium as installed; the tests need them',
    );
  });
});

describe('the Debian system', () => {
  it('reads what dpkg lists as installed on this machine', async () => {
    expect(await debianSystem.hasApt()).toBe(true);
    const installed = await debianSystem.installedPackages();
    // The tests run here, so provisioning has made sure of their packages.
    for (const name of testSuitePackages()) expect(installed.has(name)).toBe(true);
    expect(installed.has('no-such-package-motcua')).toBe(false);
  });
});

describe('the test suite’s packages', () => {
  it('are libfaketime and chromium, without chromium when MOTCUA_CHROMIUM names another browser', () => {
    expect(testSuitePackages({})).toEqual(['libfaketime', 'chromium', 'postgresql', 'haproxy']);
    expect(testSuitePackages({ MOTCUA_CHROMIUM: '/opt/chrome/chrome' })).toEqual(['libfaketime', 'postgresql', 'haproxy']);
  });
});
