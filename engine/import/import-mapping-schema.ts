import { z } from 'zod';

const maxEntries = 500;

/** Who does a step in MotCua: a position (candidate role) in a unit. */
export const assignmentSchema = z.strictObject({ role: z.string().trim().min(1).max(100), unit: z.string().trim().min(1).max(100) });

/** Names are kept as the other tool writes them (not trimmed): the converter looks them up exactly. */
const table = z
  .record(z.string().min(1).max(200), assignmentSchema)
  .refine((entries) => Object.keys(entries).length <= maxEntries, `at most ${maxEntries} names`)
  .meta({ description: `each name (at most 200 characters, at most ${maxEntries} names) → a MotCua role and unit` });

/** An import mapping as it is saved per agency and read from a file: the one definition of its shape. */
export const importMappingSchema = z.strictObject({ groups: table, users: table });
