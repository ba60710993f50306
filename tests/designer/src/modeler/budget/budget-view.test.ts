import { expect, test } from 'vitest';
import { sampleXml, useModelerPage } from '../../../support/modeler-page-session.js';

const session = useModelerPage();

test('the critical path is highlighted and every step shows its deadline in working days', async () => {
  await session.open(await sampleXml('household-business-registration'));
  const budget = (await session.call('latest'))!.budget!;
  expect(budget.criticalPath.length).toBeGreaterThan(2);
  for (const id of budget.criticalPath) await expect(session.call('markers', id)).resolves.toContain('mc-critical');
  await expect(session.call('markers', 'Task_TuChoi')).resolves.not.toContain('mc-critical');

  const badges = await session.call('badges', 'mc-deadline');
  expect(badges).toContainEqual({ elementId: 'Task_ThamDinh', text: '1 ngày làm việc' });
  expect(badges).toContainEqual({ elementId: 'Task_TiepNhan', text: '4 giờ làm việc' });
});

test('in English when the reformer reads English', async () => {
  await session.open(await sampleXml('household-business-registration'), { locale: 'en' });
  await expect(session.call('badges', 'mc-deadline')).resolves.toContainEqual({ elementId: 'Task_ThamDinh', text: '1 working day' });
});
