import { describe, expect, it } from 'vitest';
import { fileLines } from '../../src/parse/lines.js';
import { scanSimpleTable } from '../../src/parse/simple-table.js';
import { fixtureTests } from './fixture-runner.js';
import { docutilsLines } from './table-oracle.js';

describe('scanSimpleTable against docutils (fixtures)', () => {
  fixtureTests('simple-');
});

describe('scanSimpleTable', () => {
  it('gives continuation lines and the unbounded last column to the cell, with positions', () => {
    const src = fileLines(docutilsLines('Intro.\n\n===  ===\na    b\n     c d e f\n===  ===\n\nafter\n'));
    const scan = scanSimpleTable(src, 2);
    expect(scan.messages).toEqual([]);
    expect(scan.next).toBe(6);
    expect(scan.table).toMatchObject({ kind: 'simple', firstLine: 2, lastLine: 5, colwidths: [3, 7], rows: 1, columns: 2, headerRows: 0 });
    expect(scan.table!.cells[1]!.content).toEqual({ lines: ['b', 'c d e f'], lineNumbers: [4, 5], columns: [6, 6] });
  });

  it("reports text in a column margin at docutils' line, without throwing", () => {
    const src = fileLines(docutilsLines('===  ===\na    b\nabcdef g\n===  ===\n'));
    const scan = scanSimpleTable(src, 0);
    expect(scan.table).toBeNull();
    expect(scan.messages).toEqual([
      { level: 3, type: 'ERROR', line: 3, column: 1, message: 'Malformed table.\nText in column margin in table line 3.', ruleId: 'malformed-table' },
    ]);
  });
});
