/**
 * The agency admin's calendar correction mid-run: the 2027 year saved again as a draft and
 * published, so every running dossier is told the calendar changed (its deadlines must not move:
 * the year's days are the same). A retried publication refused as "nothing to publish" was taken.
 */
import type { Ledger } from './ledger.js';
import type { SimulatedUser } from './users.js';

export async function correctCalendar(admin: SimulatedUser, ledger: Ledger): Promise<void> {
  const path = '/api/calendars/vn-national';
  const year = await admin.call({ method: 'GET', path: `${path}/2027` });
  if (year.status !== 200) throw new Error(`calendar year: ${year.status} ${JSON.stringify(year.body)}`);
  const saved = await admin.call({ method: 'PUT', path: `${path}/2027`, json: year.body.data, idempotencyKey: 'chaos-calendar-2027' });
  if (saved.status !== 200) throw new Error(`calendar correction: ${saved.status} ${JSON.stringify(saved.body)}`);
  const published = await admin.call({ method: 'POST', path: `${path}/publish`, json: { reason: 'Đính chính lịch năm 2027 (chaos)' }, idempotencyKey: 'chaos-calendar-publish' });
  if (published.status !== 201 && !(published.attempt > 1 && published.body.code === 'nothing-to-publish')) throw new Error(`calendar publication: ${published.status} ${JSON.stringify(published.body)}`);
  ledger.acknowledge();
  ledger.calendarCorrections += 1;
}
