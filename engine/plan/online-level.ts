/**
 * How a procedure is filed in the public catalogue: its online service level (Decree 42/2022/NĐ-CP:
 * full, toàn trình; partial, một phần; or in person only) and the form of its national code.
 */
export const onlineLevels = ['full', 'partial', 'none'] as const;

export type OnlineLevel = (typeof onlineLevels)[number];

/** What a procedure that does not declare its level offers: online submission, the rest as its steps say. */
export const DEFAULT_ONLINE_LEVEL: OnlineLevel = 'partial';

/** Mã TTHC as the national database gives it in its short form: a digit, a dot, six digits (1.001193). */
export const NATIONAL_CODE_PATTERN = /^\d\.\d{6}$/;

/** The part of a plan the level is read from (structural, so the plan's schema can import this module). */
interface FiledProcedure {
  procedure: { onlineLevel?: OnlineLevel };
}

/** The procedure's online service level; plans compiled before the level was declared read as the default. */
export function onlineLevelOf(plan: FiledProcedure): OnlineLevel {
  return plan.procedure.onlineLevel ?? DEFAULT_ONLINE_LEVEL;
}

/** Whether a citizen may submit the procedure's dossiers online (every level but "in person only"). */
export function submittedOnline(plan: FiledProcedure): boolean {
  return onlineLevelOf(plan) !== 'none';
}
