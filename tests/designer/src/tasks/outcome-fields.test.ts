import { expect, test } from 'vitest';
import type { FormField, TaskOutcome } from '../../../../designer/src/api/types.js';
import { fieldsForOutcome } from '../../../../designer/src/tasks/outcome-fields.js';

const form: FormField[] = [
  { key: 'yKien', label: 'Ý kiến', type: 'textarea', required: false },
  { key: 'giayToThieu', label: 'Giấy tờ cần bổ sung', type: 'textarea', required: false },
  { key: 'lyDoBoSung', label: 'Lý do yêu cầu bổ sung', type: 'textarea', required: false },
  { key: 'lyDo', label: 'Lý do từ chối', type: 'textarea', required: false },
];
const outcomes: TaskOutcome[] = [
  { value: 'dat', label: 'Đạt' },
  { value: 'bo-sung', label: 'Yêu cầu bổ sung', kind: 'supplementation', documentsField: 'giayToThieu', reasonField: 'lyDoBoSung' },
  { value: 'tu-choi', label: 'Từ chối', kind: 'refusal', reasonField: 'lyDo' },
];
const shown = (chosen?: string) => fieldsForOutcome(form, outcomes, chosen).map((field) => `${field.key}${field.required ? '*' : ''}`);

test('shows the step’s own fields until an outcome is chosen, then only that outcome’s fields, required', () => {
  expect(shown()).toEqual(['yKien']);
  expect(shown('dat')).toEqual(['yKien']);
  expect(shown('tu-choi')).toEqual(['yKien', 'lyDo*']);
  expect(shown('bo-sung')).toEqual(['yKien', 'giayToThieu*', 'lyDoBoSung*']);
});

test('leaves a form without outcome kinds as it is', () => {
  expect(fieldsForOutcome(form, [{ value: 'dat', label: 'Đạt' }], 'dat')).toEqual(form);
});
