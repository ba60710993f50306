// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { beforeAll, expect, test } from 'vitest';
import type { BusinessCalendar } from '@engine/calendar/business-calendar.js';
import { loadCalendar } from '../../../../scripts/calendar/calendar-files.js';
import SlaBadge from '../../../../designer/src/sla/SlaBadge.vue';
import { createAppI18n } from '../../../../designer/src/i18n/i18n.js';

let calendar: BusinessCalendar;
beforeAll(async () => {
  calendar = await loadCalendar('vn-national');
});

function badge(task: { dueAt: string | null; dueSoonAt: string | null; overdue: boolean }, now: string, locale: 'vi' | 'en' = 'vi', withCalendar = true) {
  const i18n = createAppI18n(undefined);
  i18n.global.locale.value = locale;
  return mount(SlaBadge, { props: { task, now: Date.parse(now), calendar: withCalendar ? calendar : undefined }, global: { plugins: [i18n] } });
}

test('says the working time left, due soon, and overdue by working days, in Vietnamese and English', () => {
  const onTrack = badge({ dueAt: '2026-03-11T17:00:00+07:00', dueSoonAt: '2026-03-11T15:00:00+07:00', overdue: false }, '2026-03-10T14:00:00+07:00');
  expect(onTrack.text()).toBe('Còn 1 ngày làm việc 3 giờ làm việc');
  expect(onTrack.attributes('data-state')).toBe('on-track');
  expect(badge({ dueAt: '2026-03-10T17:00:00+07:00', dueSoonAt: '2026-03-10T15:00:00+07:00', overdue: false }, '2026-03-10T16:30:00+07:00').text()).toBe('Sắp đến hạn: còn 30 phút làm việc');
  const late = badge({ dueAt: '2026-03-06T17:00:00+07:00', dueSoonAt: null, overdue: true }, '2026-03-11T12:00:00+07:00');
  expect(late.text()).toBe('Quá hạn 2 ngày làm việc');
  expect(late.classes()).toContain('sla-overdue');
  expect(badge({ dueAt: '2026-03-10T15:00:00+07:00', dueSoonAt: null, overdue: true }, '2026-03-10T16:00:00+07:00').text()).toBe('Quá hạn 1 giờ làm việc');
  expect(badge({ dueAt: '2026-03-06T17:00:00+07:00', dueSoonAt: null, overdue: true }, '2026-03-11T12:00:00+07:00', 'en').text()).toBe('Overdue by 2 working days');
  expect(badge({ dueAt: '2026-03-10T15:00:00+07:00', dueSoonAt: null, overdue: true }, '2026-03-10T15:00:30+07:00').text()).toBe('Quá hạn');
  expect(badge({ dueAt: '2026-03-11T17:00:00+07:00', dueSoonAt: null, overdue: false }, '2026-03-10T14:00:00+07:00', 'vi', false).text()).toBe('Trong hạn');
});
