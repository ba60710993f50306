import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { claimsModel, takeClaim, type Claims } from '../../../store/claims/claims.js';
import { connectTestStore } from '../../support/store.js';

const hour = 3_600_000;

describe('claims', () => {
  let claims: Claims;
  let connection: Awaited<ReturnType<typeof connectTestStore>>['connection'];
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    const testStore = await connectTestStore();
    dispose = testStore.dispose;
    connection = testStore.connection;
    claims = claimsModel(testStore.connection, 'AnsweredRequest', 'answeredRequests');
  });
  afterAll(() => dispose?.());

  it('gives a key to one taker only, also to takers at the same moment', async () => {
    const taken = await Promise.all(Array.from({ length: 6 }, () => takeClaim(claims, 'busy-key')));
    expect(taken.filter(Boolean)).toHaveLength(1);
    expect(await takeClaim(claims, 'busy-key')).toBe(false);
  });

  it('forgets claims older than a day, sweeping at most once an hour', async () => {
    // A model of its own, not swept yet in this process (the first test's takes swept the other).
    const outboxClaims = claimsModel(connection, 'OutboxClaim', 'outboxClaims');
    const sweeps = vi.spyOn(outboxClaims, 'deleteMany');
    const now = Date.now();
    const at = (ago: number) => new Date(now - ago);

    await takeClaim(outboxClaims, 'three-days-ago', at(72 * hour));
    await takeClaim(outboxClaims, 'half-an-hour-later', at(71.5 * hour));
    await takeClaim(outboxClaims, 'two-hours-ago', at(2 * hour));
    await takeClaim(outboxClaims, 'now', at(0));

    // The first take swept; the second came within the hour; the third and fourth swept again.
    expect(sweeps).toHaveBeenCalledTimes(3);
    await expect.poll(async () => (await outboxClaims.find().lean()).map((claim) => claim._id).sort()).toEqual(['now', 'two-hours-ago']);
    expect(await takeClaim(outboxClaims, 'three-days-ago')).toBe(true);
    expect(await takeClaim(outboxClaims, 'two-hours-ago')).toBe(false);
  });
});
