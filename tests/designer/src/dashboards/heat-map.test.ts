import { expect, test } from 'vitest';
import { heatOf } from '../../../../designer/src/dashboards/heat-map.js';
import { lastDays, periodInstants } from '../../../../designer/src/dashboards/period.js';

test('working time per step of one procedure, scaled to its slowest step, green to red', () => {
  const heat = heatOf(
    [
      { procedureCode: 'p', elementId: 'Nhanh', name: 'Nhanh', completed: 3, averageWorkingHours: 0 },
      { procedureCode: 'p', elementId: 'Vua', name: 'Vừa', completed: 2, averageWorkingHours: 2 },
      { procedureCode: 'p', elementId: 'Cham', name: 'Chậm', completed: 1, averageWorkingHours: 8 },
      { procedureCode: 'khac', elementId: 'Khac', name: 'Khác', completed: 9, averageWorkingHours: 80 },
    ],
    'p',
  );
  expect(heat.map((entry) => [entry.elementId, entry.share, entry.color])).toEqual([
    ['Nhanh', 0, 'hsl(120, 70%, 45%)'],
    ['Vua', 0.25, 'hsl(90, 70%, 45%)'],
    ['Cham', 1, 'hsl(0, 70%, 45%)'],
  ]);
  expect(heatOf([{ procedureCode: 'p', elementId: 'A', name: 'A', completed: 1, averageWorkingHours: 0 }], 'p')[0]!.share).toBe(0);
});

test('a period is whole days in Vietnam, its last day included', () => {
  // 23:30 UTC on 9 March is already 10 March in Vietnam.
  expect(lastDays(7, Date.parse('2026-03-09T23:30:00Z'))).toEqual({ from: '2026-03-04', to: '2026-03-10' });
  expect(periodInstants({ from: '2026-02-01', to: '2026-02-28' })).toEqual({ from: '2026-02-01T00:00:00+07:00', to: '2026-03-01T00:00:00+07:00' });
});
