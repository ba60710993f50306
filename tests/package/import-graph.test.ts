import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { stronglyConnectedComponents } from '../../engine/analysis/graph/strongly-connected.js';

/** The rooms whose TypeScript files import each other (ARCHITECTURE.md "Rooms"). */
const rooms = ['engine', 'store', 'activities', 'workflows', 'api', 'scripts', 'designer/src'];
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

/** Our files a file imports (type-only imports too: they tie the modules just the same). */
function importsOf(file: string, known: Set<string>): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
  return importedFiles
    .map(({ fileName }) => {
      if (fileName.startsWith('@engine/')) return join('engine', fileName.slice('@engine/'.length));
      if (fileName.startsWith('.')) return join(dirname(file), fileName);
      return undefined;
    })
    .filter((target): target is string => target !== undefined)
    .map((target) => target.replace(/\.js$/, '.ts'))
    .filter((target) => known.has(target));
}

const files = rooms.flatMap(sourceFiles);
const known = new Set(files);
const graph = new Map(files.map((file) => [file, importsOf(file, known)]));

describe('the import graph of the source rooms', () => {
  it('is read: files import each other', () => {
    expect(files.length).toBeGreaterThan(300);
    expect(graph.get('workflows/interpreter/dossier-runtime.ts')).toContain('workflows/interpreter/node-runner.ts');
  });

  it('has no import cycle, type-only imports included', () => {
    const index = new Map(files.map((file, position) => [file, position]));
    const cycles = stronglyConnectedComponents(files.length, (vertex) => graph.get(files[vertex]!)!.map((target) => index.get(target)!))
      .filter((component) => component.length > 1 || graph.get(files[component[0]!]!)!.includes(files[component[0]!]!))
      .map((component) => component.map((vertex) => files[vertex]).sort());
    expect(cycles).toEqual([]);
  });

  it('keeps the engine free of every other room', () => {
    const outward = [...graph].flatMap(([file, targets]) => (file.startsWith('engine/') ? targets.filter((target) => !target.startsWith('engine/')).map((target) => `${file} → ${target}`) : []));
    expect(outward).toEqual([]);
  });
});
