/**
 * Every `patched()` id the interpreter asks, oldest first; a new one goes at the end. Dossiers
 * recorded while a patch is the newest are kept in tests/workflows/histories/<its id>/.
 */
export const patches = {
  /** A completion's store write waits for the step's token to move on and goes out with what it opens. */
  groupedCompletionWrite: 'grouped-completion-write',
  /**
   * A task remembers the calendar revision its deadlines were counted on, so a correction that
   * arrives while a write is on its way is not missed (before, each round read the revision afresh).
   */
  calendarRevisionRemembered: 'calendar-revision-remembered',
  /** A completion is answered once the workflow has recorded it; its store write follows. */
  completionAnsweredWhenRecorded: 'completion-answered-when-recorded',
  /**
   * Variables are namespaced by who may set them: a step opens pre-filled only with the citizen's
   * input (start-form fields) and earlier steps' outputs, and a supplement cannot set a step's output.
   */
  variablesNamespaced: 'variables-namespaced',
  /** A withdrawal that arrives once processing has ended (the result is ready) is refused, not obeyed. */
  noWithdrawalOnceProcessed: 'no-withdrawal-once-processed',
} as const;

export const newestPatch = Object.values(patches).at(-1)!;
