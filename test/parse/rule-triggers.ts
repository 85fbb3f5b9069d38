/**
 * A small document that triggers each parse rule (src/parse/rules.ts), or
 * the reason none does. Used by test/parse/rules.test.ts (each rule under
 * its id and level, and docutils' own messages) and by the catalog's test.
 */
import type { ParseRuleId } from '../../src/parse/rules.js';

/** A document that triggers each rule. */
export const parseTriggers: Partial<Record<ParseRuleId, string>> = {
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
  'substitution-definition-missing-contents': '.. |a|\n',
  'substitution-definition-empty': '.. |a| text\n',
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
  // docutils fails on this page (RecursionError), so it is not compared with docutils
  'nesting-too-deep': `${'- '.repeat(300)}x\n`,
  // docutils keeps every message: compared with docutils only up to the limit (test/parse/hostile-input.test.ts)
  'too-many-messages': `${'*a '.repeat(1001)}\n`,
  'skeleton-too-large': `${'word '.repeat(300_000)}\n`,
  'skeleton-too-complex': Array.from({ length: 20 }, (_, i) => `${' '.repeat(i)}p\n\n`).join(''),
};

/** Rules no small document triggers, and why. */
export const parseUntriggerable: Partial<Record<ParseRuleId, string>> = {
  'parser-stalled': 'a safety net for a parser bug',
  'table-no-data': 'docutils checks it, but a list or CSV table with content always has a column',
  'skeleton-unavailable': 'reported only when the restructured package throws on a page it was given (none known)',
};
