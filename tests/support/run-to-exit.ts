/**
 * Runs a command-line script's main and exits with its code (0 when it returns nothing), or prints
 * the error and exits with 1: open handles (servers, sockets) must not keep a finished run alive.
 */
export function runToExit(main: () => Promise<number | void>): void {
  main().then(
    (code) => process.exit(code ?? 0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
