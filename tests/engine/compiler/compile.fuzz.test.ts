import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzz, fuzzTimeoutMs } from '../../support/fuzz.js';
import { corpusFiles } from './corpus-files.js';
import { mutatedBpmn } from './mutated-bpmn.js';
import { randomBpmn } from './random-bpmn.js';
import { expectStructuredCompile } from './structured-compile.js';

const shortBudgetMs = 4_000;

const samplesDirectory = path.resolve(import.meta.dirname, '../../../engine/samples');
const samples = readdirSync(samplesDirectory).filter((name) => name.endsWith('.bpmn')).map((name) => readFileSync(path.join(samplesDirectory, name), 'utf8'));
const corpus = [...samples, ...corpusFiles().map((file) => readFileSync(file, 'utf8'))];

describe('fuzzing the BPMN compiler', () => {
  it('random models compile or yield structured diagnostics, each within the bound', async () => {
    await fuzz('compiler/random-models', shortBudgetMs, fc.asyncProperty(randomBpmn, async (xml) => void (await expectStructuredCompile(xml))));
  }, fuzzTimeoutMs(shortBudgetMs));

  it('mutated corpus models compile or yield structured diagnostics, each within the bound', async () => {
    expect(corpus.length).toBeGreaterThan(100);
    await fuzz('compiler/mutated-corpus', shortBudgetMs, fc.asyncProperty(mutatedBpmn(corpus), async (xml) => void (await expectStructuredCompile(xml))));
  }, fuzzTimeoutMs(shortBudgetMs));
});
