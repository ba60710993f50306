import { useI18n } from 'vue-i18n';
import { ApiError } from './problem.js';

/**
 * What to tell the reader about a failed request, in their language: the API's details are English
 * and meant for developers, so the problem's code picks a sentence of the catalogue.
 */
export function useProblemText(): (failure: unknown) => string {
  const { t, te } = useI18n();
  return (failure) => {
    if (!(failure instanceof ApiError)) return t('apiProblems.unreachable');
    const code = failure.problem.code;
    return code && te(`apiProblems.codes.${code}`) ? t(`apiProblems.codes.${code}`) : t('apiProblems.generic', { status: failure.status });
  };
}
