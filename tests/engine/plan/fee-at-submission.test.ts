import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../engine/compiler/compile.js';
import { feeAtSubmission } from '../../../engine/plan/fee-at-submission.js';
import { startForm } from '../../../engine/plan/variable-namespaces.js';

async function fixturePlan(name: string) {
  const result = await compile(readFileSync(path.join(import.meta.dirname, '../../workflows/fixtures', `${name}.bpmn`), 'utf8'));
  expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
  return result.plan!;
}

describe('fee at submission', () => {
  it('is the thu-phi step the start event leads to, with its amount and its refund rule', async () => {
    const plan = await fixturePlan('fee-at-submission');
    expect(feeAtSubmission(plan)).toEqual({ amount: 8000, refundOnRefusal: true });
    // The citizen's form is still the receipt step's, which comes after the fee.
    expect(startForm(plan).map((field) => field.key)).toEqual(['hoTen', 'toKhai']);
  });

  it('is absent when the procedure charges later or not at all', async () => {
    expect(feeAtSubmission(await fixturePlan('review'))).toBeNull();
    const household = await compile(readFileSync(path.join(import.meta.dirname, '../../../engine/samples/household-business-registration.bpmn'), 'utf8'));
    expect(feeAtSubmission(household.plan!)).toBeNull();
  });

  it('has no refund rule unless the model says true, and no amount when the form computes it', async () => {
    const xml = readFileSync(path.join(import.meta.dirname, '../../workflows/fixtures/fee-at-submission.bpmn'), 'utf8')
      .replace('expression="=8000"', 'expression="=soBan * 8000"')
      .replace('target="refundOnRefusal" expression="=true"', 'target="refundOnRefusal" expression="=false"');
    const plan = (await compile(xml)).plan!;
    expect(feeAtSubmission(plan)).toEqual({ amount: null, refundOnRefusal: false });
  });
});
