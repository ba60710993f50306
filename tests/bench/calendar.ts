/**
 * `npm run bench:calendar`: operations per second of the calendar arithmetic on the shipped
 * national calendar, over random instants of 2025–mid 2027 and limits of up to 60 working days.
 * Target: ≥ 1,000,000 addWorking per second.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { legalDeadline, type BusinessCalendar } from '../../engine/calendar/index.js';
import type { LegalDuration } from '../../engine/duration/legal-duration.js';
import { loadCalendar } from '../../scripts/calendar/calendar-files.js';

const samples = 200_000;
const rounds = 7;

/** A small seeded generator, so every run measures the same inputs. */
function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function inputs(calendar: BusinessCalendar) {
  const random = mulberry32(2026);
  const [first, last] = [calendar.parseInstant('2025-01-02T00:00'), calendar.parseInstant('2027-06-30T00:00')];
  const instants = Float64Array.from({ length: samples }, () => first + Math.floor(random() * (last - first)));
  const workingInstants = instants.map((instant) => calendar.nextWorkingInstant(instant));
  const days: LegalDuration[] = Array.from({ length: samples }, () => ({ amount: Math.floor(random() * 61), unit: 'working-days' }));
  const hours: LegalDuration[] = Array.from({ length: samples }, () => ({ amount: 1 + Math.floor(random() * 480), unit: 'working-hours' }));
  return { instants, workingInstants, days, hours };
}

/** Best of several rounds, in operations per second. */
function measure(operation: (index: number) => number): number {
  let sink = 0;
  let best = Infinity;
  for (let round = 0; round < rounds; round += 1) {
    const started = performance.now();
    for (let index = 0; index < samples; index += 1) sink += operation(index);
    best = Math.min(best, performance.now() - started);
  }
  if (Number.isNaN(sink)) throw new Error('unreachable: keeps the results alive');
  return samples / (best / 1000);
}

const calendar = await loadCalendar();
const { instants, workingInstants, days, hours } = inputs(calendar);
const pauses = (index: number) => [{ from: instants[index]! + 86_400_000, to: instants[index]! + 4 * 86_400_000 }];

const results: [string, number][] = [
  ['addWorking, 0–60 working days', measure((i) => calendar.addWorking(instants[i]!, days[i]!))],
  ['addWorking, 1–480 working hours', measure((i) => calendar.addWorking(instants[i]!, hours[i]!))],
  ['workingTimeBetween', measure((i) => calendar.workingTimeBetween(workingInstants[i]!, calendar.addWorking(workingInstants[i]!, days[i]!)))],
  ['legalDeadline (cut-off, working days)', measure((i) => legalDeadline(calendar, { receivedAt: instants[i]!, limit: days[i]! }).dueAt)],
  ['legalDeadline with a supplementation pause', measure((i) => legalDeadline(calendar, { receivedAt: instants[i]!, limit: days[i]!, pauses: pauses(i) }).dueAt)],
];

console.log(`calendar arithmetic — ${calendar.id} ${calendar.firstYear}–${calendar.lastYear}, ${samples.toLocaleString('en')} random inputs, best of ${rounds} rounds`);
console.log(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}`);
for (const [name, perSecond] of results) {
  console.log(`  ${name.padEnd(46)} ${Math.round(perSecond).toLocaleString('en').padStart(12)} ops/s   ${(1e9 / perSecond).toFixed(0).padStart(5)} ns/op`);
}
const [, addWorkingDays] = results[0]!;
console.log(`target ≥ 1,000,000 addWorking/s: ${addWorkingDays >= 1_000_000 ? 'met' : 'NOT met'}`);
