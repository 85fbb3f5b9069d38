/**
 * The parse rule catalog (src/parse/rules.ts): every rule is triggered by a
 * small document of its own, which reports it under its id; with docutils
 * present, the document's messages (level, line, text) are docutils' own.
 */
import { describe, expect, it } from 'vitest';
import { fromRst, toOracleJson } from '../../src/parse/index.js';
import { parseRules, type ParseRuleId } from '../../src/parse/rules.js';
import { docutils, runOracle } from './oracle-run.js';

/** A document that triggers each rule. */
const TRIGGERS: Partial<Record<ParseRuleId, string>> = {
  'malformed-table': '+-----+-----+\n| a   | b   |\n+-----+\n',
  'blank-line-after-table': '+---+\n| a |\n+---+\ntext\n',
  'unexpected-indentation': 'para\nline\n  indented\n',
  'unexpected-unindent': '- item\nnext\n',
  'line-block-unterminated': '| a\nb\n',
  'unexpected-title-overline': '- a\n\n  --\n',
  'unexpected-section-title-or-transition': '- a\n\n  -----\n',
  'enumerated-list-start': '3. a\n4. b\n',
  'definition-list-literal': 'term::\n   definition\n',
  'title-level-inconsistent': 'AA\n====\n\nBB\n----\n\nCC\n====\n\nDD\n~~~~\n',
  'incomplete-section-title': '=====\nTitle\n',
  'short-incomplete-section-title': '==\nTitle\n',
  'missing-underline': '=====\nTitle\ntext\n',
  'overline-underline-mismatch': '=====\nTitle\n-----\n',
  'title-overline-too-short': '====\nLong title\n====\n',
  'title-underline-too-short': 'Long title\n=====\n',
  'short-title-underline': 'Long title\n==\n',
  'invalid-section-marker': '=====\n-----\n',
  'unexpected-section-title': '- item\n\n  Title\n  =====\n',
  'literal-block-expected': 'para::\n\nnext\n',
  'inconsistent-literal-quoting': 'para::\n\n> a\n| b\n',
  'duplicate-explicit-target': '.. _a: http://x.org\n.. _a: http://y.org\n',
  'redundant-explicit-target': '.. _a: http://x.org\n.. _a: http://x.org\n',
  'duplicate-implicit-target': 'Title\n=====\n\nTitle\n=====\n',
  'malformed-hyperlink-target': '.. _a\n',
  'malformed-substitution-definition': '.. |a\n',
  'directive-error': '.. note::\n   :bogus: 1\n\n   text\n',
  'directive-content-missing': '.. note::\n',
  'table-content-missing': '.. table::\n',
  'directive-content-error': '.. table::\n\n   text\n',
  'directive-disabled': '.. raw:: html\n\n   <b>\n',
  'directive-misplaced': '- item\n\n  .. topic:: T\n\n     text\n',
  'image-align': '.. image:: x.png\n   :align: top\n',
  'figure-caption': '.. figure:: x.png\n\n   - item\n',
  'code-number-lines': '.. code::\n   :number-lines: x\n\n   a\n',
  'table-widths-mismatch': '.. list-table::\n   :widths: 1 2 3\n\n   * - a\n     - b\n',
  'table-header-rows': '.. list-table::\n   :header-rows: 5\n\n   * - a\n',
  'table-stub-columns': '.. list-table::\n   :stub-columns: 5\n\n   * - a\n',
  'table-no-body': '.. list-table::\n   :header-rows: 1\n\n   * - a\n',
  'table-no-body-columns': '.. list-table::\n   :stub-columns: 1\n\n   * - a\n',
  'list-table-empty': '.. list-table::\n',
  'csv-access-disabled': '.. csv-table::\n   :file: x.csv\n',
  'csv-content-missing': '.. csv-table::\n',
  'csv-error': '.. csv-table::\n\n   "a\n',
  'inline-markup': '*open\n',
  'role-not-implemented': ':index:`x`\n',
  'raw-role-disabled': ':raw:`x`\n',
  'pep-number': ':pep:`x`\n',
  'rfc-number': ':rfc:`x`\n',
  'multiple-roles': ':sub:`x`:sup:\n',
  'role-and-reference': ':sub:`x`_\n',
  'skeleton-too-large': `${'word '.repeat(300_000)}\n`,
};

/** Rules no small document triggers, and why. */
const UNTRIGGERABLE: Partial<Record<ParseRuleId, string>> = {
  'parser-stalled': 'a safety net for a parser bug',
  'table-no-data': 'docutils checks it, but a list or CSV table with content always has a column',
  'skeleton-too-complex': 'needs a page that costs the skeleton parser a million steps',
  'skeleton-unavailable': 'needs the skeleton parser to fail',
};

describe('parse rule catalog', () => {
  it('gives every rule an id of its own, a level, a severity and a one-sentence description', () => {
    for (const [id, rule] of Object.entries(parseRules)) {
      expect(rule.id).toBe(id);
      expect([1, 2, 3, 4]).toContain(rule.level);
      expect(rule.severity).toBe(rule.level === 1 ? 'info' : rule.level === 2 ? 'warning' : 'error');
      expect(rule.description).toMatch(/^[A-Z`].*\.$/s);
    }
  });

  it('has a trigger for every rule, or says why not', () => {
    for (const id of Object.keys(parseRules) as ParseRuleId[]) {
      expect(id in TRIGGERS !== id in UNTRIGGERABLE, id).toBe(true);
    }
  });

  for (const [id, text] of Object.entries(TRIGGERS) as [ParseRuleId, string][]) {
    it(`reports ${id} under its id and level`, () => {
      const found = fromRst(text, { skeleton: id === 'skeleton-too-large' }).messages.filter((m) => m.ruleId === id);
      expect(found.length, JSON.stringify(fromRst(text, { skeleton: false }).messages)).toBeGreaterThan(0);
      for (const m of found) expect(m.level).toBe(parseRules[id].level);
    });
  }

  it.skipIf(!docutils)('reports what docutils reports for every trigger', () => {
    const ids = (Object.keys(TRIGGERS) as ParseRuleId[]).filter((id) => !id.startsWith('skeleton-'));
    const expected = runOracle(ids.map((id) => TRIGGERS[id] ?? ''));
    ids.forEach((id, i) => {
      const got = toOracleJson(fromRst(TRIGGERS[id] ?? '', { path: 'case.rst', skeleton: false }), 'case.rst');
      expect({ id, messages: got.messages }).toEqual({ id, messages: expected[i]?.messages });
    });
  });
});
