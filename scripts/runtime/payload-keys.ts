import { randomBytes } from 'node:crypto';
import { ConfigError } from './config.js';
import { generatedSecret } from './generated-secret.js';
import { keyringOf, type PayloadKey, type PayloadKeyring } from './payload-codec.js';

const keyListFormat = 'expected "id:base64key,…" with 32-byte keys, the current key first';

/**
 * Parses `id:base64key,id:base64key,…` (MOTCUA_PAYLOAD_KEYS): the first key encrypts, every key
 * listed decrypts, so rotating means putting a new key first and keeping the old ones after it.
 */
export function parsePayloadKeys(text: string, source = 'MOTCUA_PAYLOAD_KEYS'): PayloadKeyring {
  const keys: PayloadKey[] = [];
  for (const entry of text.split(',').map((part) => part.trim()).filter(Boolean)) {
    const match = /^([A-Za-z0-9._-]{1,64}):([A-Za-z0-9+/=_-]+)$/.exec(entry);
    if (!match) throw new ConfigError(`${source}: ${keyListFormat}`);
    const [, id, encoded] = match as unknown as [string, string, string];
    const key = Buffer.from(encoded, 'base64');
    if (key.length !== 32) throw new ConfigError(`${source}: key "${id}" is ${key.length} bytes, AES-256 needs 32`);
    if (keys.some((known) => known.id === id)) throw new ConfigError(`${source}: key id "${id}" is listed twice`);
    keys.push({ id, key: new Uint8Array(key) });
  }
  if (keys.length === 0) throw new ConfigError(`${source}: ${keyListFormat}`);
  return keyringOf(keys);
}

/** MOTCUA_PAYLOAD_KEYS, or (development) one key generated once into the data directory. */
export async function loadPayloadKeyring(dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<PayloadKeyring> {
  if (env.MOTCUA_PAYLOAD_KEYS) return parsePayloadKeys(env.MOTCUA_PAYLOAD_KEYS);
  const generated = await generatedSecret(dataDir, 'payload-keys', () => `dev-${randomBytes(4).toString('hex')}:${randomBytes(32).toString('base64')}`);
  return parsePayloadKeys(generated, `${dataDir}/payload-keys`);
}
