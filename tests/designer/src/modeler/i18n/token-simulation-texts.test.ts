import { expect, test } from 'vitest';
import type { MotcuaConfig } from '../../../../../designer/src/modeler/motcua-config.js';
import { translateFactory } from '../../../../../designer/src/modeler/i18n/translate.js';
import { translateSimulationText } from '../../../../../designer/src/modeler/i18n/token-simulation-texts.js';

const translateIn = (locale: 'vi' | 'en') => translateFactory({ locale: () => locale } as MotcuaConfig);

test('the simulation’s fixed texts are translated, with the spaces around them kept', () => {
  expect(translateSimulationText('Simulation Log', translateIn('vi'))).toBe('Nhật ký chạy thử');
  expect(translateSimulationText('  No Entries\n', translateIn('vi'))).toBe('  Chưa có sự kiện nào\n');
});

test('its sentences with a value inside are read back into their template, the value translated too', () => {
  expect(translateSimulationText('Set animation speed = Fast', translateIn('vi'))).toBe('Tốc độ chạy thử: Nhanh');
  expect(translateSimulationText('Thẩm định hồ sơ started', translateIn('vi'))).toBe('Thẩm định hồ sơ bắt đầu');
  expect(translateSimulationText('SubProcess finished', translateIn('vi'))).toBe('Quy trình con kết thúc');
});

test('in English, and for texts it does not know (the model’s own names), the text stays as it is', () => {
  expect(translateSimulationText('Simulation Log', translateIn('en'))).toBe('Simulation Log');
  expect(translateSimulationText('Set animation speed = Fast', translateIn('en'))).toBe('Set animation speed = Fast');
  expect(translateSimulationText('Thẩm định hồ sơ', translateIn('vi'))).toBe('Thẩm định hồ sơ');
  expect(translateSimulationText('', translateIn('vi'))).toBe('');
});
