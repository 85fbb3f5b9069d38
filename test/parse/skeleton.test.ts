import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fromRst } from '../../src/parse/index.js';
import { BudgetedText, charsOutsideTables, maskTables, SKELETON_MAX_CHARS, SKELETON_MAX_STEPS } from '../../src/parse/skeleton.js';
import type { RstNode } from '../../src/parse/types.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const seed = path.join(repoRoot, 'seeds', 'cloud-backup-recovery', 'status_codes.rst');

function outline(nodes: readonly RstNode[]): unknown[] {
  return nodes.map((n) => {
    switch (n.type) {
      case 'section':
        return { section: n.title, children: outline(n.children) };
      case 'listItem':
        return { item: n.label, children: outline(n.children) };
      case 'directive':
        return { directive: n.name, children: outline(n.children) };
      case 'paragraph':
        return { paragraph: n.text };
      case 'table':
        return { table: n.line };
    }
  });
}

describe('skeleton', () => {
  it('hangs the seed tables under list items "Normal" / "Abnormal" of section "Status Codes"', () => {
    const root = fromRst(readFileSync(seed, 'utf8'));
    expect(outline(root.children)).toEqual([
      { paragraph: ':original_name: cbr_04_0020.html' },
      {
        section: 'Status Codes',
        children: [
          { item: 'Normal', children: [{ paragraph: 'Normal' }, { table: 10 }] },
          { item: 'Abnormal', children: [{ paragraph: 'Abnormal' }, { table: 24 }] },
        ],
      },
    ]);
  });

  it('lists tables flat with skeleton: false', () => {
    const root = fromRst(readFileSync(seed, 'utf8'), { skeleton: false });
    expect(root.children.map((c) => c.type)).toEqual(['table', 'table']);
  });

  it('masks a table region with a placeholder at its indentation', () => {
    const text = 'para\n\n   +---+\n   | a |\n   +---+\n\nafter\n';
    const root = fromRst(text, { skeleton: false });
    const table = root.children[0];
    expect(table?.type).toBe('table');
    const masked = maskTables(text.split('\n').slice(0, -1), root.children as never);
    expect(masked).toBe('para\n\n   RSTCODEGENTABLE\n\n\n\nafter\n');
  });

  it('attaches a table inside a directive and keeps paragraphs', () => {
    const root = fromRst('Title\n=====\n\nIntro text.\n\n.. note::\n\n   +---+\n   | a |\n   +---+\n');
    expect(outline(root.children)).toEqual([{ section: 'Title', children: [{ paragraph: 'Intro text.' }, { directive: 'note', children: [{ table: 8 }] }] }]);
  });

  it('does not give restructured a page too large for it: tables flat, with a warning', () => {
    const filler = 'Filler paragraph with *emphasis* and ``literal`` text.\n\n'.repeat(Math.ceil(SKELETON_MAX_CHARS / 50));
    const text = `Title\n=====\n\n-  Normal\n\n   +-----+\n   | 200 |\n   +-----+\n\n${filler}`;
    const root = fromRst(text);
    expect(root.children.map((c) => c.type)).toEqual(['table']);
    expect(root.messages.map((m) => [m.line, m.level, m.ruleId])).toEqual([[1, 2, 'skeleton-too-large']]);
    const small = fromRst(text.slice(0, text.indexOf('Filler')));
    expect(outline(small.children)).toEqual([{ section: 'Title', children: [{ item: 'Normal', children: [{ paragraph: 'Normal' }, { table: 6 }] }] }]);
  });

  it('counts the characters outside tables, not the placeholders and blank lines put in their place', () => {
    const table = '+-----+\n| 200 |\n+-----+\n';
    const text = `Title\n=====\n\n${table}\nText\n\n${table.repeat(1)}\n   ${table.replaceAll('\n', '\n   ')}\nEnd\n`;
    const lines = text.split('\n').slice(0, -1);
    const root = fromRst(text, { skeleton: false });
    const tables = root.children.filter((c) => c.type === 'table');
    expect(tables).toHaveLength(3);
    const outside = lines.filter((l) => !/^\s*[+|]/.test(l));
    expect(charsOutsideTables(lines, tables as never)).toBe(outside.join('\n').length + 1);
  });

  it('says how many characters are outside the tables when it refuses a page', () => {
    // Many small tables and little text: the tables do not count.
    const tables = Array.from({ length: 2_000 }, (_, i) => `+-----+\n| ${200 + (i % 300)} |\n+-----+\n`).join('\n');
    expect(fromRst(`Title\n=====\n\n${tables}`).messages.filter((m) => m.ruleId === 'skeleton-too-large')).toEqual([]);
    const text = `${'word '.repeat(SKELETON_MAX_CHARS / 5).trimEnd()}\n\n${tables}`;
    const refused = fromRst(text).messages.filter((m) => m.ruleId === 'skeleton-too-large');
    expect(refused.map((m) => m.message.match(/has (\d+) characters/)?.[1])).toEqual([String(SKELETON_MAX_CHARS - 1 + 2 + 1_999)]); // the first line, a blank one, one between each two tables
  });

  it('BudgetedText reads like the string and throws after the budget', () => {
    const text = new BudgetedText('abcdef', 4);
    expect([text.length, text.charAt(1), text.charCodeAt(2), text.substr(1, 2), text.substring(2, 5)]).toEqual([6, 'b', 99, 'bc', 'cde']);
    expect(text.steps).toBe(4);
    expect(() => text.charAt(0)).toThrow();
  });

  describe('gives up with a warning, tables flat, where restructured would take exponential time', () => {
    const staircase = (n: number) => Array.from({ length: n }, (_, i) => `${' '.repeat(i)}p\n\n`).join('');
    const table =
      'Codes\n=====\n\n-  Normal\n\n   =========== ===========\n   Status Code Description\n   =========== ===========\n   200         OK\n   =========== ===========\n\n';
    it.each([
      ['20 paragraphs each indented one space more (250 bytes)', staircase(20), 0],
      ['a status table plus 18 such lines', table + staircase(18), 1],
      ['200 such paragraphs', staircase(200), 0],
    ])('%s', (_name, text, tableCount) => {
      const root = fromRst(text);
      expect(root.messages.filter((m) => m.ruleId?.startsWith('skeleton')).map((m) => [m.line, m.level, m.ruleId])).toEqual([[1, 2, 'skeleton-too-complex']]);
      expect(root.messages.find((m) => m.ruleId === 'skeleton-too-complex')?.message).toContain(`${SKELETON_MAX_STEPS} parsing steps`);
      expect(root.children.map((c) => c.type)).toEqual(Array(tableCount).fill('table'));
    });

    it('a shallower staircase still gets its skeleton', () => {
      const root = fromRst(table + staircase(8));
      expect(root.messages.filter((m) => m.ruleId?.startsWith('skeleton'))).toEqual([]);
      expect(outline(root.children)[0]).toEqual({
        section: 'Codes',
        children: [{ item: 'Normal', children: [{ paragraph: 'Normal' }, { table: 6 }] }, ...Array(8).fill(expect.anything())],
      });
    });
  });
});
