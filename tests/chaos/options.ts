/** `npm run chaos` options: which stack, how many dossiers, the seed and the faults of the schedule. */
export const faultKinds = ['worker-kill', 'api-kill', 'store-stop', 'temporal-restart', 'smtp-fail', 'portal-fail'] as const;
export type FaultKind = (typeof faultKinds)[number];

export interface ChaosOptions {
  stack: 'embedded' | 'cluster';
  dossiers: number;
  seed: number;
  faults: FaultKind[];
  /** How long the store stays stopped (30 s in the full run, shorter in the suite's short version). */
  storeDownMs: number;
  /** Dossiers driven at once. */
  concurrency: number;
}

export class ChaosOptionError extends Error {}

const defaults: ChaosOptions = { stack: 'embedded', dossiers: 1000, seed: 1, faults: [...faultKinds], storeDownMs: 30_000, concurrency: 24 };

function positiveInteger(name: string, value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) throw new ChaosOptionError(`--${name}: expected a positive whole number, got "${value}"`);
  return number;
}

/** Parses `--name value` / `--name=value` arguments; an unknown option or value is an error naming it. */
export function parseChaosOptions(argv: string[]): ChaosOptions {
  const options = { ...defaults, faults: [...defaults.faults] };
  const pairs: Array<[string, string]> = [];
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    if (!argument.startsWith('--')) throw new ChaosOptionError(`unexpected argument "${argument}"`);
    const [name, inline] = argument.slice(2).split('=', 2) as [string, string | undefined];
    const value = inline ?? argv[++index];
    if (value === undefined) throw new ChaosOptionError(`--${name}: missing value`);
    pairs.push([name, value]);
  }
  for (const [name, value] of pairs) {
    if (name === 'stack') {
      if (value !== 'embedded' && value !== 'cluster') throw new ChaosOptionError(`--stack: embedded or cluster, got "${value}"`);
      options.stack = value;
    } else if (name === 'dossiers') options.dossiers = positiveInteger(name, value);
    else if (name === 'seed') options.seed = positiveInteger(name, value);
    else if (name === 'concurrency') options.concurrency = positiveInteger(name, value);
    else if (name === 'store-down-ms') options.storeDownMs = positiveInteger(name, value);
    else if (name === 'faults') {
      const listed = value.split(',').map((item) => item.trim()).filter(Boolean);
      const unknown = listed.filter((item) => !(faultKinds as readonly string[]).includes(item));
      if (unknown.length > 0) throw new ChaosOptionError(`--faults: unknown ${unknown.join(', ')}; known: ${faultKinds.join(', ')}`);
      options.faults = listed as FaultKind[];
    } else throw new ChaosOptionError(`unknown option --${name}; known: --stack, --dossiers, --seed, --faults, --concurrency, --store-down-ms`);
  }
  return options;
}
