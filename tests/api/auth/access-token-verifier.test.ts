import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { anyOf, type AccessTokenVerifier } from '../../../api/auth/access-token-verifier.js';
import { unreachableDependency } from '../../../api/http/dependency-outage.js';

const refusing: AccessTokenVerifier = { verify: async () => Promise.reject(new Error('not a token of ours')) };
const storeDown: AccessTokenVerifier = {
  verify: async () => Promise.reject(new mongoose.mongo.MongoNetworkError('connect ECONNREFUSED 127.0.0.1:27017')),
};

describe('anyOf', () => {
  it('says the store is down when one verifier could not look the token up and the others refuse it', async () => {
    const error = await anyOf([storeDown, refusing]).verify('token').catch((caught: unknown) => caught);
    expect(unreachableDependency(error)).toBe('store');
  });

  it('refuses a token every verifier refuses', async () => {
    const error = await anyOf([refusing, refusing]).verify('token').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(unreachableDependency(error)).toBeUndefined();
  });
});
