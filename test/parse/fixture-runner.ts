/** Runs every `test/fixtures/tables/<prefix>*.rst` against its `.expected.json` (docutils' oracle). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { fileLines } from '../../src/parse/lines.js';
import { expectedOracle, fixturePairs } from '../helpers/fixtures.js';
import { comparableMine, comparableOracle, docutilsLines, scanAll, toOracleShape, type OracleFile } from './table-oracle.js';

export const fixturesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'tables');

export function fixtureTests(prefix: string): void {
  // grid-docutils-assert.rst has no oracle: docutils itself fails an assertion on it (tested in grid-table.test.ts).
  const pairs = fixturePairs(fixturesDir, { input: '.rst', expected: '.expected.json', prefix, exclude: ['grid-docutils-assert.rst'] });
  it('has fixtures', () => {
    expect(pairs.length).toBeGreaterThan(5);
  });
  for (const pair of pairs) {
    it(`reads ${path.basename(pair.input)} as docutils does`, () => {
      const src = fileLines(docutilsLines(readFileSync(pair.input, 'utf8')));
      const oracle = comparableOracle(expectedOracle(pair.input, pair.expected) as OracleFile);
      const mine = comparableMine(toOracleShape(src, scanAll(src)), oracle);
      expect(mine).toEqual(oracle);
    });
  }
}
