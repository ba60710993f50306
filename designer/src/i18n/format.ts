import { legalTimeInWords } from '@engine/duration/legal-duration-words.js';
import type { LocalizedText } from '@engine/diagnostics/diagnostic.js';
import type { Locale } from './i18n.js';

const intlLocale: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB' };

/** Dates as reformers read them: dd/mm/yyyy, in Vietnam's time. */
export function formatDate(value: string | Date, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(value));
}

/** Date and time: dd/mm/yyyy HH:mm. */
export function formatDateTime(value: string | Date, locale: Locale): string {
  const date = new Date(value);
  const time = new Intl.DateTimeFormat(intlLocale[locale], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Ho_Chi_Minh' }).format(date);
  return `${formatDate(date, locale)} ${time}`;
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale[locale]).format(value);
}

/** One legal duration in words: "3WD" → "3 ngày làm việc". Text that is not a duration is shown as is. */
export function formatDuration(text: string, locale: Locale): string {
  return legalTimeInWords(text)[locale];
}

/** A legal time as the budget writes it ("3WD 4WH + P12D"), in words. */
export function formatLegalTimeText(text: string, locale: Locale): string {
  return legalTimeInWords(text)[locale];
}

/** Picks the reader's language from the engine's bilingual texts. */
export function localized(text: LocalizedText, locale: Locale): string {
  return text[locale];
}
