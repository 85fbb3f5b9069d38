/**
 * Issue 12, 1(b) and 1(c): small pages that overflowed the stack (deep
 * nesting) and long lines that crashed a regular expression. Each must be
 * read to the end with the right diagnostics. docutils 0.19 has no nesting
 * limit of its own: it fails on the whole page with Python's RecursionError
 * at 108 (directives) to 163 (lists, block quotes) levels; the parser stops
 * one level past MAX_NESTING with a `nesting-too-deep` error instead.
 */
import { describe, expect, it } from 'vitest';
import { fromRst, LARGE_PAGE } from '../../src/parse/index.js';
import { MAX_NESTING } from '../../src/parse/parser.js';
import { MAX_MESSAGES_PER_RULE } from '../../src/parse/reporter.js';
import { project, run } from '../cli/helpers.js';

const rules = (text: string) => fromRst(text, { skeleton: false }).messages.map((m) => `${m.line}:${m.ruleId}`);

describe('deep nesting: one nesting-too-deep error, no stack overflow', () => {
  it('800 nested bullet list items on one line', () => {
    expect(rules('- '.repeat(800) + 'x\n')).toEqual(['1:nesting-too-deep']);
  });

  it('800 nested enumerated list items on one line', () => {
    expect(rules('1. '.repeat(800) + 'x\n')).toEqual(['1:nesting-too-deep']);
  });

  it('1,000 block-quote levels', () => {
    const text = Array.from({ length: 1000 }, (_, i) => ' '.repeat(i) + 'p\n\n').join('');
    expect(rules(text)).toEqual([`${2 * MAX_NESTING + 1}:nesting-too-deep`]);
  });

  it('600 nested note directives', () => {
    const text = Array.from({ length: 600 }, (_, i) => '   '.repeat(i) + '.. note::\n\n').join('') + '   '.repeat(600) + 'x\n';
    expect(rules(text)).toEqual([`${2 * MAX_NESTING + 1}:nesting-too-deep`]);
  });

  it('a table nested deep inside lists keeps its cells up to the limit, and the rest of the page is read', () => {
    const depth = 150;
    const table = ['=== ===', 'a   b', '=== ==='];
    const text = '- '.repeat(depth) + 'x\n\n' + table.map((l) => ' '.repeat(2 * depth) + l).join('\n') + '\n\n' + table.join('\n') + '\n';
    const root = fromRst(text, { skeleton: false });
    expect(root.messages).toEqual([]);
    expect(root.children.map((t) => (t.type === 'table' ? t.cells.map((c) => c.text).join(' ') : t.type))).toEqual(['a b', 'a b']);
  });

  it('nesting just at the limit is read without a message', () => {
    expect(rules('- '.repeat(MAX_NESTING - 1) + 'x\n')).toEqual([]);
    expect(rules('- '.repeat(MAX_NESTING) + 'x\n')).toEqual(['1:nesting-too-deep']);
  });
});

describe('long lines: no regular expression overflows its stack', () => {
  it('a title underlined by 8,000,000 `=`', () => {
    const root = fromRst('Title\n' + '='.repeat(8_000_000) + '\n', { skeleton: false });
    expect(root.messages).toEqual([]);
  });

  it('7,000,000 `+` on one line (a paragraph)', () => {
    expect(rules('+'.repeat(7_000_000) + '\n')).toEqual([]);
  });

  it('a 7,000,000-character transition between paragraphs', () => {
    expect(rules('a\n\n' + '-'.repeat(7_000_000) + '\n\nb\n')).toEqual([]);
  });

  it("3,500,000 `= ` on one line (docutils' simple table top pattern repeats a group)", () => {
    expect(rules('= '.repeat(3_500_000) + '\n')).toEqual(['1:malformed-table']);
  });

  it('a simple table border line of 2,000,000 `=` ending in another character (no quadratic backtracking)', () => {
    // as docutils reads it with 20 `=`: the table runs into the line, so it has no blank line after it
    expect(rules('=== ===\na   b\n=== ===\n' + '='.repeat(2_000_000) + 'x\n')).toEqual(['1:malformed-table', '4:blank-line-after-table']);
  });

  it('a substitution marker never closed over 1,000,000 lines (each line joined is scanned once, not the whole text again)', () => {
    // as docutils reads it: the marker is looked for over every line, then one warning after the block
    expect(rules('.. |a\n' + '  b\n'.repeat(1_000_000) + '\nAfter.\n')).toEqual(['1000002:malformed-substitution-definition']);
    expect(rules('.. |a\n' + '  b\n'.repeat(1_000_000) + '  c| image:: x.png\n')).toEqual([]);
  });

  it('through the CLI `tables`: 7,000,000 `+` is read, no table found', async () => {
    const dir = project({ 'page.rst': '+'.repeat(7_000_000) + '\n' });
    const result = await run(['tables', 'page.rst', '--format', 'json'], dir);
    expect(result.stderr).not.toContain('Maximum call stack');
    expect(result.code).toBe(0);
  });
});

