import { nextCounterValue, releaseCounterValue } from '../../store/counters/counter-model.js';
import type { ApiStore } from '../api-store.js';

/** The receipt day as YYMMDD in the calendar's time zone (UTC offset such as +07:00). */
export function receiptDay(instant: number, utcOffset: string): string {
  const sign = utcOffset.startsWith('-') ? -1 : 1;
  const [hours, minutes] = utcOffset.slice(1).split(':').map(Number);
  const local = new Date(instant + sign * ((hours ?? 0) * 60 + (minutes ?? 0)) * 60_000);
  return local.toISOString().slice(2, 10).replaceAll('-', '');
}

/** Fills a dossier code format: `{agencyCode}`, `{yymmdd}`, `{sequence:N}` (zero-padded to N digits). */
export function formatDossierCode(format: string, fields: { agencyCode: string; yymmdd: string; sequence: number }): string {
  return format.replace(/\{(agencyCode|yymmdd|sequence)(?::(\d+))?\}/g, (_match, name: string, width?: string) => {
    if (name === 'agencyCode') return fields.agencyCode;
    if (name === 'yymmdd') return fields.yymmdd;
    return String(fields.sequence).padStart(Number(width ?? 1), '0');
  });
}

/** A dossier code taken for a submission; `release` gives it back when the submission fails after all. */
export interface AllocatedCode {
  code: string;
  release(): Promise<void>;
}

/**
 * The next dossier code of an agency for the receipt day: one counter per agency per day. Taken once
 * every check of the submission has passed; a failure after that (storage, Temporal) releases it
 * for the next submission, so failed submissions leave no gaps in the codes.
 */
export async function allocateDossierCode(store: ApiStore, format: string, agency: { id: string; code: string }, yymmdd: string): Promise<AllocatedCode> {
  const counter = `dossier-code:${agency.id}:${yymmdd}`;
  const sequence = await nextCounterValue(store.counters, counter);
  return { code: formatDossierCode(format, { agencyCode: agency.code, yymmdd, sequence }), release: () => releaseCounterValue(store.counters, counter, sequence) };
}
