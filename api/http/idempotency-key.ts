import type { Request } from 'express';
import { z } from 'zod';
import { Problem } from './problem.js';

const idempotencyKey = z.string().regex(/^[A-Za-z0-9._:-]{1,200}$/);

/** The request's Idempotency-Key header, if it sent one; a malformed one is refused. */
export function idempotencyKeyOf(request: Request): string | undefined {
  const header = request.get('Idempotency-Key');
  if (header === undefined) return undefined;
  const key = idempotencyKey.safeParse(header).data;
  if (key === undefined) throw new Problem(400, 'invalid-idempotency-key', 'Idempotency-Key: 1–200 letters, digits, . _ : -');
  return key;
}
