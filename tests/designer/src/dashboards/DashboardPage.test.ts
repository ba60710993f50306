// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { beforeEach, expect, test, vi } from 'vitest';
import type { DossierSummary, Stats } from '../../../../designer/src/api/types.js';
import DashboardPage from '../../../../designer/src/dashboards/DashboardPage.vue';
import { figureCards } from '../../../../designer/src/dashboards/figure-cards.js';
import { vi as vietnamese } from '../../../../designer/src/i18n/messages/vi.js';
import { mountPage as mountWith, silenceLiveUpdates } from '../../support/mount-page.js';

const stats: Stats = {
  filters: {},
  received: 8,
  finished: { early: 2, onTime: 1, late: 1, total: 4 },
  refused: 1,
  overdueNow: 1,
  index: { onTimeRate: 75, points: 5, averagePoints: 1.25, onlineShare: 75, overduePercent: 25, complaintsPercent: 0, satisfaction: 75 },
  steps: [],
};

function dossier(dossierId: string): DossierSummary {
  return {
    dossierId, procedureCode: 'HKD', procedureVersion: 1, agencyId: 'ubnd-xa', channel: 'online', applicantName: null, status: 'returned',
    receivedAt: '2026-12-01T01:00:00.000Z', dueAt: '2026-12-04T10:00:00.000Z', overdue: true, currentSteps: [], processedAt: null,
    finishedAt: '2026-12-05T03:00:00.000Z', punctuality: 'late',
  };
}

function fakeApi() {
  return {
    stats: vi.fn(async () => stats),
    trend: vi.fn(async () => ({ days: [] })),
    agencies: vi.fn(async () => []),
    units: vi.fn(async () => []),
    catalogue: vi.fn(async () => []),
    diagram: vi.fn(),
    figureDossiers: vi.fn(async (query: { cursor?: string }) => (query.cursor ? { items: [dossier('H-0002')], nextCursor: null } : { items: [dossier('H-0001')], nextCursor: 'next' })),
    eventsUrl: () => '/api/events?accessToken=t',
    me: vi.fn(),
  };
}

let api: ReturnType<typeof fakeApi>;
beforeEach(() => {
  api = fakeApi();
});
silenceLiveUpdates();

async function mountPage() {
  const page = mountWith(DashboardPage, api, 'admin', { Echarts: true, ProcessDiagram: true });
  await flushPromises();
  return page;
}

test('every figure carries its definition as a tooltip the figure points to', async () => {
  const page = await mountPage();
  for (const card of figureCards) {
    const figure = page.find(`[data-figure="${card.key}"]`);
    const tooltip = page.find(`#${figure.attributes('aria-describedby')}`);
    expect(tooltip.attributes('role'), card.key).toBe('tooltip');
    expect(tooltip.text(), card.key).toBe((vietnamese.dashboard.definitions as Record<string, string>)[card.key]);
  }
});

test('a figure opens the dossiers behind it with the dashboard’s filters, page after page, and closes again', async () => {
  const page = await mountPage();
  await page.find('[data-figure="satisfaction"]').trigger('click');
  await flushPromises();
  expect(api.figureDossiers).toHaveBeenLastCalledWith(expect.objectContaining({ figure: 'overdue-or-late', from: expect.any(String), to: expect.any(String) }));
  expect(page.find('[data-test="figure-dossiers"]').attributes('data-figure')).toBe('overdue-or-late');
  await page.find('[data-test="figure-dossiers"] [data-test="more"]').trigger('click');
  await flushPromises();
  expect(page.findAll('[data-test="figure-dossier"]').map((row) => row.attributes('data-dossier-id'))).toEqual(['H-0001', 'H-0002']);

  await page.find('[data-figure="on-time-rate"]').trigger('click');
  await flushPromises();
  expect(api.figureDossiers).toHaveBeenLastCalledWith(expect.objectContaining({ figure: 'finished' }));
  await page.find('[data-figure="on-time-rate"]').trigger('click');
  expect(page.find('[data-test="figure-dossiers"]').exists()).toBe(false);
});

test('the trend chart’s legend is page text outside the chart, never drawn over its axis', async () => {
  const page = await mountPage();
  const legend = page.find('[data-test="trend-legend"]');
  expect(legend.findAll('li').map((item) => item.text())).toEqual(['Tiếp nhận', 'Đúng hạn', 'Trễ hạn']);
  const chart = page.find('[data-test="trend-chart"]');
  expect(chart.exists()).toBe(true);
  // The legend is a sibling before the chart, not a component of the chart's option.
  expect(legend.element.nextElementSibling).toBe(chart.element);
});
