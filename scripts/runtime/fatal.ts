/** Ends a command-line entry point with one clear line (the stack too when MOTCUA_DEBUG is set). */
export function reportFatal(error: unknown): never {
  console.error(`motcua: ${error instanceof Error ? error.message : String(error)}`);
  if (process.env.MOTCUA_DEBUG && error instanceof Error) console.error(error.stack);
  process.exit(1);
}
