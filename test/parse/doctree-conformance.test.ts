/**
 * The document tree against docutils itself on the whole shared corpus:
 * `scripts/docutils-doctree.py` (docutils 0.19 + its PropagateTargets
 * transform, Sphinx's reading of role targets) runs live over every page, in
 * two processes (half of the pages each) while this process reads the pages
 * itself; `doctreeSummary` prints `fromRst(text, { document: true }).document`
 * in the same shape. Prints totals (labels, refs, literal blocks, sections,
 * list items, tables) and every difference.
 *
 * `npm test` checks a fixed sample: every 8th page of the corpus in sorted
 * path order (docutils' own CPU over all 1,204 pages is most of this file's
 * time; the hand fixtures are all read by docutils in
 * document-fixtures.test.ts). `npm run conformance` (vitest.conformance.config.ts,
 * which sets DOCTREE_CONFORMANCE=all; CI runs it after `npm test`) checks
 * every page.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fromRst } from '../../src/parse/index.js';
import { corpusDir as corpus, rstFiles } from '../helpers/corpus.js';
import { doctreeSummary, type DoctreeSummary } from './doctree-summary.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const script = path.join(repoRoot, 'scripts', 'docutils-doctree.py');
const python = '/usr/bin/python3';

const hasCorpus = existsSync(corpus);
const hasDocutils = existsSync(python) && spawnSync(python, ['-c', 'import docutils'], { encoding: 'utf8' }).status === 0;
if (!hasCorpus) console.log('doctree conformance skipped: ../shared/corpus not found');
else if (!hasDocutils) console.log('doctree conformance skipped: /usr/bin/python3 with docutils (python3-docutils) not found');

/** docutils' reading of `files` (one process), by path relative to the corpus; rejects when the script fails. */
function docutilsSummaries(files: readonly string[]): Promise<DoctreeSummary[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(python, [script, '--base', corpus, '-'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`docutils-doctree.py exited with ${code}: ${stderr}`));
      const lines = Buffer.concat(out).toString('utf8').split('\n');
      resolve(lines.filter((line) => line !== '').map((line) => JSON.parse(line) as DoctreeSummary));
    });
    child.stdin.end(files.join('\n'));
  });
}

/** Every page, or (in `npm test`) every 8th page in sorted path order. */
const ALL_PAGES = process.env['DOCTREE_CONFORMANCE'] === 'all';
const SAMPLE_EVERY = 8;

const KEYS = ['labels', 'sections', 'tables', 'literal_blocks', 'list_items', 'paragraphs', 'admonitions', 'definitions'] as const;

describe.skipIf(!hasCorpus || !hasDocutils)(
  `document tree conformance with docutils on ../shared/corpus (${ALL_PAGES ? 'every page' : `every ${SAMPLE_EVERY}th page`})`,
  () => {
    it('reads the same labels, sections, tables, literal blocks, list items and references', async () => {
      const corpusFiles = rstFiles(corpus).sort();
      expect(corpusFiles.length).toBeGreaterThan(1000);
      const files = ALL_PAGES ? corpusFiles : corpusFiles.filter((_, i) => i % SAMPLE_EVERY === 0);
      // docutils in two processes (every other page each), running while the pages are read here.
      const docutils = Promise.all([0, 1].map((half) => docutilsSummaries(files.filter((_, i) => i % 2 === half))));
      const ours = new Map<string, DoctreeSummary>();
      for (const file of files) {
        const rel = path.relative(corpus, file);
        const doc = fromRst(readFileSync(file, 'utf8'), { skeleton: false, document: true }).document;
        if (!doc) throw new Error(`${rel}: no document`);
        ours.set(rel, doctreeSummary(doc, rel));
      }
      const expected = new Map<string, DoctreeSummary>();
      for (const s of (await docutils).flat()) expected.set(s.source, s);
      type Key = 'files' | 'refs' | (typeof KEYS)[number];
      const zero = (): Record<Key, number> => ({
        files: 0,
        refs: 0,
        labels: 0,
        sections: 0,
        tables: 0,
        literal_blocks: 0,
        list_items: 0,
        paragraphs: 0,
        admonitions: 0,
        definitions: 0,
      });
      const totals = zero();
      const agree = zero();
      const diffs: string[] = [];
      for (const file of files) {
        const rel = path.relative(corpus, file);
        const want = expected.get(rel);
        expect(want, `${rel}: no docutils output`).toBeDefined();
        if (!want) continue;
        expect(want.error, `${rel}: docutils failed`).toBeUndefined();
        const got = ours.get(rel)!;
        totals.files++;
        let fileOk = true;
        for (const k of KEYS) {
          const w = want[k] as unknown[];
          const g = got[k] as unknown[];
          const n = Math.max(w.length, g.length);
          for (let i = 0; i < n; i++) {
            totals[k]++;
            if (JSON.stringify(w[i]) === JSON.stringify(g[i])) agree[k]++;
            else {
              fileOk = false;
              diffs.push(`${rel}: ${k}[${i}]: docutils ${JSON.stringify(w[i])}\n    got ${JSON.stringify(g[i])}`);
            }
          }
        }
        const wantRefs = want.paragraphs.reduce((a, p) => a + p.refs.length, 0);
        const gotRefs = got.paragraphs.reduce((a, p) => a + p.refs.length, 0);
        totals.refs += wantRefs;
        agree.refs += Math.min(wantRefs, gotRefs);
        if (fileOk) agree.files++;
      }
      console.log(
        `doctree conformance (${files.length} of ${corpusFiles.length} pages): ` +
          (['files', ...KEYS, 'refs'] as const).map((k) => `${k} ${agree[k]}/${totals[k]}`).join(', '),
      );
      for (const d of diffs.slice(0, 60)) console.log(d);
      if (diffs.length > 60) console.log(`... and ${diffs.length - 60} more differences`);
      expect(diffs).toEqual([]);
    }, 600_000);
  },
);
