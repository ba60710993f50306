/** Ends a command-line entry point with one clear line per problem (the stack too when MOTCUA_DEBUG is set). */
export function reportFatal(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  for (const line of message.split('\n')) console.error(`motcua: ${line}`);
  if (process.env.MOTCUA_DEBUG && error instanceof Error) console.error(error.stack);
  process.exit(1);
}
