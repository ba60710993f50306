import { afterEach, describe, expect, it } from 'vitest';
import { BusinessCalendar, legalDeadline } from '../../../engine/calendar/index.js';
import { parseLegalDuration } from '../../../engine/duration/legal-duration.js';
import { supplementDossierSignal } from '../../../workflows/contract.js';
import { compileProcedure, DossierHarness, officer } from '../dossier-harness.js';

const lan = officer('lan', 'chuyen-vien', 'phong-kinh-te');
const iso = (instant: number) => new Date(instant).toISOString();
const at = (text: string) => Date.parse(text);

/**
 * Received Thursday 12 March 2026, 09:00 (5WD: due Thursday 19, 17:00). The officer asks for a
 * supplement on Friday 13 at 10:00; the citizen brings it on Tuesday 17 at 14:00.
 */
describe('supplementation and the legal clock', () => {
  let harness: DossierHarness | undefined;
  afterEach(() => harness?.teardown());

  async function supplementScenario(fixture: string, dossierId: string) {
    harness = await DossierHarness.create({ startAt: '2026-03-12T02:00:00Z' });
    const procedure = await compileProcedure(new URL(`../fixtures/${fixture}.bpmn`, import.meta.url));
    const handle = await harness.start(procedure, { dossierId, receivedAt: at('2026-03-12T02:00:00Z') });
    expect(iso((await harness.state(handle)).legalClock.dueAt)).toBe('2026-03-19T10:00:00.000Z');

    await harness.advanceTo(at('2026-03-13T03:00:00Z'));
    await harness.work(handle, 'Appraise', lan, { giayToThieu: 'Bản sao CCCD' }, 'bo-sung');
    const waiting = await harness.until(handle, (state) => state.status === 'supplement-requested', 'the supplementation wait');
    expect(waiting.legalClock).toMatchObject({ paused: true, supplementations: 1 });
    // The store follows the workflow a moment later.
    await expect.poll(() => harness!.store.dossiers.findById(dossierId).lean()).toMatchObject({ status: 'supplement-requested', supplementationCount: 1 });
    await expect.poll(() => harness!.store.notifications.findOne({ dossierId, kind: 'supplement-requested' }).lean()).toMatchObject({ recipients: { citizen: true } });

    await harness.advanceTo(at('2026-03-17T07:00:00Z'));
    await handle.signal(supplementDossierSignal, { receivedAt: at('2026-03-17T07:00:00Z'), note: 'Đã nộp bản sao CCCD', variables: { banSaoCccd: 'att-1' } });
    const resumed = await harness.until(handle, (state) => state.status === 'processing' && !state.legalClock.paused, 'the clock running again');
    return { handle, resumed, harness };
  }

  it('pauses: the deadline moves by the working time spent waiting (19 working hours): Tuesday 24 March, 11:00', async () => {
    const { handle, resumed } = await supplementScenario('supplementation', 'SU-PAUSE');
    // The wait began the moment the officer asked (10:00 and a few milliseconds).
    expect(Math.abs(resumed.legalClock.dueAt - at('2026-03-24T04:00:00Z'))).toBeLessThan(1_000);
    const calendar = new BusinessCalendar(harness!.calendar);
    const expected = legalDeadline(calendar, {
      receivedAt: at('2026-03-12T02:00:00Z'),
      limit: parseLegalDuration('5WD'),
      pauses: [{ from: resumed.history.find((entry) => entry.action === 'supplement-requested')!.at, to: at('2026-03-17T07:00:00Z') }],
    });
    expect(resumed.legalClock.dueAt).toBe(expected.dueAt);
    expect(resumed.variables).toMatchObject({ banSaoCccd: 'att-1' });

    await harness!.work(handle, 'Appraise', lan, {}, 'dat');
    const result = await handle.result();
    // Finished on 17 March: early against the appointment, waiting time deducted.
    expect(result).toMatchObject({ status: 'returned', punctuality: 'early' });
    await expect.poll(() => harness!.store.dossiers.findById('SU-PAUSE').lean()).toMatchObject({ supplementationCount: 1, punctuality: 'early', dueAt: new Date(resumed.legalClock.dueAt) });
  });

  it('restarts: the clock starts from zero when the dossier is complete, Tuesday 17 March: due Tuesday 24, 17:00', async () => {
    const { handle, resumed } = await supplementScenario('supplementation-restart', 'SU-RESTART');
    expect(iso(resumed.legalClock.clockStartsAt)).toBe('2026-03-17T07:00:00.000Z');
    expect(iso(resumed.legalClock.dueAt)).toBe('2026-03-24T10:00:00.000Z');
    await harness!.work(handle, 'Appraise', lan, {}, 'dat');
    expect(await handle.result()).toMatchObject({ status: 'returned' });
  });
});
