import { expect, test } from 'vitest';
import { en } from '../../../../designer/src/i18n/messages/en.js';
import { vi } from '../../../../designer/src/i18n/messages/vi.js';
import { samples } from '../../../../designer/src/procedures/samples.js';

test('every sample procedure has its name in Vietnamese and English, and no name is left for a sample that is gone', () => {
  const ids = samples.map((sample) => sample.id);
  expect(ids.length).toBeGreaterThan(0);
  expect(Object.keys(vi.samples).sort()).toEqual(ids);
  expect(Object.keys(en.samples).sort()).toEqual(ids);
});
