import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';

/** argon2id with the library's defaults (OWASP's recommended parameters). */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Checks `password` against `hash`, or, for an account that does not exist or cannot sign in with a
 * password, against a hash of a random password with the same parameters: the answer then takes as
 * long either way, so its timing does not tell which usernames exist.
 */
export async function verifyPasswordOrDummy(hash: string | undefined, password: string): Promise<boolean> {
  if (hash !== undefined) return verifyPassword(hash, password);
  dummyHash ??= hashPassword(randomBytes(32).toString('base64'));
  await verifyPassword(await dummyHash, password);
  return false;
}
