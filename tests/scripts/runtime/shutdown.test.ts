import { afterEach, describe, expect, it, vi } from 'vitest';
import { ShutdownSequence } from '../../../scripts/runtime/shutdown.js';

describe('shutdown sequence', () => {
  afterEach(() => vi.restoreAllMocks());

  it('undoes what was started in the reverse order, each step once', async () => {
    const done: string[] = [];
    const shutdown = new ShutdownSequence();
    for (const what of ['servers', 'clients', 'worker', 'api']) shutdown.add(async () => void done.push(what));
    const [first, second] = [shutdown.run(), shutdown.run()];
    expect(await first).toBe(true);
    expect(await second).toBe(true);
    expect(done).toEqual(['api', 'worker', 'clients', 'servers']);
  });

  it('reports a failing step in one line and still runs the others', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const done: string[] = [];
    const shutdown = new ShutdownSequence();
    shutdown.add(async () => void done.push('servers'));
    shutdown.add(async () => {
      throw new Error('connection already closed');
    });
    shutdown.add(async () => void done.push('api'));
    expect(await shutdown.run()).toBe(false);
    expect(done).toEqual(['api', 'servers']);
    expect(errors.mock.calls).toEqual([['motcua: while stopping: connection already closed']]);
  });
});
