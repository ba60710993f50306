// @vitest-environment happy-dom
import { readFile } from 'node:fs/promises';
import { mount } from '@vue/test-utils';
import { beforeAll, describe, expect, test } from 'vitest';
import ComparisonTable from '../../../../designer/src/compare/ComparisonTable.vue';
import { compareModels } from '../../../../designer/src/compare/compare-models.js';
import { createAppI18n } from '../../../../designer/src/i18n/i18n.js';
import type { ProcedureComparison } from '@engine/analysis/compare/compare-procedures.js';

const read = (path: string) => readFile(new URL(path, import.meta.url), 'utf8');

let comparison: ProcedureComparison;

beforeAll(async () => {
  const compared = await compareModels(
    await read('../../../engine/analysis/compare/fixtures/household-business-registration-before.bpmn'),
    await read('../../../../engine/samples/household-business-registration.bpmn'),
  );
  if (!compared.ok) throw new Error('the fixtures compile');
  comparison = compared.comparison;
});

function mountTable(locale: 'vi' | 'en', value = comparison) {
  const i18n = createAppI18n(undefined);
  i18n.global.locale.value = locale;
  return mount(ComparisonTable, { props: { comparison: value }, global: { plugins: [i18n] } });
}

const cells = (wrapper: ReturnType<typeof mountTable>, metric: string) =>
  ['th', '[data-test="before"]', '[data-test="after"]', '[data-test="delta"]'].map((selector) => wrapper.find(`tr[data-metric="${metric}"] ${selector}`).text());

describe('comparison table', () => {
  test('one row per metric, in Vietnamese, with Vietnamese numbers and working days', () => {
    const wrapper = mountTable('vi');
    expect(wrapper.findAll('tbody tr').map((row) => row.attributes('data-metric'))).toEqual(comparison.metrics.map((metric) => metric.metric));
    // The reform of the household-business sample: 5 → 3 working days, VND 690 → 498 million a year.
    expect(cells(wrapper, 'legalTime')).toEqual(['Thời gian trên đường găng', '5 ngày làm việc', '3 ngày làm việc', '−40%']);
    expect(cells(wrapper, 'complianceCostPerYear')).toEqual(['Chi phí tuân thủ mỗi năm (đồng)', '690.000.000', '498.000.000', '−27,8%']);
    expect(cells(wrapper, 'steps')).toEqual(['Số bước', '5', '8', '+60%']);
    expect(mountTable('en').find('tr[data-metric="complianceCostPerYear"] [data-test="delta"]').text()).toBe('−27.8%');
  });

  test('deltas carry their sign, one decimal in the reader’s notation, and are coloured by direction', () => {
    const wrapper = mountTable('vi');
    for (const metric of comparison.metrics) {
      const delta = cells(wrapper, metric.metric)[3];
      const row = wrapper.find(`tr[data-metric="${metric.metric}"]`);
      if (metric.changePercent === null) continue;
      const expected = `${metric.changePercent > 0 ? '+' : metric.changePercent < 0 ? '−' : ''}${new Intl.NumberFormat('vi-VN').format(Math.abs(metric.changePercent))}%`;
      expect(delta).toBe(expected);
      expect(row.classes()).toContain(metric.changePercent < 0 ? 'trend-better' : metric.changePercent > 0 ? 'trend-worse' : 'trend-same');
    }
    expect(comparison.metrics.some((metric) => metric.changePercent !== null && metric.changePercent < 0)).toBe(true);
  });

  test('the 20% verdict with the engine’s summary, in each language', () => {
    const vi = mountTable('vi').find('[data-test="verdict"]');
    const en = mountTable('en').find('[data-test="verdict"]');
    expect(comparison.target.met).toBe(true);
    expect(vi.text()).toBe(`${comparison.target.met ? 'Đạt mục tiêu cắt giảm 20%' : 'Chưa đạt mục tiêu cắt giảm 20%'} — ${comparison.target.summary.vi}`);
    expect(en.text()).toBe(`${comparison.target.met ? 'Meets the 20% cut target' : 'Misses the 20% cut target'} — ${comparison.target.summary.en}`);
    expect(vi.classes()).toContain(comparison.target.met ? 'met' : 'missed');
  });

  test('metrics that cannot be compared say so, and an unknown verdict is not called a miss', () => {
    const unjudged: ProcedureComparison = {
      ...comparison,
      metrics: comparison.metrics.map((metric) => (metric.metric === 'legalTime' ? { ...metric, before: '3WD', after: 'P12D', changePercent: null } : metric)),
      target: { ...comparison.target, met: null },
    };
    const wrapper = mountTable('en', unjudged);
    expect(cells(wrapper, 'legalTime').slice(1)).toEqual(['3 working days', '12 days', 'not comparable']);
    expect(wrapper.find('[data-test="verdict"]').text()).toContain('The 20% target cannot be judged');
    expect(wrapper.find('[data-test="verdict"]').classes()).not.toContain('missed');
  });

  test('counts the added, removed and changed elements', () => {
    expect(mountTable('vi').find('[data-test="element-changes"]').text()).toBe(
      `${comparison.added.length} thêm, ${comparison.removed.length} bỏ, ${comparison.changed.length} thay đổi`,
    );
  });
});
