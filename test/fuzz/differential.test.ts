/**
 * A short differential run against docutils (the long one is `npm run fuzz --
 * --diff`): a fixed-seed sample of every table form, and of the corpus'
 * tables mutated, read by docutils' worker and by fromRst: the same tables,
 * cells and messages. Skipped, saying so, without python3-docutils or ../shared.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusPages, readOracle, readPage, sharedPresent } from '../helpers/corpus.js';
import { DocutilsWorker, workerAvailable } from './docutils-worker.js';
import { compare, ours, wellFormed } from './differential.js';
import { corpusForm, corpusTables, FORMS } from './table-forms.js';

/** Cases per generated form, and per the corpus' (bigger) tables: ~260 documents, a few seconds. */
const PER_FORM = 50;
const PER_CORPUS_FORM = 10;

const available = workerAvailable && sharedPresent('differential fuzz test');

describe.skipIf(!available)('differential fuzzing against docutils (fixed seed)', () => {
  const worker = available ? new DocutilsWorker() : null;
  afterAll(() => worker?.close());

  const forms: [string, fc.Arbitrary<string>][] = Object.entries(FORMS);
  if (available) {
    const pages = corpusPages()
      .slice(0, 40)
      .map((p) => ({
        text: readPage(p),
        lines: readOracle<{ tables: { line: number | null; directive_line: number | null }[] }>(p).tables.map((t) => t.directive_line ?? t.line ?? 1),
      }));
    forms.push(['corpus', corpusForm(corpusTables(pages))]);
  }

  for (const [form, arbitrary] of forms) {
    const runs = form === 'corpus' ? PER_CORPUS_FORM : PER_FORM;
    it(`reads ${runs} generated ${form} documents as docutils does`, async () => {
      // The suite's fixed seed (test/setup.ts).
      const texts = fc.sample(arbitrary, { numRuns: runs }).map(wellFormed);
      const answers = await Promise.all(texts.map((t) => worker!.ask(t)));
      const differences: unknown[] = [];
      let compared = 0;
      answers.forEach((answer, i) => {
        if ('error' in answer) return; // docutils itself raised: nothing to compare with
        compared++;
        const d = compare(ours(texts[i]!), answer.out);
        if (d) differences.push({ input: texts[i], ...d });
      });
      expect(compared).toBeGreaterThan(runs / 2);
      expect(differences).toEqual([]);
    }, 60_000);
  }
});
