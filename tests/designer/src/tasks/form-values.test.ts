import { expect, test } from 'vitest';
import type { FormField } from '../../../../designer/src/api/types.js';
import { fieldErrorsOf, formDataOf, formErrors, formInputOf } from '../../../../designer/src/tasks/form-values.js';

const fields: FormField[] = [
  { key: 'ten', label: 'Tên', type: 'text', required: true },
  { key: 'von', label: 'Vốn', type: 'number', required: true },
  { key: 'ngay', label: 'Ngày', type: 'date', required: false },
  { key: 'dongY', label: 'Đồng ý', type: 'boolean', required: true },
  { key: 'giayTo', label: 'Giấy tờ', type: 'file', required: true },
];
const messages = { required: 'bắt buộc', number: 'phải là số' };

test('form data as the API expects: numbers, one attachment id as text, empty fields left out', () => {
  expect(formDataOf(fields, { ten: 'Quán Phở', von: '50.000.000', ngay: '', dongY: false, giayTo: ['a1'] })).toEqual({ ten: 'Quán Phở', von: 50_000_000, dongY: false, giayTo: 'a1' });
  expect(formDataOf(fields, { giayTo: ['a1', 'a2'] })).toEqual({ giayTo: ['a1', 'a2'] });
});

test('values the dossier holds open the form pre-filled, and come back unchanged', () => {
  const values = { ten: 'Quán Phở', von: 50_000_000, ngay: '2026-02-12', dongY: true, giayTo: 'a1', khac: 'not on this form' };
  const input = formInputOf(fields, values);
  expect(input).toEqual({ ten: 'Quán Phở', von: '50000000', ngay: '2026-02-12', dongY: true, giayTo: ['a1'] });
  expect(formDataOf(fields, input)).toEqual({ ten: 'Quán Phở', von: 50_000_000, ngay: '2026-02-12', dongY: true, giayTo: 'a1' });
  expect(formInputOf(fields, { ten: { nested: true }, von: Number.NaN, dongY: 'yes', giayTo: [1] })).toEqual({});
});

test('required fields left empty and numbers that are not numbers, per field', () => {
  expect(formErrors(fields, { von: 'nhiều', giayTo: [] }, messages)).toEqual({ ten: 'bắt buộc', von: 'phải là số', giayTo: 'bắt buộc' });
  expect(formErrors(fields, { ten: 'A', von: '12', giayTo: ['x'] }, messages)).toEqual({});
});

test('the API’s field problems land on their fields with the page’s own message, not the API’s English; other problems are not field errors', () => {
  const errors = fieldErrorsOf({
    type: 'about:blank',
    title: 'Invalid',
    status: 422,
    errors: [
      { path: 'formData.von', message: 'von: must be a number' },
      { path: 'body.applicant.name', message: 'Too small' },
      { path: 'outcome', message: 'choose an outcome' },
    ],
  }, 'không hợp lệ');
  expect(errors).toEqual({ von: 'không hợp lệ', name: 'không hợp lệ' });
});
