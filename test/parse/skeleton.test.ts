import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fromRst } from '../../src/parse/index.js';
import { maskTables, SKELETON_MAX_CHARS } from '../../src/parse/skeleton.js';
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
    expect(outline(root.children)).toEqual([
      { section: 'Title', children: [{ paragraph: 'Intro text.' }, { directive: 'note', children: [{ table: 8 }] }] },
    ]);
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
});
