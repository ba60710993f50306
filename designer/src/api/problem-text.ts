import { useI18n } from 'vue-i18n';
import { ApiError } from './problem.js';

/**
 * What to tell the reader about a failed request, in their language: the API's details are English
 * and meant for developers, so the problem's code picks a sentence of the catalogue. Takes a failed
 * request's error, or a problem as a bulk answer lists it per item.
 */
export function useProblemText(): (failure: unknown) => string {
  const { t, te } = useI18n();
  return (failure) => {
    const problem: { status: number; code?: string } | undefined = failure instanceof ApiError ? failure.problem : isProblem(failure) ? failure : undefined;
    if (!problem) return t('apiProblems.unreachable');
    const code = problem.code;
    return code && te(`apiProblems.codes.${code}`) ? t(`apiProblems.codes.${code}`) : t('apiProblems.generic', { status: problem.status });
  };
}

function isProblem(value: unknown): value is { status: number; code?: string } {
  return typeof value === 'object' && value !== null && typeof (value as { status?: unknown }).status === 'number';
}
