/** MongoDB's (and FerretDB's) error code for a write that breaks a unique index. */
const duplicateKeyCode = 11000;

/** Whether a store error is a duplicate key: someone already wrote a document with that unique key. */
export function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: number } | undefined)?.code === duplicateKeyCode;
}
