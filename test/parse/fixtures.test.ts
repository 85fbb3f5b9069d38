/**
 * One fixture per rule: test/fixtures/parse/<rule>.rst beside
 * <rule>.expected.json, the oracle's output for it
 * (`/usr/bin/python3 ../shared/tools/rst-oracle.py <rule>.rst`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fromRst, toOracleJson } from '../../src/parse/index.js';
import { expectedOracle, fixturePairs } from '../helpers/fixtures.js';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'parse');
const pairs = fixturePairs(dir, { input: '.rst', expected: '.expected.json' });

describe('parse fixtures (docutils oracle)', () => {
  it('has fixtures', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(10);
  });
  for (const pair of pairs) {
    it(pair.name, () => {
      // a missing expected file is a failure, never a silent pass (UPDATE_EXPECTED=1 asks docutils)
      const expected = expectedOracle(pair.input, pair.expected) as ReturnType<typeof toOracleJson>;
      const text = readFileSync(pair.input, 'utf8');
      const got = toOracleJson(fromRst(text, { skeleton: false }), expected.source);
      expect(got).toEqual({
        source: expected.source,
        docutils: expected.docutils,
        tables: expected.tables,
        messages: expected.messages,
        unknown_roles: expected.unknown_roles,
        unknown_directives: expected.unknown_directives,
      });
    });
  }
});
