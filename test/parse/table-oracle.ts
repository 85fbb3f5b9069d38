/**
 * Test helper: reads an RST file the way docutils' state machine would at the
 * top level (tabs expanded, lines right-stripped), runs the table scanners on
 * every table top found where a body element may start, and renders what they
 * find in the oracle's JSON shape (rows, columns, spans, colwidths, header
 * rows; cell text as whitespace-collapsed content lines).
 */
import type { SourceLines } from '../../src/parse/lines.js';
import type { TableScan } from '../../src/parse/table-structure.js';
import { GRID_TABLE_TOP, scanGridTable } from '../../src/parse/grid-table.js';
import { SIMPLE_TABLE_TOP, scanSimpleTable } from '../../src/parse/simple-table.js';

interface OracleCell {
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
  text: string;
}
interface OracleTable {
  kind: string;
  line: number;
  header_rows: number;
  columns: number;
  rows: number;
  colwidths: number[];
  cells: OracleCell[];
}
interface OracleMessage {
  level: number;
  type: string;
  line: number;
  message: string;
}
export interface OracleJson {
  tables: OracleTable[];
  messages: OracleMessage[];
}

function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  let out = '';
  for (const ch of line) out += ch === '\t' ? ' '.repeat(8 - (out.length % 8)) : ch;
  return out;
}

/** docutils' string2lines for plain files. */
export function docutilsLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => expandTabs(line).replace(/[\s\uFEFF]+$/u, ''));
}

export interface Scanned {
  start: number;
  scan: TableScan;
}

/** Scans every top-level table (a table top at column 0 after a blank line or at the start). */
export function scanAll(src: SourceLines): Scanned[] {
  const out: Scanned[] = [];
  let i = 0;
  let previousBlank = true;
  while (i < src.lines.length) {
    const line = src.lines[i]!;
    if (previousBlank && (GRID_TABLE_TOP.test(line) || SIMPLE_TABLE_TOP.test(line))) {
      const scan = GRID_TABLE_TOP.test(line) ? scanGridTable(src, i) : scanSimpleTable(src, i);
      out.push({ start: i, scan });
      i = scan.next;
      previousBlank = scan.blankFinish;
      continue;
    }
    previousBlank = line.trim() === '';
    i += 1;
  }
  return out;
}

/** The scanners' findings in the oracle's shape. */
export function toOracleShape(src: SourceLines, scanned: readonly Scanned[]): OracleJson {
  const tables: OracleTable[] = [];
  const messages: OracleMessage[] = [];
  for (const { start, scan } of scanned) {
    if (scan.table) {
      const t = scan.table;
      tables.push({
        kind: t.kind,
        line: src.lineNumbers[start]!,
        header_rows: t.headerRows,
        columns: t.columns,
        rows: t.rows,
        colwidths: t.colwidths,
        cells: t.cells.map((c) => ({
          row: c.row,
          col: c.col,
          rowspan: c.rowspan,
          colspan: c.colspan,
          text: c.content.lines.join(' ').split(/\s+/u).filter(Boolean).join(' '),
        })),
      });
    }
    for (const m of scan.messages) messages.push({ level: m.level, type: m.type, line: m.line, message: m.message });
  }
  return { tables, messages };
}

/** Messages the table path itself produces (the oracle also lists later, unrelated ones). */
function tableMessages(messages: readonly OracleMessage[]): OracleMessage[] {
  return messages
    .filter((m) => /^(Malformed table\.|Blank line required after table\.|Unexpected indentation\.)/.test(m.message))
    .map((m) => ({ level: m.level, type: m.type, line: m.line, message: m.message }));
}

/**
 * The oracle's reading reduced to what the structure parsers decide: no cell
 * text where docutils made more than one paragraph (that is the block
 * parser's business), only table-path messages.
 */
export interface OracleFile {
  tables: (Omit<OracleTable, 'cells'> & { cells: (OracleCell & { blocks: string[] })[] })[];
  messages: OracleMessage[];
}

export function comparableOracle(json: OracleFile): OracleJson {
  return {
    tables: json.tables.map((t) => ({
      kind: t.kind,
      line: t.line,
      header_rows: t.header_rows,
      columns: t.columns,
      rows: t.rows,
      colwidths: t.colwidths,
      cells: t.cells.map((c) => ({
        row: c.row,
        col: c.col,
        rowspan: c.rowspan,
        colspan: c.colspan,
        text: c.blocks.length > 1 || (c.blocks.length === 1 && c.blocks[0] !== 'paragraph') ? '*' : c.text,
      })),
    })),
    messages: tableMessages(json.messages),
  };
}

/** Our reading, with the same cells' text masked as in `comparableOracle`. */
export function comparableMine(mine: OracleJson, oracle: OracleJson): OracleJson {
  return {
    tables: mine.tables.map((t, i) => ({
      ...t,
      cells: t.cells.map((c, k) => ({ ...c, text: oracle.tables[i]?.cells[k]?.text === '*' ? '*' : c.text })),
    })),
    messages: tableMessages(mine.messages),
  };
}
