import { describe, expect, it } from 'vitest';
import { ChaosOptionError, faultKinds, parseChaosOptions } from './options.js';

describe('npm run chaos options', () => {
  it('defaults to the full embedded run with every fault, and reads each option in both spellings', () => {
    expect(parseChaosOptions([])).toMatchObject({ stack: 'embedded', dossiers: 1000, faults: [...faultKinds], storeDownMs: 30_000 });
    expect(parseChaosOptions(['--stack=cluster', '--dossiers', '100', '--seed', '9', '--faults', 'worker-kill,api-kill'])).toMatchObject({ stack: 'cluster', dossiers: 100, seed: 9, faults: ['worker-kill', 'api-kill'] });
  });

  it.each([
    [['--stack', 'k8s'], '--stack: embedded or cluster'],
    [['--dossiers', '0'], '--dossiers: expected a positive whole number'],
    [['--faults', 'worker-kill,meteor'], '--faults: unknown meteor'],
    [['--colour', 'red'], 'unknown option --colour'],
    [['--seed'], '--seed: missing value'],
    [['100'], 'unexpected argument "100"'],
  ])('refuses %j with a message naming the problem', (argv, message) => {
    expect(() => parseChaosOptions(argv)).toThrow(ChaosOptionError);
    expect(() => parseChaosOptions(argv)).toThrow(message);
  });
});
