import { z } from 'zod';

const name = z.string().trim().min(1).max(200);
const assignment = z.strictObject({ role: z.string().trim().min(1).max(100), unit: z.string().trim().min(1).max(100) });
const table = z.record(name, assignment).refine((entries) => Object.keys(entries).length <= 500, 'at most 500 entries');

/** An import mapping as it is saved per agency and read from a file: the one definition of its shape. */
export const importMappingSchema = z.strictObject({ groups: table, users: table });
