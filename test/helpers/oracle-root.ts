/**
 * TEST-ONLY: turns docutils' reading of a page (the oracle JSON in
 * ../shared/corpus/oracle) into a flat RstRoot, for testing the model stage
 * before (or independently of) the parse stage.
 *
 * The oracle gives tables and cell texts but no cell positions. When the RST
 * source is passed, cell positions are recovered from it for tables without
 * spans: grid tables row by row between `+---+` borders and column by column
 * after each `|`; simple tables from the column borders. Otherwise (or when
 * the recovery does not add up) every cell is placed on the table's first
 * line — an approximation, clearly not a parser.
 *
 * Skeleton: tables inside a `.. table::` get an enclosing `table` directive;
 * there are no sections or list items (the oracle does not report them).
 */
import type { OracleTable as SourceOracleTable } from '../../src/parse/oracle-json.js';
import type { Position, RstCell, RstNode, RstRoot, RstTable, TableKind } from '../../src/parse/types.js';

/** The oracle's table as the model tests read it (src/parse/oracle-json.ts, with the kinds and lines every corpus table has). */
type OracleTable = Omit<SourceOracleTable, 'kind' | 'line' | 'messages'> & { kind: TableKind; line: number };

export interface OracleDoc {
  source: string;
  tables: OracleTable[];
}

const pos = (line: number, column: number, endLine = line, endColumn = column + 1): Position => ({
  start: { line, column },
  end: { line: endLine, column: endColumn },
});

/** Per row: its first source line; per (row, col): the column where the cell's slot starts. */
interface Layout {
  rowLines: number[];
  /** 1-based source column of each column's first interior character, per row. */
  colStarts: number[][];
}

function gridLayout(lines: readonly string[], table: OracleTable): Layout | null {
  const first = lines[table.line - 1];
  if (first === undefined) return null;
  const indent = first.search(/\S/);
  const rowLines: number[] = [];
  const colStarts: number[][] = [];
  for (let i = table.line - 1; i < lines.length; i++) {
    const text = lines[i] ?? '';
    const body = text.slice(indent);
    if (!/^[+|]/.test(body)) break;
    const isBorder = /^\+[-=+]*\+\s*$/.test(body);
    const previousWasBorder = i === table.line - 1 || /^\+[-=+]*\+\s*$/.test((lines[i - 1] ?? '').slice(indent));
    if (!isBorder && previousWasBorder) {
      rowLines.push(i + 1);
      const starts: number[] = [];
      for (let j = indent; j < text.length; j++) if (text[j] === '|') starts.push(j + 3);
      colStarts.push(starts);
    }
  }
  return rowLines.length === table.rows ? { rowLines, colStarts } : null;
}

function simpleLayout(lines: readonly string[], table: OracleTable): Layout | null {
  const border = lines[table.line - 1];
  if (border === undefined) return null;
  const starts: number[] = [];
  for (const m of border.matchAll(/=+/g)) starts.push((m.index ?? 0) + 1);
  const firstStart = starts[0];
  if (firstStart === undefined) return null;
  const rowLines: number[] = [];
  let borders = 0;
  const lastBorder = table.header_rows > 0 ? 3 : 2;
  for (let i = table.line; i < lines.length && borders < lastBorder - 1; i++) {
    const text = lines[i] ?? '';
    if (/^\s*=+(\s+=+)*\s*$/.test(text) && text.trim() !== '') {
      borders++;
      continue;
    }
    if (/^\s*-+(\s+-+)*\s*$/.test(text) && text.trim() !== '') continue;
    if (text.trim() === '') continue;
    if ((text[firstStart - 1] ?? ' ') !== ' ') rowLines.push(i + 1);
  }
  return rowLines.length === table.rows ? { rowLines, colStarts: rowLines.map(() => starts) } : null;
}

/** Builds the flat RstRoot of an oracle document; pass the RST text for real cell lines. */
export function oracleRoot(doc: OracleDoc, rst?: string): RstRoot {
  const lines = rst === undefined ? [] : rst.split(/\r?\n/);
  const children: RstNode[] = doc.tables.map((t): RstNode => {
    const hasSpans = t.cells.some((c) => c.rowspan > 1 || c.colspan > 1);
    const layout = rst === undefined || hasSpans ? null : t.kind === 'grid' ? gridLayout(lines, t) : t.kind === 'simple' ? simpleLayout(lines, t) : null;
    const cells: RstCell[] = t.cells.map((c) => {
      const line = layout?.rowLines[c.row] ?? t.line;
      const column = layout?.colStarts[c.row]?.[c.col] ?? 1;
      return {
        type: 'cell',
        row: c.row,
        col: c.col,
        rowspan: c.rowspan,
        colspan: c.colspan,
        text: c.text,
        blocks: c.blocks,
        position: pos(line, column, line, column + Math.max(1, c.text.length)),
      };
    });
    const table: RstTable = {
      type: 'table',
      kind: t.kind,
      index: t.index,
      line: t.line,
      directiveLine: t.directive_line,
      title: t.title,
      headerRows: t.header_rows,
      columns: t.columns,
      rows: t.rows,
      colwidths: t.colwidths,
      stubColumns: t.stub_columns,
      cells,
      messages: [],
      position: pos(t.line, 1, t.line, 2),
    };
    if (t.directive_line === null) return table;
    return { type: 'directive', name: 'table', argument: t.title ?? '', children: [table], position: pos(t.directive_line, 1) };
  });
  const lastLine = Math.max(1, lines.length);
  return { type: 'root', children, messages: [], position: pos(1, 1, lastLine, 1) };
}
