import { readFile } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { compareModels } from '../../../../designer/src/compare/compare-models.js';

const sample = () => readFile(new URL('../../../../engine/samples/household-business-registration.bpmn', import.meta.url), 'utf8');

test('a model against itself: nothing added, removed or changed, every delta zero', async () => {
  const xml = await sample();
  const compared = await compareModels(xml, xml);
  expect(compared.ok).toBe(true);
  if (!compared.ok) return;
  expect([compared.comparison.added, compared.comparison.removed, compared.comparison.changed]).toEqual([[], [], []]);
  expect(compared.comparison.metrics.every((metric) => metric.changePercent === 0 || metric.changePercent === null)).toBe(true);
});

test('a model with errors names its side and its errors, and compares nothing', async () => {
  const xml = await sample();
  const broken = xml.replace(/<bpmn:sequenceFlow id="Flow_HopNhat_ThamDinh"[^>]*\/>/, '');
  expect(broken).not.toBe(xml);
  const compared = await compareModels(xml, broken);
  expect(compared.ok).toBe(false);
  if (compared.ok) return;
  expect(compared.side).toBe('after');
  expect(compared.errors.length).toBeGreaterThan(0);
  expect(compared.errors.every((diagnostic) => diagnostic.severity === 'error')).toBe(true);

  const unreadable = await compareModels('<not-bpmn/>', xml);
  expect(unreadable).toMatchObject({ ok: false, side: 'before' });
});
