import { beforeEach, describe, expect, test } from 'vitest';
import { sampleXml, useModelerPage } from '../../../support/modeler-page-session.js';

const session = useModelerPage();

describe('live validation', () => {
  beforeEach(async () => {
    await session.open(await sampleXml('household-business-registration'));
  });

  test('a valid sample: no finding, no marker', async () => {
    const latest = (await session.call('latest'))!;
    expect(latest.ok).toBe(true);
    expect(latest.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    await expect(session.call('badges', 'mc-diagnostics')).resolves.toEqual([]);
  });

  test('deleting a flow marks the elements it cut off, in Vietnamese; undo clears them', async () => {
    const before = await session.call('validations');
    await session.call('remove', 'Flow_HopNhat_ThamDinh');
    await session.page.waitForFunction((count) => (window as any).modelerPage.validations() > count, before);

    const latest = (await session.call('latest'))!;
    expect(latest.ok).toBe(false);
    const unreachable = latest.diagnostics.find((diagnostic) => diagnostic.code === 'unreachable-element' && diagnostic.elementId === 'Task_ThamDinh');
    expect(unreachable?.severity).toBe('error');
    await expect(session.call('markers', 'Task_ThamDinh')).resolves.toContain('mc-has-error');
    const badge = (await session.call('badges', 'mc-diagnostics')).find((overlay) => overlay.elementId === 'Task_ThamDinh');
    expect(badge?.text).toMatch(/^\d+$/);
    const title = await session.page.locator('.mc-diagnostic-badge[data-element-id="Task_ThamDinh"]').getAttribute('title');
    expect(title).toContain(unreachable!.message.vi);

    const cleared = await session.call('validations');
    await session.call('undo');
    await session.page.waitForFunction((count) => (window as any).modelerPage.validations() > count, cleared);
    await expect(session.call('markers', 'Task_ThamDinh')).resolves.not.toContain('mc-has-error');
    expect((await session.call('latest'))!.ok).toBe(true);
  });

  test('a burst of edits compiles once, after the quiet time', async () => {
    const before = await session.call('validations');
    await session.page.evaluate(() => {
      const page = (window as any).modelerPage;
      page.remove('Flow_HopNhat_ThamDinh');
      page.undo();
      page.remove('Flow_HopNhat_ThamDinh');
    });
    await session.page.waitForTimeout(600);
    await expect(session.call('validations')).resolves.toBe(before + 1);
  });
});
