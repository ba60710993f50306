// @vitest-environment happy-dom
import { expect, test } from 'vitest';
import { defaultWorklistSettings, savedViews } from '../../../../designer/src/worklist/saved-views.js';
import { worklistQueryOf } from '../../../../designer/src/worklist/worklist-query.js';

test('saved views are per user, replace by name, survive a reload and can be removed', () => {
  localStorage.clear();
  const lan = savedViews(localStorage, 'lan');
  lan.save('Quá hạn hộ KD', { ...defaultWorklistSettings, view: 'overdue', procedureCode: 'dang-ky-ho-kinh-doanh' });
  lan.save('Của tôi', defaultWorklistSettings);
  lan.save('Quá hạn hộ KD', { ...defaultWorklistSettings, view: 'unit', overdueOnly: true });
  expect(savedViews(localStorage, 'lan').list().map((view) => [view.name, view.settings.view, view.settings.overdueOnly])).toEqual([
    ['Của tôi', 'mine', false],
    ['Quá hạn hộ KD', 'unit', true],
  ]);
  expect(savedViews(localStorage, 'minh').list()).toEqual([]);
  expect(lan.remove('Của tôi').map((view) => view.name)).toEqual(['Quá hạn hộ KD']);
  localStorage.setItem('motcua.worklist.views.lan', 'not json');
  expect(lan.list()).toEqual([]);
});

test('the API query of a view: overdue-only only where the API takes it, due-before as a day in Vietnam', () => {
  expect(worklistQueryOf({ ...defaultWorklistSettings, view: 'unit', overdueOnly: true, dueBefore: '2026-03-10' }, 'c1')).toEqual({
    view: 'unit',
    procedureCode: undefined,
    overdue: true,
    dueBefore: '2026-03-10T00:00:00+07:00',
    cursor: 'c1',
  });
  expect(worklistQueryOf({ ...defaultWorklistSettings, view: 'overdue', overdueOnly: true }).overdue).toBeUndefined();
});
