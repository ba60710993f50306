/**
 * Encryption of everything MotCua hands Temporal (workflow inputs, Update and Signal arguments,
 * activity inputs and results, query answers, memos): AES-256-GCM, one random 96-bit nonce per
 * payload, the key's id in the payload's metadata so keys can rotate while dossiers run.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Payload, PayloadCodec } from '@temporalio/common';
import proto from '@temporalio/proto';

/** The `encoding` metadata of an encrypted payload; anything else passes through as it is. */
export const encryptedEncoding = 'binary/encrypted';
/** Metadata key naming the key a payload was encrypted with. */
export const keyIdMetadata = 'encryption-key-id';

const nonceBytes = 12;
const tagBytes = 16;
const textEncoder = new TextEncoder();
const textDecoder = new TextDecoder();

export interface PayloadKey {
  id: string;
  /** 32 bytes. */
  key: Uint8Array;
}

/** The keys a process can read, the first of them the one it writes with. */
export interface PayloadKeyring {
  current: PayloadKey;
  readable: ReadonlyMap<string, Uint8Array>;
}

/** A keyring from keys listed current first (older keys after it stay readable). */
export function keyringOf(keys: readonly PayloadKey[]): PayloadKeyring {
  const [current] = keys;
  if (!current) throw new Error('a payload keyring needs at least one key');
  return { current, readable: new Map(keys.map((entry) => [entry.id, entry.key])) };
}

/** Thrown for a payload that cannot be decrypted: an unknown key id, or data altered or cut. */
export class PayloadDecryptionError extends Error {
  override name = 'PayloadDecryptionError';
}

export class EncryptionCodec implements PayloadCodec {
  constructor(private readonly keyring: PayloadKeyring) {}

  async encode(payloads: Payload[]): Promise<Payload[]> {
    const { id, key } = this.keyring.current;
    return payloads.map((payload) => {
      const nonce = randomBytes(nonceBytes);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      // The key id is authenticated too: a payload relabelled with another key's id fails.
      cipher.setAAD(textEncoder.encode(id));
      const plain = proto.temporal.api.common.v1.Payload.encode(payload).finish();
      const sealed = Buffer.concat([nonce, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
      return {
        metadata: { encoding: textEncoder.encode(encryptedEncoding), [keyIdMetadata]: textEncoder.encode(id) },
        data: new Uint8Array(sealed),
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const encoding = payload.metadata?.encoding;
      // Payloads written before encryption was switched on (recorded histories too) stay readable.
      if (!encoding || textDecoder.decode(encoding) !== encryptedEncoding) return payload;
      const idBytes = payload.metadata?.[keyIdMetadata];
      const id = idBytes ? textDecoder.decode(idBytes) : '';
      const key = this.keyring.readable.get(id);
      if (!key) throw new PayloadDecryptionError(`payload encrypted with key "${id}", which this process does not hold`);
      const data = payload.data ?? new Uint8Array();
      if (data.length < nonceBytes + tagBytes) throw new PayloadDecryptionError('encrypted payload too short');
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, nonceBytes));
      decipher.setAAD(textEncoder.encode(id));
      decipher.setAuthTag(data.subarray(data.length - tagBytes));
      let plain: Buffer;
      try {
        plain = Buffer.concat([decipher.update(data.subarray(nonceBytes, data.length - tagBytes)), decipher.final()]);
      } catch {
        throw new PayloadDecryptionError(`encrypted payload (key "${id}") fails authentication`);
      }
      return proto.temporal.api.common.v1.Payload.decode(plain) as Payload;
    });
  }
}
