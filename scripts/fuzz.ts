/**
 * `npm run fuzz -- --diff ...`: the differential fuzzer against docutils
 * (scripts/fuzz-diff.ts). Without `--diff`:
 * `npm run fuzz [-- --seconds N] [--seed S]`: the fuzz property of
 * test/fuzz/property.ts (parse -> model -> emit never throws, never hangs,
 * every diagnostic inside the input, each input within TIME_BOUND_MS) for N seconds (default 120) over random
 * RST, mutations of the seed and mutations of the corpus pages. Prints the
 * counterexample and exits 1 on the first failure.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { corpusPages, readPage, repoRoot, sharedPresent } from '../test/helpers/corpus.js';
import { runDifferential } from './fuzz-diff.js';
import { checkPipeline, mutated, randomRst, TIME_BOUND_MS } from '../test/fuzz/property.js';

const args = process.argv.slice(2);
if (args.includes('--diff')) process.exit(await runDifferential(args));
const option = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const seconds = option('--seconds', 120);
let seed = option('--seed', Date.now() % 2 ** 31);

const bases = [readFileSync(path.join(repoRoot, 'seeds/cloud-backup-recovery/status_codes.rst'), 'utf8')];
if (sharedPresent('fuzz: corpus mutations')) for (const page of corpusPages()) bases.push(readPage(page).slice(0, 30_000));

console.log(`fuzz: seed ${seed} (repeat with --seed ${seed}), ${seconds} s`);
const arbitrary = fc.oneof(randomRst, ...bases.map((b) => mutated(b)));
const deadline = Date.now() + seconds * 1000;
let inputs = 0;
let slowest = 0;
while (Date.now() < deadline) {
  const result = fc.check(
    fc.property(arbitrary, (text) => {
      inputs++;
      const outcome = checkPipeline(text, TIME_BOUND_MS);
      slowest = Math.max(slowest, outcome.ms);
      return outcome.ok;
    }),
    { numRuns: 500, seed },
  );
  if (result.failed) {
    const text = result.counterexample?.[0] ?? '';
    console.log(`fuzz: FAILED after ${inputs} inputs (seed ${seed}, path ${result.counterexamplePath}): ${checkPipeline(text, TIME_BOUND_MS).problem}`);
    console.log(`input (${text.length} chars): ${JSON.stringify(text)}`);
    process.exit(1);
  }
  seed = (seed + 1) % 2 ** 31;
}
console.log(`fuzz: ${inputs} inputs in ${seconds} s, no failure; slowest input ${Math.round(slowest)} ms.`);
