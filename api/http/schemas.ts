import { z } from 'zod';

/** Shared pieces of request and response schemas. */
export const isoInstant = z.iso.datetime({ offset: true }).meta({ description: 'ISO-8601 instant with offset' });
export const code = z.string().min(1).max(200);
export const limitParam = z.coerce.number().int().min(1).max(200).default(50);
export const cursorParam = z.string().max(500).optional();
export const booleanParam = z.enum(['true', 'false']).transform((value) => value === 'true');

export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** Cursors are opaque to clients: base64url JSON of the sort key of the last item. */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor<T>(cursor: string, schema: z.ZodType<T>): T | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Dates as ISO strings on the wire, recursively (lean documents carry Date objects). */
export function wire<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
