import { expect, test } from 'vitest';
import { noticeChannels, noticeRecipients } from '../../../../designer/src/outbox/notice-delivery.js';
import { notices } from './fixtures/outbox-answers.js';

const [delivered, failing, forStaff] = [notices[0]!, notices[1]!, notices[2]!];

test('delivered: the channels and addresses it went to', () => {
  const twice = { ...delivered, deliveries: [...delivered.deliveries, { ...delivered.deliveries[0]!, to: 'an.backup@example.vn' }] };
  expect(noticeChannels(twice)).toEqual(['email']);
  expect(noticeRecipients(twice)).toEqual({ citizen: false, names: ['an@example.vn', 'an.backup@example.vn'] });
});

test('still to send: the channel it asks for (email by default) and whom it is for', () => {
  expect(noticeChannels(failing)).toEqual(['sms']);
  expect(noticeChannels({ ...failing, data: {} })).toEqual(['email']);
  expect(noticeRecipients(failing)).toEqual({ citizen: true, names: [] });
  const addressed = { ...failing, recipients: { ...failing.recipients, citizen: false }, data: { to: 'phong@example.vn' } };
  expect(noticeChannels(addressed)).toEqual(['email']);
  expect(noticeRecipients(addressed)).toEqual({ citizen: false, names: ['phong@example.vn'] });
});

test('for staff only, or delivered to nobody: no channel, the users, roles and units it names', () => {
  expect(noticeChannels(forStaff)).toEqual([]);
  expect(noticeChannels({ ...forStaff, state: 'pending', deliveredAt: undefined })).toEqual([]);
  expect(noticeChannels({ ...delivered, deliveries: [] })).toEqual([]);
  expect(noticeRecipients({ ...forStaff, recipients: { userIds: ['lan'], roles: ['supervisor'], units: ['mot-cua'], citizen: false } })).toEqual({ citizen: false, names: ['lan', 'supervisor', 'mot-cua'] });
});
