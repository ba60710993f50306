/**
 * `npm run bench:designer`: generated procedures of about 100 and 500 BPMN elements (flow nodes and
 * sequence flows, with MotCua attributes and diagram interchange) opened in the designer's modeler in
 * headless Chromium, as the app ships it (production build). Prints the median time from the start
 * of the import to bpmn-js having drawn every element, and to the first live diagnostics drawn.
 * Target: 500 elements rendered and validated in under 1.5 s.
 */
import os from 'node:os';
import { buildModelerPage, launchChromium, serveDirectory } from '../designer/support/browser.js';
import type { ModelerPage, OpenTimes } from '../designer/support/modeler-page/modeler-page.js';
import { generateProcedure } from './support/generated-procedure.js';

const SIZES = [100, 500];
const RUNS = 7;
/** A generated block is 11 flow nodes wired by 12 flows; start, end and the last flow add 3. */
const nodesFor = (elements: number) => 2 + 11 * Math.max(1, Math.round((elements - 3) / 23));

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${value.toFixed(0)} ms`.padStart(8);

const built = await buildModelerPage();
const server = await serveDirectory(built.directory);
const browser = await launchChromium();
try {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/index.html`);
  await page.waitForFunction(() => 'modelerPage' in window);
  const open = (xml: string) => page.evaluate((model) => (window as unknown as { modelerPage: ModelerPage }).modelerPage.open(model), xml);

  console.log(`designer: opening generated procedures in headless Chromium (${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}), median of ${RUNS}`);
  console.log('BPMN elements   drawn shapes   rendered   validated');
  let largest: { rendered: number; validated: number } | undefined;
  for (const size of SIZES) {
    const procedure = generateProcedure(nodesFor(size));
    await open(procedure.xml); // warm-up: the first import also compiles the page's code
    const times: OpenTimes[] = [];
    for (let run = 0; run < RUNS; run++) times.push(await open(procedure.xml));
    const rendered = median(times.map((time) => time.rendered));
    const validated = median(times.map((time) => time.validated));
    console.log(`${String(procedure.nodes + procedure.flows).padStart(13)}   ${String(times[0]!.elements).padStart(12)}   ${ms(rendered)}   ${ms(validated)}`);
    largest = { rendered, validated };
  }
  const worst = Math.max(largest!.rendered, largest!.validated);
  console.log(`target: ${SIZES.at(-1)} elements rendered and validated in under 1500 ms: ${worst < 1500 ? 'met' : 'missed'} (${worst.toFixed(0)} ms)`);
} finally {
  await browser.close();
  await server.close();
  await built.dispose();
}
