import { describe, expect, it } from 'vitest';
import { runChaos } from './chaos-run.js';
import { parseChaosOptions } from './options.js';
import { formatReport } from './report.js';

/**
 * The chaos suite's short version (`npm run chaos` is the full one): 100 dossiers on an embedded
 * stack of its own while the worker and then the API (requests in flight) are SIGKILLed and restarted.
 * About 12 minutes on a loaded 2-core machine (load 7–15): most of it the portal queue draining and
 * the checks (a workflow query and two audit verifications per dossier).
 */
describe('chaos, short version', () => {
  it('loses, duplicates and mismatches nothing while the worker and the API are killed', async () => {
    const result = await runChaos(parseChaosOptions(['--dossiers', '100', '--faults', 'worker-kill,api-kill', '--seed', '7']));
    console.log(formatReport(result));
    // The faults happened: new processes, requests that failed and were sent again with their keys.
    expect(result.faults.map((fault) => fault.kind).sort()).toEqual(['api-kill', 'worker-kill']);
    expect(result.faults.every((fault) => fault.healthyAfterMs !== undefined)).toBe(true);
    expect(result.retries.networkErrors).toBeGreaterThan(0);
    expect(result.figures.dossiers.started).toBe(100);
    expect(result.figures.tasks.completed).toBeGreaterThan(300);
    expect(result.quiescence.reached).toBe(true);
    for (const [figure, value] of Object.entries(result.losses)) expect(value, figure).toBe(0);
    expect(result.passed).toBe(true);
  }, 900_000);
});
