/**
 * The public document tree (`fromRst(text, { document: true }).document`):
 * labels, inline references, literal blocks, lists; and the plain output
 * unchanged by document mode.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fromRst } from '../../src/parse/index.js';
import type { Position, RstBlock, RstDocument, RstInline, RstTableNode } from '../../src/parse/index.js';
import { seedText } from '../cli/helpers.js';
import { mutated, randomRst } from '../fuzz/property.js';

const PAGE = [
  '.. _topic_1:',
  '',
  'Querying Things',
  '===============',
  '',
  '.. _para_1:',
  '',
  'This API queries **things**. See :ref:`Table 2 <Tab_2>`.',
  '',
  '.. table:: **Table 1** Parameters',
  '',
  '   +-------+------------------------------+',
  '   | Name  | Type                         |',
  '   +=======+==============================+',
  '   | tags  | Array of :ref:`tag <tag_1>`  |',
  '   |       | objects                      |',
  '   +-------+------------------------------+',
  '',
  '.. _tab_2:',
  '',
  '.. table:: **Table 2** items',
  '',
  '   ===== ======',
  '   a     b',
  '   ===== ======',
  '   x     y',
  '   ===== ======',
  '',
  'Example::',
  '',
  '   {"a": 1}',
  '',
  '.. code-block:: json',
  '',
  '   {"b": 2}',
  '',
  '-  **ACTIVE**: running',
  '-  **DOWN**: stopped',
  '',
].join('\n');

function doc(text: string): RstDocument {
  const d = fromRst(text, { skeleton: false, document: true }).document;
  if (!d) throw new Error('no document');
  return d;
}

function* blocks(nodes: readonly RstBlock[], intoTable: (t: RstTableNode) => boolean = () => true): Generator<RstBlock> {
  for (const n of nodes) {
    yield n;
    if (n.type === 'table' && intoTable(n)) for (const c of n.cells) yield* blocks(c.children, intoTable);
    if ('children' in n) yield* blocks(n.children as RstBlock[], intoTable);
  }
}

function refs(nodes: readonly RstInline[]): RstInline[] {
  return nodes.filter((n) => n.type === 'reference');
}

describe('document tree', () => {
  it('attaches labels to the next element, as docutils PropagateTargets does', () => {
    const d = doc(PAGE);
    expect(d.labels.map((l) => [l.name, l.nodeType, l.position.start.line])).toEqual([
      ['topic_1', 'section', 1],
      ['para_1', 'paragraph', 6],
      ['tab_2', 'table', 19],
    ]);
    const all = [...blocks(d.children)];
    expect(all.find((b) => b.labels?.includes('tab_2'))).toMatchObject({ type: 'table', title: 'Table 2 items', index: 1 });
    expect(all.find((b) => b.labels?.includes('topic_1'))).toMatchObject({ type: 'section', title: 'Querying Things', depth: 1 });
  });

  it('keeps :ref: targets in paragraphs and cells, normalised as Sphinx resolves them', () => {
    const all = [...blocks(doc(PAGE).children)];
    const paragraphs = all.filter((b) => b.type === 'paragraph');
    const found = paragraphs.flatMap((p) => (p.type === 'paragraph' ? refs(p.inline) : []));
    expect(found).toMatchObject([
      { type: 'reference', role: 'ref', value: 'Table 2', target: 'tab_2', explicit: true, position: { start: { line: 8, column: 34 } } },
      { type: 'reference', role: 'ref', value: 'tag', target: 'tag_1', explicit: true, position: { start: { line: 15, column: 23 } } },
    ]);
  });

  it('keeps literal blocks verbatim with their language', () => {
    const lits = [...blocks(doc(PAGE).children)].filter((b) => b.type === 'literalBlock');
    expect(lits).toMatchObject([
      { text: '{"a": 1}', language: null, directive: null, position: { start: { line: 31, column: 4 } } },
      { text: '{"b": 2}', language: 'json', directive: 'code-block', position: { start: { line: 33, column: 1 } } },
    ]);
  });

  it('reads **VALUE**: meaning bullets as list items with strong inline nodes', () => {
    const list = [...blocks(doc(PAGE).children)].find((b) => b.type === 'list');
    expect(list).toMatchObject({ type: 'list', ordered: false, bullet: '-' });
    const items = list?.type === 'list' ? list.children : [];
    expect(items.map((i) => (i.children[0]?.type === 'paragraph' ? i.children[0].inline.map((n) => [n.type, n.value]) : null))).toEqual([
      [
        ['strong', 'ACTIVE'],
        ['text', ': running'],
      ],
      [
        ['strong', 'DOWN'],
        ['text', ': stopped'],
      ],
    ]);
  });

  it('changes nothing else in the parse result', () => {
    const plain = fromRst(PAGE, { skeleton: false });
    const withDoc = fromRst(PAGE, { skeleton: false, document: true });
    const { document, ...rest } = withDoc;
    expect(document).toBeDefined();
    expect(JSON.stringify(rest)).toBe(JSON.stringify(plain));
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  });

  it('with cellBlocks: false, leaves the cells without blocks and changes nothing outside them', () => {
    const full = fromRst(PAGE, { skeleton: false, document: true });
    const lean = fromRst(PAGE, { skeleton: false, document: true, cellBlocks: false });
    const { document: fullDoc, ...fullRest } = full;
    const { document: leanDoc, ...leanRest } = lean;
    expect(leanRest).toEqual(fullRest);
    const tables = [...blocks(leanDoc!.children)].filter((b): b is RstTableNode => b.type === 'table');
    expect(tables.length).toBeGreaterThan(0);
    expect(tables.flatMap((t) => t.cells.map((c) => c.children.length))).toEqual(tables.flatMap((t) => t.cells.map(() => 0)));
    // the same tree once the cells' blocks are taken out of the full one
    const emptied = JSON.parse(JSON.stringify(fullDoc), (key: string, value: unknown) =>
      value !== null && typeof value === 'object' && (value as { type?: unknown }).type === 'cell' ? { ...value, children: [] } : value,
    ) as RstDocument;
    expect(leanDoc).toEqual(emptied);
  });

  it('with cellBlocks: false, lists no label written inside a cell, and still gives its name to the node after it', () => {
    const page = ['+------+--------------+', '| a    | .. _in_cell: |', '+------+--------------+', '', 'After the table.', ''].join('\n');
    const full = fromRst(page, { skeleton: false, document: true }).document!;
    const lean = fromRst(page, { skeleton: false, document: true, cellBlocks: false }).document!;
    expect(full.labels.map((l) => [l.name, l.nodeType])).toEqual([['in_cell', 'paragraph']]);
    expect(lean.labels).toEqual([]);
    const paragraph = (d: RstDocument) => [...blocks(d.children)].find((b) => b.type === 'paragraph' && b.text === 'After the table.');
    expect(paragraph(lean)).toMatchObject({ text: 'After the table.', labels: ['in_cell'] });
    expect(paragraph(lean)).toEqual(paragraph(full));
  });

  it('never throws on random and mutated pages, keeps every position inside the input, and leaves the plain output alone', () => {
    const check = (text: string): void => {
      const plain = fromRst(text, { skeleton: false });
      const { document, ...rest } = fromRst(text, { skeleton: false, document: true });
      expect(JSON.stringify(rest)).toBe(JSON.stringify(plain));
      expect(document).toBeDefined();
      const lines = text.split(/\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/).length;
      const bad: string[] = [];
      JSON.stringify(document, (key, value: unknown) => {
        if (key === 'position' || key === 'nodePosition') {
          const p = value as Position;
          for (const point of [p.start, p.end]) {
            if (!(point.line >= 1 && point.line <= lines + 1 && point.column >= 1)) bad.push(`${key} ${JSON.stringify(p)}`);
          }
        }
        return value;
      });
      expect(bad).toEqual([]);
    };
    fc.assert(fc.property(randomRst, check), { numRuns: 100 });
    fc.assert(fc.property(mutated(seedText), check), { numRuns: 100 });
  });

  it('positions every inline node on its markup in the source (fixtures)', () => {
    const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'parse', 'document');
    const OPEN: Partial<Record<RstInline['type'], RegExp>> = {
      strong: /^\*\*/,
      emphasis: /^\*[^*]/,
      literal: /^(``|:code:`)/,
      reference: /^(:[\w:.+-]+:`|`|[\w.+-])/,
      footnoteReference: /^\[/,
      citationReference: /^\[/,
      substitutionReference: /^\|/,
      inlineTarget: /^_`/,
    };
    let checked = 0;
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.rst'))) {
      const text = readFileSync(path.join(dir, name), 'utf8');
      const lines = text.split('\n');
      const at = (p: Position['start']) => (lines[p.line - 1] ?? '').slice(p.column - 1);
      const inlines: RstInline[] = [];
      // csv-table cells are left out: their text is the CSV value (quotes resolved), placed at the field's start
      for (const b of blocks(doc(text).children, (t) => t.kind !== 'csv-table')) {
        if (b.type === 'paragraph') inlines.push(...b.inline);
        if (b.type === 'section') inlines.push(...b.titleInline);
        if (b.type === 'table' && b.titleInline) inlines.push(...b.titleInline);
      }
      for (const n of inlines) {
        const source = at(n.position.start);
        const open = OPEN[n.type];
        if (n.type === 'text' && !n.value.includes('\\') && !n.value.includes('\n')) {
          // plain text: the source holds it as it is, unless an escape was dropped
          if (!source.startsWith(n.value) && !source.includes('\\')) throw new Error(`${name}: text ${JSON.stringify(n.value)} at ${JSON.stringify(source)}`);
        } else if (open && !open.test(source)) {
          throw new Error(`${name}: ${n.type} ${JSON.stringify(n.value)} at ${JSON.stringify(source.slice(0, 30))}`);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
