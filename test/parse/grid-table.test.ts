import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPyWs } from '../../src/parse/block-text.js';
import { fileLines, SourceLines } from '../../src/parse/lines.js';
import { GRID_TABLE_TOP, scanGridTable } from '../../src/parse/grid-table.js';
import { SIMPLE_TABLE_TOP, scanSimpleTable } from '../../src/parse/simple-table.js';
import { corpusPages, readOracle, readPage, sharedPresent } from '../helpers/corpus.js';
import { fixtureTests, fixturesDir } from './fixture-runner.js';
import { docutilsLines } from './table-oracle.js';

const lines = (text: string): SourceLines => fileLines(docutilsLines(text));

describe('scanGridTable against docutils (fixtures)', () => {
  fixtureTests('grid-');
});

describe('scanGridTable', () => {
  it('gives each content line its source line and UTF-16 column, wide characters included', () => {
    const src = lines(readFileSync(path.join(fixturesDir, 'grid-wide.rst'), 'utf8'));
    const table = scanGridTable(src, 0).table!;
    expect(table.colwidths).toEqual([8, 10]);
    const meaning = table.cells.find((c) => c.row === 0 && c.col === 1)!;
    expect(meaning.content).toEqual({ lines: ['含义'], lineNumbers: [2], columns: [10] });
    const astral = table.cells.find((c) => c.row === 2 && c.col === 0)!;
    expect(astral.content).toEqual({ lines: ['𠀀x'], lineNumbers: [6], columns: [3] });
    const combining = table.cells.find((c) => c.row === 2 && c.col === 1)!;
    // docutils re-maps the cell's right edge past the combining character: the border comes along
    expect(combining.content.lines).toEqual(['t̆ab     |']);
    expect(combining.content.columns).toEqual([12]);
  });

  it('keeps positions of a table nested in an indented block', () => {
    const src = new SourceLines(['+---+----+', '| a |  b |', '|   |  c |', '+---+----+'], [10, 11, 12, 13], [4, 4, 4, 4]);
    const scan = scanGridTable(src, 0);
    expect(scan.table!.firstLine).toBe(0);
    expect(scan.table!.lastLine).toBe(3);
    expect(scan.table!.cells[1]!.content).toEqual({ lines: ['b', 'c'], lineNumbers: [11, 12], columns: [11, 11] });
    expect(scan.table!.cells[0]!.content).toEqual({ lines: ['a', ''], lineNumbers: [11, 12], columns: [6, 5] });
    expect(scan).toMatchObject({ next: 4, blankFinish: true, messages: [] });
  });

  it('steps back into the block when it had to search for the bottom border, as docutils does', () => {
    const src = lines('+---+\n| a |\n+---+\n| b |\n+---+\n| c\ntext\n');
    const scan = scanGridTable(src, 0);
    expect(scan.table!.rows).toBe(2);
    expect(scan.table!.lastLine).toBe(4);
    expect(scan.next).toBe(3); // docutils goes on at `| b |`, inside the table
    expect(scan.blankFinish).toBe(false);
    expect(scan.messages).toEqual([
      { level: 2, type: 'WARNING', line: 4, column: 1, message: 'Blank line required after table.', ruleId: 'blank-line-after-table' },
    ]);
  });

  it('reports at the line docutils computes, wrapping a negative index around as Python does', () => {
    // docutils 0.19 reports this table's "Malformed table." at line 6 (state line -1 -> input_lines[-2])
    const src = lines('+----+\n|   |\n| a +\n|   |\n+---+\n| a |\n---+\n');
    const scan = scanGridTable(src, 0);
    expect(scan.table).toBeNull();
    expect(scan.messages.map((m) => [m.line, m.message])).toEqual([
      [6, 'Malformed table.'],
      [4, 'Blank line required after table.'],
    ]);
  });

  it('rejects a table on which docutils itself fails an assertion, without throwing', () => {
    const src = lines(readFileSync(path.join(fixturesDir, 'grid-docutils-assert.rst'), 'utf8'));
    const scan = scanGridTable(src, 0);
    expect(scan.table).toBeNull();
    expect(scan.messages[0]).toMatchObject({ level: 3, line: 1, ruleId: 'malformed-table' });
  });

  // Speed (10,000 vs 20,000 rows, a 100,000-column cell) is measured by `npm run bench`
  // (cases big-10k, big-20k, wide-cell); here only what these inputs read to.
  it('reads a 20,000-row table row by row', () => {
    const border = '+' + '-'.repeat(20) + '+' + '-'.repeat(20) + '+' + '-'.repeat(20) + '+' + '-'.repeat(20) + '+';
    const out = [border];
    for (let r = 0; r < 20_000; r += 1) {
      out.push(`| ${String(r).padEnd(19)}| value ${String(r).padEnd(13)}| more text here     | and the last one   |`);
      out.push(border);
    }
    const table = scanGridTable(fileLines(out), 0).table!;
    expect(table.rows).toBe(20_000);
    expect(table.cells[4 * 19_999]!.content).toMatchObject({ lines: ['19999'], lineNumbers: [39_999 + 1] });
  });

  it('reads a mostly blank cell 100,000 columns wide', () => {
    // Right-stripping each cell line once went back over the whole run of
    // trailing spaces for every space removed: 100,000 columns took minutes.
    const width = 100_000;
    const border = `+${'-'.repeat(width)}+`;
    const src = fileLines([border, `| x${' '.repeat(width - 2)}|`, `|${' '.repeat(width)}|`, border]);
    const table = scanGridTable(src, 0).table!;
    expect(table.colwidths).toEqual([width]);
    expect(table.cells[0]!.content.lines).toEqual(['x', '']);
  });

  it("right-strips each cell line as Python's rstrip() does: U+FEFF kept, U+001F stripped", () => {
    // characters JS and Python class differently as whitespace (U+001C-U+001E and U+0085, the others, break lines), and ones both count
    const piece = fc.constantFrom('a', 'b', ' ', '\uFEFF', '\x1f', '\xa0', '\u2003');
    const pyRstrip = (t: string): string => {
      let end = t.length;
      while (end > 0 && isPyWs(t.charCodeAt(end - 1))) end--;
      return t.slice(0, end);
    };
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (chars) => {
        const text = chars.join('');
        const width = text.length + 4;
        const border = `+${'-'.repeat(width)}+`;
        const src = fileLines([border, `| x${text}${' '.repeat(width - 2 - text.length)}|`, border]);
        const table = scanGridTable(src, 0).table!;
        expect(table.cells[0]!.content.lines).toEqual([pyRstrip(`x${text}`)]);
      }),
      { numRuns: 400 },
    );
  });
});

