import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** Values that have one canonical JSON text. */
export type CanonicalValue = null | boolean | number | string | CanonicalValue[] | { [key: string]: CanonicalValue | undefined };

/**
 * JSON with object keys sorted and no whitespace, so equal values always give equal bytes
 * (the property plan and calendar hashes rest on). `undefined` members are left out, as
 * JSON.stringify does; non-finite numbers are refused rather than silently turned into null.
 */
export function canonicalJson(value: CanonicalValue): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonical JSON has no form for ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const members = Object.keys(value)
    .filter((key) => value[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key]!)}`);
  return `{${members.join(',')}}`;
}

/** Lower-case hex SHA-256 of a text's UTF-8 bytes; pure, so it runs in browsers and workflows alike. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** The content hash of a value: SHA-256 of its canonical JSON. */
export function contentHash(value: CanonicalValue): string {
  return sha256Hex(canonicalJson(value));
}
