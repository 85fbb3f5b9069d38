/**
 * Document-tree fixtures: test/fixtures/parse/document/<name>.rst beside
 * <name>.expected.json (the `RstDocument`, written with UPDATE_EXPECTED=1;
 * a missing expected file fails). Each fixture is also read by docutils
 * (`scripts/docutils-doctree.py`, one process for all of them) and must
 * agree with it; that part is skipped, saying so, without python3-docutils.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fromRst } from '../../src/parse/index.js';
import type { RstDocument } from '../../src/parse/index.js';
import { doctreeSummary, type DoctreeSummary } from './doctree-summary.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = path.join(repoRoot, 'test', 'fixtures', 'parse', 'document');
const script = path.join(repoRoot, 'scripts', 'docutils-doctree.py');
const python = '/usr/bin/python3';
const inputs = readdirSync(dir).filter((f) => f.endsWith('.rst')).sort();
const update = process.env.UPDATE_EXPECTED === '1';

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
  for (const input of inputs) {
    const name = input.slice(0, -'.rst'.length);
    it(`${name}: the expected tree`, () => {
      const expectedPath = path.join(dir, `${name}.expected.json`);
      const got = documentOf(input);
      if (update) writeFileSync(expectedPath, `${JSON.stringify(got, null, 1)}\n`);
      expect(existsSync(expectedPath), `${name}.expected.json is missing`).toBe(true);
      expect(got).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
    });
  }
});

describe.skipIf(!hasDocutils)('document tree fixtures against docutils', () => {
  const run = hasDocutils
    ? spawnSync(python, [script, '--base', dir, ...inputs.map((f) => path.join(dir, f))], { encoding: 'utf8' })
    : null;
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
