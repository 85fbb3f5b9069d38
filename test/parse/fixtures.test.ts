/**
 * One fixture per rule: test/fixtures/parse/<rule>.rst beside
 * <rule>.expected.json, the oracle's output for it
 * (`/usr/bin/python3 ../shared/tools/rst-oracle.py <rule>.rst`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fromRst, toOracleJson } from '../../src/parse/index.js';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'parse');
const inputs = readdirSync(dir).filter((f) => f.endsWith('.rst')).sort();

describe('parse fixtures (docutils oracle)', () => {
  it('has fixtures', () => {
    expect(inputs.length).toBeGreaterThanOrEqual(10);
  });
  for (const input of inputs) {
    const name = input.slice(0, -'.rst'.length);
    it(name, () => {
      const expectedPath = path.join(dir, `${name}.expected.json`);
      // a missing expected file is a failure, never a silent pass
      expect(existsSync(expectedPath), `${name}.expected.json is missing`).toBe(true);
      const expected = JSON.parse(readFileSync(expectedPath, 'utf8'));
      const text = readFileSync(path.join(dir, input), 'utf8');
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
