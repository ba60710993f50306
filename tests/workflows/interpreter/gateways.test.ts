import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileProcedure, DossierHarness, officer, type CompiledProcedure } from '../dossier-harness.js';

const lan = officer('lan', 'chuyen-vien', 'phong-kinh-te');
const steps = DossierHarness.openSteps;

describe('gateways', () => {
  let harness: DossierHarness;
  let procedure: CompiledProcedure;

  beforeAll(async () => {
    harness = await DossierHarness.create({ startAt: '2026-03-12T02:00:00Z' });
    procedure = await compileProcedure(new URL('../fixtures/gateways.bpmn', import.meta.url));
  });
  afterAll(() => harness?.teardown());

  it('splits in parallel and joins only when both branches arrive; the inclusive gateway takes every true branch and waits for them', async () => {
    const handle = await harness.start(procedure, { dossierId: 'GW-0001', variables: { canKiemTra: true, canLayYKien: true } });
    expect(steps(await harness.until(handle, (state) => steps(state).length === 2, 'both parallel branches'))).toEqual(['Insurance', 'Police']);

    await harness.work(handle, 'Police', lan);
    // The join still waits for the insurance branch.
    expect(steps(await harness.until(handle, (state) => !steps(state).includes('Police')))).toEqual(['Insurance']);

    await harness.work(handle, 'Insurance', lan);
    expect(steps(await harness.until(handle, (state) => steps(state).length === 2, 'both inclusive branches'))).toEqual(['Consult', 'SiteCheck']);

    await harness.work(handle, 'SiteCheck', lan);
    // The inclusive join waits: a token is still on its way through Consult.
    expect(steps(await harness.until(handle, (state) => !steps(state).includes('SiteCheck')))).toEqual(['Consult']);

    await harness.work(handle, 'Consult', lan);
    await harness.work(handle, 'Sign', lan);
    expect(await handle.result()).toMatchObject({ status: 'returned' });
  });

  it('takes the inclusive default when no condition holds, and the join fires on that one branch', async () => {
    const handle = await harness.start(procedure, { dossierId: 'GW-0002', variables: { canKiemTra: false } });
    await harness.work(handle, 'Police', lan);
    await harness.work(handle, 'Insurance', lan);
    expect(steps(await harness.until(handle, (state) => steps(state).length === 1 && steps(state)[0] !== 'Insurance'))).toEqual(['Plain']);
    await harness.work(handle, 'Plain', lan);
    await harness.work(handle, 'Sign', lan);
    expect(await handle.result()).toMatchObject({ status: 'returned' });
  });
});
