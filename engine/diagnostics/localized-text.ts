export type Severity = 'error' | 'warning' | 'info';

/** Every text a reformer reads comes in Vietnamese (the default) and English. */
export interface LocalizedText {
  vi: string;
  en: string;
}
