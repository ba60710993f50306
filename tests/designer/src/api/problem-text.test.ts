// @vitest-environment happy-dom
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { mount } from '@vue/test-utils';
import { defineComponent } from 'vue';
import { expect, test } from 'vitest';
import { ApiError } from '../../../../designer/src/api/problem.js';
import { useProblemText } from '../../../../designer/src/api/problem-text.js';
import { createAppI18n } from '../../../../designer/src/i18n/i18n.js';
import { vi } from '../../../../designer/src/i18n/messages/vi.js';
import { projectRoot } from '../../../../scripts/runtime/config.js';
import { updateRejections } from '../../../../workflows/contract.js';

function textOf(failure: unknown): string {
  let text = '';
  const Probe = defineComponent({
    setup() {
      text = useProblemText()(failure);
      return () => null;
    },
  });
  mount(Probe, { global: { plugins: [createAppI18n(undefined)] } });
  return text;
}

const refusal = (status: number, code: string | undefined) => new ApiError({ type: 'about:blank', title: 'Unauthorized', status, detail: 'invalid username or password', code });

test('a refusal is told in Vietnamese by its code, never with the API’s English detail', () => {
  expect(textOf(refusal(401, 'invalid-credentials'))).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
  expect(textOf(refusal(422, 'model-has-errors'))).toBe('Mô hình còn lỗi: sửa các lỗi trong bảng “Vấn đề” rồi thử lại.');
  // one item of a bulk answer
  expect(textOf({ status: 403, code: 'other-unit', detail: 'the task belongs to another unit' })).toBe('Công việc này thuộc đơn vị khác.');
});

test('an unknown code, no code or no answer at all still reads in Vietnamese', () => {
  expect(textOf(refusal(418, 'teapot'))).toBe('Yêu cầu không thực hiện được (mã 418).');
  expect(textOf(refusal(502, undefined))).toBe('Yêu cầu không thực hiện được (mã 502).');
  expect(textOf(new TypeError('Failed to fetch'))).toBe('Không kết nối được máy chủ, hãy thử lại.');
});

/**
 * Every code the API can answer with (`new Problem(status, 'code', …)` in api/, and the workflow's
 * refusals of an Update, which the API passes on), to keep the catalogue complete.
 */
async function apiProblemCodes(): Promise<Set<string>> {
  const root = path.join(projectRoot, 'api');
  const files = (await readdir(root, { recursive: true })).filter((file) => file.endsWith('.ts'));
  const codes = new Set<string>(Object.values(updateRejections));
  for (const file of files) {
    const source = await readFile(path.join(root, file), 'utf8');
    for (const match of source.matchAll(/new Problem\(\s*\d+,\s*'([a-z0-9-]+)'/g)) codes.add(match[1]!);
    for (const match of source.matchAll(/\[\d+, '([a-z0-9-]+)'\]/g)) codes.add(match[1]!);
  }
  return codes;
}

test('every code the API answers with has its Vietnamese sentence', async () => {
  const codes = await apiProblemCodes();
  expect(codes.size).toBeGreaterThan(50);
  const missing = [...codes].filter((code) => !(code in vi.apiProblems.codes));
  expect(missing).toEqual([]);
});
