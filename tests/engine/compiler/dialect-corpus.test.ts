import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../engine/compiler/compile.js';

/** Models written for these tests the way each modeler writes them (tests/engine/import/fixtures), read as they are, before any import. */
const model = (name: string) => readFileSync(path.join(import.meta.dirname, '../import/fixtures', name), 'utf8');

async function findings(name: string): Promise<string[]> {
  return (await compile(model(name))).diagnostics.map((diagnostic) => `${diagnostic.code} @ ${diagnostic.elementId}`);
}

describe('models as other modelers write them, read as the specification says', () => {
  it('Camunda 7: a QName message reference in the target namespace resolves; JUEL conditions are named on their flows; the step says Camunda’s attributes are not read', async () => {
    const found = await findings('camunda7-leave-request.bpmn');
    expect(found.filter((finding) => finding.startsWith('unresolved-reference'))).toEqual([]);
    expect(found).toEqual(expect.arrayContaining(['juel-condition @ Flow_Approved', 'juel-condition @ Flow_Refused', 'foreign-markup @ Review', 'missing-role @ Review']));
  });

  it('Flowable: a sequence flow without an id is read (no invalid content, nothing falsely unreachable); the JUEL condition is named on its flow', async () => {
    const found = await findings('flowable-grant-application.bpmn');
    expect(found.filter((finding) => /^(invalid-content|unreachable-element|no-path-to-end)/.test(finding))).toEqual([]);
    expect(found).toEqual(expect.arrayContaining(['juel-condition @ toLarge', 'foreign-markup @ check']));
  });

  it('Camunda 8: the zeebe extensions are named on their steps; a boolean compared through Camunda’s "=" prefix is told as an unknown name, not accepted', async () => {
    const found = await findings('camunda8-street-vending.bpmn');
    expect(found).toEqual(expect.arrayContaining(['foreign-markup @ Assess', 'foreign-markup @ Notify', 'unknown-condition-variable @ Flow_Yes']));
  });

  it('the durations a modeler writes (PT1H30M, PT2H, P3D) are read for timers, without "not valid"', async () => {
    for (const name of ['camunda7-leave-request.bpmn', 'flowable-grant-application.bpmn']) {
      expect((await findings(name)).filter((finding) => finding.startsWith('invalid-duration'))).toEqual([]);
    }
  });
});
