/** Runs every `test/fixtures/tables/<prefix>*.rst` against its `.expected.json` (docutils' oracle). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { fileLines } from '../../src/parse/lines.js';
import { comparableMine, comparableOracle, docutilsLines, scanAll, toOracleShape } from './table-oracle.js';

export const fixturesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'tables');

export function fixtureTests(prefix: string): void {
  const names = readdirSync(fixturesDir).filter(
    (name) => name.startsWith(prefix) && name.endsWith('.rst') && existsSync(path.join(fixturesDir, name.replace(/\.rst$/, '.expected.json'))),
  );
  it('has fixtures', () => {
    expect(names.length).toBeGreaterThan(5);
  });
  for (const name of names) {
    it(`reads ${name} as docutils does`, () => {
      const src = fileLines(docutilsLines(readFileSync(path.join(fixturesDir, name), 'utf8')));
      const oracle = comparableOracle(JSON.parse(readFileSync(path.join(fixturesDir, name.replace(/\.rst$/, '.expected.json')), 'utf8')));
      const mine = comparableMine(toOracleShape(src, scanAll(src)), oracle);
      expect(mine).toEqual(oracle);
    });
  }
}
