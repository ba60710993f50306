import { beforeAll, expect, test } from 'vitest';
import { sampleXml, useModelerPage } from '../../../support/modeler-page-session.js';

const session = useModelerPage();

beforeAll(async () => {
  await session.open(await sampleXml('household-business-registration'));
});

test('the palette offers supported elements and the typical steps, no untyped task or throw event', async () => {
  const entries = await session.call('paletteEntries');
  expect(entries).not.toContain('create.task');
  expect(entries).not.toContain('create.intermediate-event');
  expect(entries).toEqual(expect.arrayContaining(['create.start-event', 'create.end-event', 'create.exclusive-gateway', 'create.parallel-gateway', 'create.user-task', 'create.service-task', 'create.timer-event', 'create.subprocess-expanded']));
  expect(entries.filter((entry) => entry.startsWith('create.template-'))).toEqual([
    'create.template-receive',
    'create.template-appraise',
    'create.template-consult',
    'create.template-approve',
    'create.template-sign',
    'create.template-return-result',
  ]);
  const titles = await session.page.locator('.djs-palette .entry').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-label')));
  expect(titles).toContain('Tạo bước do cán bộ thực hiện');
  expect(titles).toContain('Thẩm định hồ sơ');
});

test('changing a task offers only task types the compiler runs', async () => {
  const entries = await session.call('replaceEntries', 'Task_ThamDinh');
  expect(entries).toEqual(expect.arrayContaining(['replace-with-service-task', 'replace-with-receive-task', 'replace-with-call-activity']));
  for (const refused of ['replace-with-task', 'replace-with-manual-task', 'replace-with-script-task', 'replace-with-rule-task', 'toggle-loop']) expect(entries).not.toContain(refused);
});

test('changing a gateway leaves out the complex gateway', async () => {
  const entries = await session.call('replaceEntries', 'Gateway_KetQua');
  expect(entries).toContain('replace-with-parallel-gateway');
  expect(entries).not.toContain('replace-with-complex-gateway');
});
