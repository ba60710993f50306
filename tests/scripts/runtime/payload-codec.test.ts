import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../scripts/runtime/config.js';
import { EncryptionCodec, encryptedEncoding, keyIdMetadata, keyringOf, PayloadDecryptionError } from '../../../scripts/runtime/payload-codec.js';
import { loadPayloadKeyring, parsePayloadKeys } from '../../../scripts/runtime/payload-keys.js';

const newKey = (id: string) => ({ id, key: new Uint8Array(randomBytes(32)) });
const applicant = { name: 'Nguyễn Văn An', idNumber: '001099000001', phone: '0912345678' };
const text = (bytes: Uint8Array | null | undefined) => new TextDecoder().decode(bytes ?? new Uint8Array());

describe('payload encryption codec', () => {
  it('encrypts a payload under the current key, naming it, and decodes it back as it was', async () => {
    const codec = new EncryptionCodec(keyringOf([newKey('k1')]));
    const payload = defaultPayloadConverter.toPayload(applicant);
    const [sealed] = await codec.encode([payload]);
    expect(text(sealed!.metadata!.encoding)).toBe(encryptedEncoding);
    expect(text(sealed!.metadata![keyIdMetadata])).toBe('k1');
    expect(Buffer.from(sealed!.data!).toString('latin1')).not.toContain('001099000001');
    const [opened] = await codec.decode([sealed!]);
    expect(defaultPayloadConverter.fromPayload(opened!)).toEqual(applicant);
  });

  it('rotation: a payload written under the old key still decodes once a new key is current, and new ones use the new key', async () => {
    const old = newKey('2026-01');
    const [written] = await new EncryptionCodec(keyringOf([old])).encode([defaultPayloadConverter.toPayload(applicant)]);
    const rotated = new EncryptionCodec(keyringOf([newKey('2026-06'), old]));
    expect(defaultPayloadConverter.fromPayload((await rotated.decode([written!]))[0]!)).toEqual(applicant);
    const [fresh] = await rotated.encode([defaultPayloadConverter.toPayload(applicant)]);
    expect(text(fresh!.metadata![keyIdMetadata])).toBe('2026-06');
  });

  it('passes payloads without the encryption marker through undecoded (histories from before encryption)', async () => {
    const plain: Payload = defaultPayloadConverter.toPayload({ recorded: 'before' });
    expect(await new EncryptionCodec(keyringOf([newKey('k1')])).decode([plain])).toEqual([plain]);
  });

  it('refuses a payload of a key it does not hold, a tampered one, and one relabelled with another key id', async () => {
    const first = newKey('k1');
    const second = newKey('k2');
    const [sealed] = await new EncryptionCodec(keyringOf([first])).encode([defaultPayloadConverter.toPayload(applicant)]);
    await expect(new EncryptionCodec(keyringOf([second])).decode([sealed!])).rejects.toThrow(PayloadDecryptionError);
    const tampered = { ...sealed!, data: sealed!.data!.map((byte, index) => (index === 20 ? byte ^ 1 : byte)) };
    await expect(new EncryptionCodec(keyringOf([first])).decode([tampered])).rejects.toThrow(/fails authentication/);
    const relabelled = { ...sealed!, metadata: { ...sealed!.metadata, [keyIdMetadata]: new TextEncoder().encode('k2') } };
    const both = new EncryptionCodec(keyringOf([{ ...second, key: first.key }, first]));
    await expect(both.decode([relabelled])).rejects.toThrow(/fails authentication/);
  });
});

describe('payload keys from configuration', () => {
  const base64 = () => randomBytes(32).toString('base64');

  it('reads "id:base64key,…", the first key current and every key readable', () => {
    const keyring = parsePayloadKeys(`new:${base64()}, old:${base64()}`);
    expect(keyring.current.id).toBe('new');
    expect([...keyring.readable.keys()]).toEqual(['new', 'old']);
  });

  it.each([
    ['', /MOTCUA_PAYLOAD_KEYS: expected/],
    ['k1', /MOTCUA_PAYLOAD_KEYS: expected/],
    [`k1:${randomBytes(16).toString('base64')}`, /key "k1" is 16 bytes, AES-256 needs 32/],
    [`k1:${randomBytes(32).toString('base64')},k1:${randomBytes(32).toString('base64')}`, /"k1" is listed twice/],
  ])('refuses %j with one line naming the variable', (value, message) => {
    expect(() => parsePayloadKeys(value)).toThrow(ConfigError);
    expect(() => parsePayloadKeys(value)).toThrow(message);
  });

  it('in development, generates one key into the data directory once and reads it back after', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'motcua-keys-'));
    try {
      const first = await loadPayloadKeyring(dataDir, {});
      const second = await loadPayloadKeyring(dataDir, {});
      expect(second.current).toEqual(first.current);
      expect(first.current.key.length).toBe(32);
      expect((await stat(path.join(dataDir, 'payload-keys'))).mode & 0o777).toBe(0o600);
      expect(await readFile(path.join(dataDir, 'payload-keys'), 'utf8')).toMatch(/^dev-[0-9a-f]{8}:/);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
