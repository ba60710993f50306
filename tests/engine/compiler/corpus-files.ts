import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Third-party BPMN files kept outside the project (see ../shared/bpmn-corpus/README.md); read in place, never copied. */
export const corpusDirectory = path.resolve(import.meta.dirname, '../../../../shared/bpmn-corpus');

function bpmnFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return bpmnFiles(full);
    return entry.name.endsWith('.bpmn') ? [full] : [];
  });
}

/** Every .bpmn file of the shared corpus, sorted. */
export function corpusFiles(): string[] {
  return bpmnFiles(corpusDirectory).sort();
}
