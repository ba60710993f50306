/** The engine's sample procedures, bundled so a reformer can start from one. */
const files = import.meta.glob<string>('../../../engine/samples/*.bpmn', { query: '?raw', import: 'default' });

export interface Sample {
  id: string;
  load(): Promise<string>;
}

export const samples: Sample[] = Object.entries(files)
  .map(([path, load]) => ({ id: path.slice(path.lastIndexOf('/') + 1, -'.bpmn'.length), load }))
  .sort((a, b) => a.id.localeCompare(b.id));

export function findSample(id: string): Sample | undefined {
  return samples.find((sample) => sample.id === id);
}
