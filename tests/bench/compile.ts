/**
 * `npm run bench:compile`: median compile time and memory for generated procedures of 100, 1,000
 * and 10,000 flow nodes, drawn as a modeler saves them (MotCua attributes on every step, diagram
 * interchange for every shape and edge). Target: 1,000 nodes in under 100 ms, growing close to
 * linearly. The state-space soundness check is reported on its own, with its bound, on the same
 * models and on wide parallel splits.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { BpmnModdle } from 'bpmn-moddle';
import { checkSoundness, DEFAULT_MAX_STATES } from '../../engine/analysis/soundness/check-soundness.js';
import { compile, compileDefinitions } from '../../engine/compiler/compile.js';
import type { ModdleElement } from '../../engine/moddle/moddle-element.js';
import { motcuaModdleDescriptor, readBpmn } from '../../engine/moddle/read-bpmn.js';
import { wideParallelScope } from '../engine/analysis/soundness/random-models.js';
import { generateProcedure } from './support/generated-procedure.js';

v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;


function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timeMedian(rounds: number, operation: () => unknown): Promise<number> {
  await operation(); // warm-up
  const times: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const started = performance.now();
    await operation();
    times.push(performance.now() - started);
  }
  return median(times);
}

/** Heap in use right after one compile (garbage included), and what the result keeps once collected. */
async function memoryOf(operation: () => Promise<unknown>): Promise<{ peak: number; retained: number }> {
  collectGarbage();
  const baseline = process.memoryUsage().heapUsed;
  const result = await operation();
  const peak = process.memoryUsage().heapUsed - baseline;
  collectGarbage();
  const retained = process.memoryUsage().heapUsed - baseline;
  if (result === undefined) throw new Error('unreachable: keeps the result alive until measured');
  return { peak, retained };
}

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(10);

console.log('compile benchmark — generated procedures with MotCua attributes and diagram interchange, median of several rounds');
console.log(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(2)} at start`);
console.log(`${'flow nodes'.padStart(10)} ${'XML'.padStart(8)} ${'compile'.padStart(10)} ${'of which parse'.padStart(15)} ${'from bpmn-js'.padStart(13)} ${'soundness'.padStart(10)} ${'heap peak'.padStart(10)} ${'retained'.padStart(9)}`);

const rows: Array<{ nodes: number; compile: number; parse: number; designer: number }> = [];
for (const [size, rounds] of [
  [100, 40],
  [1_000, 15],
  [10_000, 5],
] as const) {
  const { xml, nodes } = generateProcedure(size);
  const checked = await compile(xml);
  if (!checked.ok) {
    console.error(checked.diagnostics.slice(0, 5));
    throw new Error(`the generated ${nodes}-node procedure does not compile cleanly`);
  }
  const compileTime = await timeMedian(rounds, () => compile(xml));
  const parseTime = await timeMedian(rounds, () => readBpmn(xml));
  const { rootElement } = await BpmnModdle({ mc: motcuaModdleDescriptor }).fromXML(xml);
  const designerTime = await timeMedian(rounds, () => compileDefinitions(rootElement as ModdleElement));
  const soundnessTime = await timeMedian(rounds, () => checkSoundness(checked.plan!.process, new Set()));
  const memory = await memoryOf(() => compile(xml));
  rows.push({ nodes, compile: compileTime, parse: parseTime, designer: designerTime });
  console.log(
    `${nodes.toLocaleString('en').padStart(10)} ${megabytes(xml.length).padStart(8)} ${ms(compileTime)} ${ms(parseTime).padStart(15)} ${ms(designerTime).padStart(13)} ${ms(soundnessTime)} ${megabytes(memory.peak).padStart(10)} ${megabytes(memory.retained).padStart(9)}`,
  );
}

const [small, middle, large] = rows as [(typeof rows)[number], (typeof rows)[number], (typeof rows)[number]];
const perNode = (row: (typeof rows)[number], time: number) => (time / row.nodes) * 1000;
const growth = (pick: (row: (typeof rows)[number]) => number) =>
  `${perNode(small, pick(small)).toFixed(1)} / ${perNode(middle, pick(middle)).toFixed(1)} / ${perNode(large, pick(large)).toFixed(1)} µs per node`;
console.log(`growth at ${small.nodes} / ${middle.nodes} / ${large.nodes} nodes: from XML ${growth((row) => row.compile)}; from bpmn-js ${growth((row) => row.designer)}`);
console.log(
  `target 1,000 nodes < 100 ms: ${middle.designer < 100 ? 'met' : 'NOT met'} compiling bpmn-js's definitions (${middle.designer.toFixed(1)} ms, the designer's live path); ` +
    `${middle.compile < 100 ? 'met' : 'NOT met'} from XML (${middle.compile.toFixed(1)} ms, of which ${middle.parse.toFixed(1)} ms is bpmn-moddle parsing)`,
);

console.log(`soundness on wide parallel splits (bound: ${DEFAULT_MAX_STATES.toLocaleString('en')} states per scope, one token per flow)`);
for (const [width, escalations] of [
  [1_000, false],
  [4, true],
  [10, true],
  [40, true],
] as const) {
  const scope = wideParallelScope(width, 3, escalations);
  let report = checkSoundness(scope, new Set());
  const time = await timeMedian(3, () => (report = checkSoundness(scope, new Set())));
  const { nodes, reducedNodes, states } = report.scopes[0]!;
  const shape = `${width.toLocaleString('en')} branches of 3 steps${escalations ? ', escalations rejoining' : ''}`;
  console.log(`  ${shape.padEnd(32)} ${String(nodes).padStart(6)} nodes → ${String(reducedNodes).padStart(5)} after reduction, ${states.toLocaleString('en').padStart(7)} states, ${report.verdict.padEnd(12)} ${ms(time)}`);
}
