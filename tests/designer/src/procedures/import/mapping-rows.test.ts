import { describe, expect, test } from 'vitest';
import type { ImportMapping, SeenAssignee } from '@engine/import/import-types.js';
import { isComplete, mappingRows, mappingWith, sameMapping } from '../../../../../designer/src/procedures/import/mapping-rows.js';

const seen: SeenAssignee[] = [
  { kind: 'user', name: 'demo.lan', elementIds: ['Task_ThamDinh'], mapped: false },
  { kind: 'group', name: 'front-office', elementIds: ['Task_TiepNhan'], mapped: false },
  { kind: 'group', name: 'appraisers', elementIds: ['Task_ThamDinh', 'Task_PheDuyet'], mapped: false },
];
const saved: ImportMapping = {
  groups: { 'front-office': { role: 'can-bo-mot-cua', unit: 'bo-phan-mot-cua' }, 'old-group': { role: 'lanh-dao', unit: 'lanh-dao-ubnd' } },
  users: {},
};

describe('the import dialog’s mapping rows', () => {
  test('list the file’s groups, then its people, filled in from the saved mapping', () => {
    expect(mappingRows(seen, saved)).toEqual([
      { kind: 'group', name: 'front-office', elementIds: ['Task_TiepNhan'], role: 'can-bo-mot-cua', unit: 'bo-phan-mot-cua' },
      { kind: 'group', name: 'appraisers', elementIds: ['Task_ThamDinh', 'Task_PheDuyet'], role: '', unit: '' },
      { kind: 'user', name: 'demo.lan', elementIds: ['Task_ThamDinh'], role: '', unit: '' },
    ]);
  });

  test('take nothing from a saved mapping’s inherited names', () => {
    expect(mappingRows([{ kind: 'group', name: 'constructor', elementIds: [], mapped: false }], { groups: {}, users: {} })[0]).toMatchObject({ role: '', unit: '' });
  });

  test('keep the names this file does not use, set those it does, and forget a row left blank', () => {
    const rows = mappingRows(seen, saved);
    rows[0]!.unit = '';
    rows[1]!.role = ' chuyen-vien ';
    rows[1]!.unit = 'phong-kinh-te';
    rows[2]!.role = 'chuyen-vien';
    expect(rows.map(isComplete)).toEqual([false, true, false]);
    expect(mappingWith(saved, rows)).toEqual({
      groups: { 'old-group': { role: 'lanh-dao', unit: 'lanh-dao-ubnd' }, appraisers: { role: 'chuyen-vien', unit: 'phong-kinh-te' } },
      users: {},
    });
    expect(saved.groups['front-office']).toBeDefined();
  });

  test('know a mapping unchanged whatever the order of its names', () => {
    const reordered: ImportMapping = { groups: { 'old-group': saved.groups['old-group']!, 'front-office': saved.groups['front-office']! }, users: {} };
    expect(sameMapping(saved, reordered)).toBe(true);
    expect(sameMapping(saved, mappingWith(saved, mappingRows(seen, saved)))).toBe(true);
    expect(sameMapping(saved, { ...reordered, users: { 'old-group': saved.groups['old-group']! } })).toBe(false);
  });
});
