import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import type { Locale } from './i18n.js';

/** The current locale, typed, for the formatting helpers. */
export function useLocale() {
  const { locale } = useI18n();
  return computed(() => locale.value as Locale);
}
