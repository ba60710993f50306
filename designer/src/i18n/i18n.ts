import { createI18n } from 'vue-i18n';
import { en } from './messages/en.js';
import { vi } from './messages/vi.js';

export type Locale = 'vi' | 'en';
export const LOCALES: Locale[] = ['vi', 'en'];
const STORAGE_KEY = 'motcua.locale';

function storedLocale(storage: Storage | undefined): Locale {
  const value = storage?.getItem(STORAGE_KEY);
  return value === 'en' ? 'en' : 'vi';
}

/** Vietnamese by default; the choice of English is remembered in the browser. */
export function createAppI18n(storage: Storage | undefined = globalThis.localStorage) {
  return createI18n({
    legacy: false,
    locale: storedLocale(storage),
    fallbackLocale: 'vi',
    messages: { vi, en },
  });
}

export function rememberLocale(locale: Locale, storage: Storage | undefined = globalThis.localStorage): void {
  storage?.setItem(STORAGE_KEY, locale);
}
