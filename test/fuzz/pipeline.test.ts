import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { seedText } from '../cli/helpers.js';
import { corpusPages, readPage, sharedPresent } from '../helpers/corpus.js';
import { checkPipeline, mutated, positionProblem, randomRst } from './property.js';

/**
 * Runs per property in `npm test`: moderate (every property runs, seeded by test/setup.ts); `npm run fuzz`
 * (scripts/fuzz.ts) runs the same property over thousands of inputs with a fresh seed, and FUZZ_RUNS=1000 runs
 * more here.
 */
const runs = Number(process.env.FUZZ_RUNS ?? 60);

function property(text: string): void {
  const outcome = checkPipeline(text);
  expect(outcome.problem ?? '').toBe('');
}

describe('fuzz: parse -> model -> emit never throws, positions stay inside the input', () => {
  it(`random RST documents (${runs} runs)`, () => {
    fc.assert(fc.property(randomRst, property), { numRuns: runs });
  });

  it(`mutations of the seed (${runs} runs)`, () => {
    fc.assert(fc.property(mutated(seedText), property), { numRuns: runs });
  });

  it('the position check can fail: a diagnostic outside the input is caught', () => {
    const text = 'line one\r\nline two\u2028line three';
    const file = new VFile({ path: 'x.rst' });
    file.message('inside', { place: { line: 3, column: 1 } });
    expect(positionProblem(file, text)).toBeNull();
    file.message('outside', { place: { line: 5, column: 1 } });
    expect(positionProblem(file, text)).toBe('diagnostic outside the input (3 lines): 5:1 outside [undefined]');
  });

  const pages = sharedPresent('fuzz: corpus mutations') ? corpusPages() : [];
  it.skipIf(pages.length === 0)(`mutations of real corpus pages (${Math.min(pages.length, 24)} pages x ${Math.ceil(runs / 10)} runs)`, () => {
    for (const page of pages.filter((_, i) => i % Math.ceil(pages.length / 24) === 0)) {
      const text = readPage(page).slice(0, 20_000);
      fc.assert(fc.property(mutated(text), property), { numRuns: Math.ceil(runs / 10) });
    }
  });
});
