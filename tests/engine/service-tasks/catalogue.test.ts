import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../engine/compiler/compile.js';
import { serviceTaskCatalogue, serviceTaskType, serviceTaskTypes } from '../../../engine/service-tasks/catalogue.js';

const vietnameseLetters = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;
const fixture = readFileSync(path.join(import.meta.dirname, '../compiler/fixtures/diagnostics/unknown-activity-type.bpmn'), 'utf8');
const withType = (type: string) => fixture.replace('type="gui-thu-bay-cau"', `type="${type}"`);

describe('service-task catalogue', () => {
  it('lists notifications, portal sync, documents, fees and the HTTP call', () => {
    expect(serviceTaskTypes).toEqual(['gui-thong-bao', 'dong-bo-cong-dvc', 'tao-van-ban', 'thu-phi', 'goi-http']);
    expect(serviceTaskType('thu-phi')?.waitsFor).toBe('payment');
    expect(serviceTaskType('constructor')).toBeUndefined();
  });

  it.each(serviceTaskTypes)('%s reads in Vietnamese and English, with distinct input keys', (type) => {
    const entry = serviceTaskCatalogue[type];
    expect(entry.type).toBe(type);
    for (const text of [entry.label, entry.description, ...entry.inputs.map((input) => input.label)]) {
      expect(text.vi).toMatch(vietnameseLetters);
      expect(text.en).not.toMatch(vietnameseLetters);
    }
    const keys = entry.inputs.map((input) => input.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(serviceTaskTypes)('the compiler accepts %s', async (type) => {
    const result = await compile(withType(type));
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).not.toContain('unknown-activity-type');
    expect(result.ok).toBe(true);
  });

  it('the compiler names the unknown type and the catalogue in its diagnostic', async () => {
    const result = await compile(withType('notify'));
    const diagnostic = result.diagnostics.find((candidate) => candidate.code === 'unknown-activity-type')!;
    expect(diagnostic.elementId).toBe('Task_TuDong');
    expect(diagnostic.message.en).toContain('"notify"');
    expect(diagnostic.hint.en).toContain(serviceTaskTypes.join(', '));
    expect(result.plan).toBeNull();
  });
});
