import type { DossierDocument } from '../../store/dossiers/dossier-model.js';

const dayMs = 86_400_000;

export type TrendDossier = Pick<DossierDocument, 'receivedAt' | 'finishedAt' | 'punctuality'>;

export interface TrendDay {
  /** YYYY-MM-DD in the calendar's time zone. */
  day: string;
  received: number;
  early: number;
  onTime: number;
  late: number;
}

/**
 * Dossiers received and finished (early, on time, late) per day of [from, to), days cut at midnight
 * in the time zone `utcOffsetMs` east of UTC; every day of the period is listed, quiet ones as zeros.
 */
export function dailyTrend(dossiers: readonly TrendDossier[], from: number, to: number, utcOffsetMs: number): TrendDay[] {
  const dayOf = (instant: number) => Math.floor((instant + utcOffsetMs) / dayMs);
  const first = dayOf(from);
  const days: TrendDay[] = [];
  for (let day = first; day <= dayOf(to - 1); day += 1) {
    days.push({ day: new Date(day * dayMs).toISOString().slice(0, 10), received: 0, early: 0, onTime: 0, late: 0 });
  }
  const entryAt = (instant: number) => (instant >= from && instant < to ? days[dayOf(instant) - first] : undefined);
  for (const dossier of dossiers) {
    const received = entryAt(dossier.receivedAt.getTime());
    if (received) received.received += 1;
    const finished = dossier.finishedAt && dossier.punctuality ? entryAt(dossier.finishedAt.getTime()) : undefined;
    if (finished) finished[dossier.punctuality === 'on-time' ? 'onTime' : dossier.punctuality!] += 1;
  }
  return days;
}