describe.skipIf(!sharedPresent('grid/simple table corpus test'))('tables of the status-and-error-codes corpus', () => {
  it('have the rows, columns, spans, widths and header rows docutils finds', () => {
    let compared = 0;
    for (const page of corpusPages()) {
      const file = page.file;
      const oracle = readOracle<{
        tables: {
          kind: string;
          line: number;
          rows: number;
          columns: number;
          header_rows: number;
          colwidths: number[];
          cells: { row: number; col: number; rowspan: number; colspan: number }[];
        }[];
      }>(page);
      const all = docutilsLines(readPage(page).replace(/^\uFEFF/, ''));
      for (const expected of oracle.tables.filter((t) => t.kind === 'grid' || t.kind === 'simple')) {
        const i = expected.line - 1;
        const indent = all[i]!.length - all[i]!.trimStart().length;
        let end = i;
        while (end < all.length && (all[end]!.trim() === '' || all[end]!.length - all[end]!.trimStart().length >= indent)) end += 1;
        const src = new SourceLines(
          all.slice(i, end).map((l) => l.slice(indent)),
          all.slice(i, end).map((_, k) => i + k + 1),
          all.slice(i, end).map(() => indent + 1),
        );
        const top = src.lines[0]!;
        expect(GRID_TABLE_TOP.test(top) || SIMPLE_TABLE_TOP.test(top)).toBe(true);
        const table = (GRID_TABLE_TOP.test(top) ? scanGridTable(src, 0) : scanSimpleTable(src, 0)).table;
        expect({
          file,
          line: expected.line,
          rows: table?.rows,
          columns: table?.columns,
          headerRows: table?.headerRows,
          colwidths: table?.colwidths,
          cells: table?.cells.map(({ row, col, rowspan, colspan }) => ({ row, col, rowspan, colspan })),
        }).toEqual({
          file,
          line: expected.line,
          rows: expected.rows,
          columns: expected.columns,
          headerRows: expected.header_rows,
          colwidths: expected.colwidths,
          cells: expected.cells.map(({ row, col, rowspan, colspan }) => ({ row, col, rowspan, colspan })),
        });
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});
