import type { DataConverter } from '@temporalio/common';
import { EncryptionCodec, keyringOf } from '../../scripts/runtime/payload-codec.js';

/**
 * The payload key of the test suites: fixed, so histories recorded under it
 * (`npm run record:histories`) are decoded by the replay test with the same key.
 */
export const testPayloadKey = { id: 'test-1', key: new Uint8Array(32).map((_, index) => index * 7 + 1) };

export const testPayloadCodec = new EncryptionCodec(keyringOf([testPayloadKey]));

/** What every test client and worker writes Temporal payloads with, as MotCua does. */
export const testDataConverter: DataConverter = { payloadCodecs: [testPayloadCodec] };

/** The same key as MOTCUA_PAYLOAD_KEYS, for MotCua processes a test starts. */
export const testPayloadKeysVariable = `${testPayloadKey.id}:${Buffer.from(testPayloadKey.key).toString('base64')}`;