describe('blow-ups (issue 12 1(d)): at most MAX_MESSAGES_PER_RULE messages of one rule per page', () => {
  const MAX = MAX_MESSAGES_PER_RULE;
  const marks = (groups: number) => '*`_|:'.repeat(groups) + '\n';

  it('1 MB of unclosed inline markup `*`_|:`: the first messages as docutils gives them, then one count of the others', () => {
    // two problems per group (`*` and `` ` ``): a page of MAX / 2 groups is just at the limit
    const atLimit = fromRst(marks(MAX / 2), { skeleton: false }).messages;
    expect(atLimit).toHaveLength(MAX);
    expect(new Set(atLimit.map((m) => m.ruleId))).toEqual(new Set(['inline-markup']));
    const root = fromRst(marks(200_000), { skeleton: false });
    expect(root.messages).toHaveLength(MAX + 1);
    expect(root.messages.slice(0, MAX)).toEqual(atLimit);
    expect(root.messages[MAX]).toEqual({
      level: 2,
      type: 'WARNING',
      line: 1,
      column: (MAX / 2) * 5 + 1,
      message: `399000 more \`inline-markup\` messages from this line on are not shown: only the first ${MAX} messages of a rule are kept per page.`,
      ruleId: 'too-many-messages',
    });
  });

  it('the text is what docutils reads, however many problems are left out (body, table cell, document tree)', () => {
    const text = '*a '.repeat(MAX + 500).trimEnd();
    const body = fromRst(`${text}\n`, { skeleton: false, document: true });
    expect(body.messages.map((m) => m.ruleId)).toEqual([...Array<string>(MAX).fill('inline-markup'), 'too-many-messages']);
    const paragraph = body.document?.children[0];
    expect(paragraph?.type === 'paragraph' && paragraph.text).toBe(text);
    const inline = paragraph?.type === 'paragraph' ? paragraph.inline : [];
    // a problematic node for each message kept; past the limit the start-strings are text
    expect(inline.filter((n) => n.type === 'problematic')).toHaveLength(MAX);
    expect(inline.map((n) => n.value).join('')).toBe(text);
    const width = text.length + 2;
    const table = `+${'-'.repeat(width)}+\n| ${text} |\n+${'-'.repeat(width)}+\n`;
    const root = fromRst(table, { skeleton: false });
    const t = root.children[0];
    expect(t?.type === 'table' && t.cells.map((c) => c.text)).toEqual([text]);
    expect(t?.type === 'table' && t.messages).toHaveLength(MAX);
    expect(root.messages).toHaveLength(MAX + 1);
  });

  it('each rule has its own limit; messages made by the block parser are limited too', () => {
    // `unexpected-unindent` for each list, one `inline-markup` for the `*`
    const root = fromRst('- a\nb\n\n'.repeat(MAX + 7) + '*x\n', { skeleton: false });
    const count = (id: string) => root.messages.filter((m) => m.ruleId === id).length;
    expect([count('unexpected-unindent'), count('inline-markup'), count('too-many-messages')]).toEqual([MAX, 1, 1]);
    expect(root.messages.at(-1)?.message).toMatch(/^7 more `unexpected-unindent` messages/);
    expect(root.messages.at(-1)?.line).toBe(3 * MAX + 2);
  });

  it('on a large page, a table is made compact as soon as it is read (without a document tree), and reads as with the tree: nested, titled, with messages', () => {
    // the inner tables are finished (and compacted) before the cells around them are read; `.. table::` titles
    // its table after; a cell's list-table holds a compacted grid table; messages inside cells stay the table's
    const text = `.. table:: Outer *title*

   +---------------------+-------------+
   | +-------+---------+ | *unclosed   |
   | | inner | =  =    | |             |
   | |       | a  b    | |             |
   | |       | =  =    | |             |
   | +-------+---------+ |             |
   +---------------------+-------------+

.. list-table::

   * - +---+
       | x |
       +---+
     - \`open

.. ${'x'.repeat(LARGE_PAGE)}
`;
    const plain = fromRst(text, { skeleton: false });
    const withTree = fromRst(text, { skeleton: false, document: true });
    expect(plain.children).toEqual(withTree.children);
    expect(plain.messages).toEqual(withTree.messages);
    const tables = plain.children.filter((n) => n.type === 'table');
    expect(tables.map((t) => [t.index, t.kind, t.title, t.messages.length])).toEqual([
      [0, 'grid', 'Outer title', 1],
      [1, 'grid', null, 0],
      [2, 'simple', null, 0],
      [3, 'list-table', null, 1],
      [4, 'grid', null, 0],
    ]);
    expect(tables[0]?.cells[0]?.text).toBe('inner a b');
  });

  it('200,000 tiny simple tables: each one read', () => {
    const root = fromRst('=== ===\na   b\n=== ===\n\n'.repeat(200_000), { skeleton: false });
    expect(root.messages).toEqual([]);
    expect(root.children).toHaveLength(200_000);
  });
});
