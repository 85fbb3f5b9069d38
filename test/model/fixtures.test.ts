/**
 * Fixture pairs: test/fixtures/model/<name>.rst (or a folder of pages) beside
 * <name>.expected.json — the model and diagnostics the page yields. A fixture
 * named after a rule id must raise that rule. A missing expected file fails;
 * write or refresh them with `UPDATE_EXPECTED=1 npx vitest run test/model`
 * (test/helpers/fixtures.ts) and review the diff.
 *
 * Pages are read from docutils' own reading (<name>.oracle.json, made with
 * ../shared/tools/rst-oracle.py) through test/helpers/oracle-root.ts.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { severityOf } from '../../src/diagnostics.js';
import { buildServiceModel } from '../../src/model/index.js';
import { rules } from '../../src/model/rules.js';
import type { RuleId } from '../../src/model/rules.js';
import type { RstRoot } from '../../src/parse/types.js';
import { expectedText, fixturePairs } from '../helpers/fixtures.js';
import { oracleRoot } from '../helpers/oracle-root.js';
import type { OracleDoc } from '../helpers/oracle-root.js';

const dir = fileURLToPath(new URL('../fixtures/model/', import.meta.url));

function readPage(rstPath: string): RstRoot {
  const oracle = JSON.parse(readFileSync(rstPath.replace(/\.rst$/, '.oracle.json'), 'utf8')) as OracleDoc;
  return oracleRoot(oracle, readFileSync(rstPath, 'utf8'));
}

/** Every fixture (a page, or a folder of pages) with its page paths (relative to the fixture folder). */
function fixtures(): Array<{ name: string; pages: string[]; expected: string }> {
  return fixturePairs(dir, { input: '.rst', expected: '.expected.json', folders: true }).map((pair) => ({
    name: pair.name,
    expected: pair.expected,
    pages: pair.input.endsWith('.rst')
      ? [path.basename(pair.input)]
      : readdirSync(pair.input)
          .filter((p) => p.endsWith('.rst'))
          .sort()
          .map((p) => `${pair.name}/${p}`),
  }));
}

/** The model and the diagnostics of a fixture, as stored in <name>.expected.json. */
export function runFixture(pages: readonly string[]): unknown {
  const files = new Map<string, VFile>();
  const model = buildServiceModel({ service: 'fixture', pages: pages.map((p) => ({ path: p, root: readPage(path.join(dir, p)) })) }, files);
  const messages = pages.flatMap((p) =>
    (files.get(p)?.messages ?? []).map((m) => ({
      file: p,
      line: m.line,
      column: m.column,
      ruleId: m.ruleId,
      severity: severityOf(m),
      reason: m.reason,
    })),
  );
  return { model, messages };
}

describe('model fixtures', () => {
  const all = fixtures();
  it('has a fixture for every rule', () => {
    const names = new Set(all.map((f) => f.name));
    expect(Object.keys(rules).filter((id) => !names.has(id))).toEqual([]);
  });
  for (const fixture of all) {
    it(fixture.name, () => {
      const result = runFixture(fixture.pages) as { messages: Array<{ ruleId: string; line: number }> };
      if (fixture.name in rules) {
        expect(result.messages.map((m) => m.ruleId)).toContain(fixture.name as RuleId);
      }
      for (const m of result.messages) expect(m.line).toBeGreaterThan(0);
      const text = `${JSON.stringify(result, null, 2)}\n`;
      expect(text).toBe(expectedText(fixture.expected, text));
    });
  }
  it('reads fixtures from docutils’ reading', () => {
    expect(existsSync(path.join(dir, 'duplicate-code.oracle.json'))).toBe(true);
  });
});
