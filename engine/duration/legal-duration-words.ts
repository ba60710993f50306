import type { LocalizedText } from '../diagnostics/localized-text.js';
import { parseLegalDuration, type LegalDurationUnit } from './legal-duration.js';

/** How a reformer reads each unit; English names are plural, Vietnamese has no plural. */
const unitWords: Record<keyof LocalizedText, Record<LegalDurationUnit, string>> = {
  vi: {
    'working-days': 'ngày làm việc',
    'working-hours': 'giờ làm việc',
    'working-minutes': 'phút làm việc',
    'calendar-days': 'ngày',
    hours: 'giờ',
    minutes: 'phút',
    seconds: 'giây',
  },
  en: {
    'working-days': 'working days',
    'working-hours': 'working hours',
    'working-minutes': 'working minutes',
    'calendar-days': 'days',
    hours: 'hours',
    minutes: 'minutes',
    seconds: 'seconds',
  },
};

const numberFormats: Record<keyof LocalizedText, Intl.NumberFormat> = { vi: new Intl.NumberFormat('vi-VN'), en: new Intl.NumberFormat('en-GB') };

function durationInWords(text: string, language: keyof LocalizedText): string {
  try {
    const { amount, unit } = parseLegalDuration(text);
    const words = unitWords[language][unit];
    return `${numberFormats[language].format(amount)} ${amount === 1 && language === 'en' ? words.replace(/s$/, '') : words}`;
  } catch {
    return text;
  }
}

function legalTimeIn(text: string, language: keyof LocalizedText): string {
  return text
    .split(' + ')
    .map((family) => family.split(' ').map((part) => durationInWords(part, language)).join(' '))
    .join(' + ');
}

/**
 * A legal time as MotCua writes it ("5WD", "3WD 4WH + P12D") in words: "5 ngày làm việc". Text that
 * is not a duration is kept as is.
 */
export function legalTimeInWords(text: string): LocalizedText {
  return { vi: legalTimeIn(text, 'vi'), en: legalTimeIn(text, 'en') };
}
