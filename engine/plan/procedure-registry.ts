/** What the procedure registry knows about a deployed procedure that a call activity may call. */
export interface KnownProcedure {
  versions: readonly number[];
  /** Its legal limit, used for the caller's deadline budget when the call activity has no deadline. */
  legalLimit?: string;
}

/** Deployed procedures by code, as the API (from the store) or the CLI (from a JSON file) supplies them. */
export type ProcedureRegistry = Readonly<Record<string, KnownProcedure>>;
