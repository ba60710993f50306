import { expect, test } from 'vitest';
import { STEP_TEMPLATES } from '../../../../../designer/src/modeler/templates/step-templates.js';
import { sampleXml, useModelerPage } from '../../../support/modeler-page-session.js';

const session = useModelerPage();

test.each(STEP_TEMPLATES.map((template) => template.id))('the %s template makes a step the compiler accepts as filled in', async (templateId) => {
  await session.open(await sampleXml('household-business-registration'));
  const id = await session.call('addFromTemplate', templateId, 1400, 600);
  const template = STEP_TEMPLATES.find((candidate) => candidate.id === templateId)!;
  await expect(session.call('extension', id, 'mc:Step', 'role')).resolves.toBe(template.step.role);
  await expect(session.call('extension', id, 'mc:Step', 'deadline')).resolves.toBe(template.step.deadline);
  await expect(session.call('extension', id, 'mc:Step', 'returnsResult')).resolves.toBe(template.step.returnsResult);
  await session.page.waitForFunction(() => (window as any).modelerPage.validations() > 1);
  const findings = (await session.call('latest'))!.diagnostics.filter((diagnostic) => diagnostic.elementId === id).map((diagnostic) => diagnostic.code);
  // Unconnected, the new step is unreachable; of its MotCua attributes only the unit may be left for
  // the reformer to pick, as it depends on the agency.
  expect(findings.sort()).toEqual(template.step.unit ? ['unreachable-element'] : ['missing-unit', 'unreachable-element']);
  const xml = await session.call('saveXml');
  expect(xml).toContain(`<mc:step role="${template.step.role}"`);
});
