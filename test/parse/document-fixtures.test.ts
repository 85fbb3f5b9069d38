/**
 * Document-tree fixtures: test/fixtures/parse/document/<name>.rst beside
 * <name>.expected.json (the `RstDocument`, written with UPDATE_EXPECTED=1;
 * a missing expected file fails). Each fixture is also read by docutils
 * (`scripts/docutils-doctree.py`, one process for all of them) and must
 * agree with it; that part is skipped, saying so, without python3-docutils.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fromRst } from '../../src/parse/index.js';
import type { RstDocument } from '../../src/parse/index.js';
import { expectedText, fixturePairs } from '../helpers/fixtures.js';
import { doctreeSummary, type DoctreeSummary } from './doctree-summary.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = path.join(repoRoot, 'test', 'fixtures', 'parse', 'document');
const script = path.join(repoRoot, 'scripts', 'docutils-doctree.py');
const python = '/usr/bin/python3';
const pairs = fixturePairs(dir, { input: '.rst', expected: '.expected.json' });
const inputs = pairs.map((pair) => path.basename(pair.input));

const hasDocutils = existsSync(python) && spawnSync(python, ['-c', 'import docutils'], { encoding: 'utf8' }).status === 0;
if (!hasDocutils) console.log('document fixtures: docutils comparison skipped (/usr/bin/python3 with python3-docutils not found)');

function documentOf(name: string): RstDocument {
  const doc = fromRst(readFileSync(path.join(dir, name), 'utf8'), { skeleton: false, document: true }).document;
  if (!doc) throw new Error('no document');
  return doc;
}

describe('document tree fixtures', () => {
  it('has fixtures', () => {
    expect(inputs.length).toBeGreaterThanOrEqual(5);
  });
  for (const pair of pairs) {
    it(`${pair.name}: the expected tree`, () => {
      const got = documentOf(path.basename(pair.input));
      // a missing expected file fails; UPDATE_EXPECTED=1 writes it (test/helpers/fixtures.ts)
      expect(got).toEqual(JSON.parse(expectedText(pair.expected, `${JSON.stringify(got, null, 1)}\n`)));
    });
  }
});

describe.skipIf(!hasDocutils)('document tree fixtures against docutils', () => {
  const run = hasDocutils ? spawnSync(python, [script, '--base', dir, ...inputs.map((f) => path.join(dir, f))], { encoding: 'utf8' }) : null;
  const want = new Map<string, DoctreeSummary>();
  for (const line of run?.stdout.split('\n') ?? []) if (line) want.set((JSON.parse(line) as DoctreeSummary).source, JSON.parse(line));
  for (const input of inputs) {
    it(`${input}: labels, sections, tables, literal blocks, list items, paragraphs as docutils reads them`, () => {
      expect(run?.status, run?.stderr).toBe(0);
      const expected = want.get(input);
      expect(expected?.error).toBeUndefined();
      expect(doctreeSummary(documentOf(input), input)).toEqual(expected);
    });
  }
});
