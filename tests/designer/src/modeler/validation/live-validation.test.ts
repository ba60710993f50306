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

  test('deleting a flow marks where it is missing, once, in Vietnamese; undo clears it', async () => {
    const before = await session.call('validations');
    await session.call('remove', 'Flow_HopNhat_ThamDinh');
    await session.page.waitForFunction((count) => (window as any).modelerPage.validations() > count, before);

    const latest = (await session.call('latest'))!;
    expect(latest.ok).toBe(false);
    const errors = latest.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    expect(errors.map((diagnostic) => [diagnostic.code, diagnostic.elementId])).toEqual([['missing-flow', 'Gateway_HopNhat']]);
    const missing = errors[0]!;
    await expect(session.call('markers', 'Gateway_HopNhat')).resolves.toContain('mc-has-error');
    await expect(session.call('markers', 'Task_ThamDinh')).resolves.not.toContain('mc-has-error');
    const badge = (await session.call('badges', 'mc-diagnostics')).find((overlay) => overlay.elementId === 'Gateway_HopNhat');
    expect(badge?.text).toMatch(/^\d+$/);
    const title = await session.page.locator('.mc-diagnostic-badge[data-element-id="Gateway_HopNhat"]').getAttribute('title');
    expect(title).toContain(missing.message.vi);

    const cleared = await session.call('validations');
    await session.call('undo');
    await session.page.waitForFunction((count) => (window as any).modelerPage.validations() > count, cleared);
    await expect(session.call('markers', 'Gateway_HopNhat')).resolves.not.toContain('mc-has-error');
    expect((await session.call('latest'))!.ok).toBe(true);
  });

  test('a marked element deleted, or another diagram opened over the marks, is validated afresh', async () => {
    const marked = async () => {
      const before = await session.call('validations');
      await session.call('remove', 'Flow_HopNhat_ThamDinh');
      await session.page.waitForFunction((count) => (window as any).modelerPage.validations() > count, before);
      await expect(session.call('markers', 'Gateway_HopNhat')).resolves.toContain('mc-has-error');
    };
    await marked();
    const before = await session.call('validations');
    await session.call('remove', 'Gateway_HopNhat');
    await session.page.waitForFunction((count) => (window as any).modelerPage.validations() > count, before);
    expect((await session.call('latest'))!.diagnostics.map((diagnostic) => diagnostic.elementId)).not.toContain('Gateway_HopNhat');

    await session.open(await sampleXml('household-business-registration'));
    await marked();
    await session.call('importXml', await sampleXml('birth-registration'));
    expect((await session.call('latest'))!.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    await expect(session.call('badges', 'mc-diagnostics')).resolves.toEqual([]);
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
