/**
 * The contract between the table-structure parsers (grid-table.ts,
 * simple-table.ts) and the block parser (blocks.ts).
 *
 * The structure parsers port docutils' `Body.table()` path
 * (states.py: isolate_grid_table / isolate_simple_table, tableparser.py:
 * GridTableParser / SimpleTableParser): they find where the table ends, split
 * it into cells and report what docutils reports. They do not parse the cells'
 * contents: each cell's lines come back as `SourceLines`, which the block
 * parser then reads as a nested RST document, as docutils' nested_parse does.
 *
 *   scanGridTable(src, start)   called when src.lines[start] matches `+-...-+`
 *   scanSimpleTable(src, start) called when src.lines[start] matches `=== ===`
 */
import type { SourceLines } from './lines.js';
import type { SystemMessage } from './types.js';

export interface CellBlock {
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
  /** The cell's content lines, as docutils gives them to nested_parse (common indentation stripped, trailing spaces removed). */
  content: SourceLines;
}

export interface TableStructure {
  kind: 'grid' | 'simple';
  /** docutils' colwidths (characters between borders, East Asian wide = 2). */
  colwidths: number[];
  headerRows: number;
  /** Rows counting header rows. */
  rows: number;
  columns: number;
  /** Row-major, each cell once, at its top-left slot. */
  cells: CellBlock[];
  /** Index in `src.lines` of the first and last line of the table (borders included). */
  firstLine: number;
  lastLine: number;
}

export interface TableScan {
  /** Index in `src.lines` where the block parser continues. */
  next: number;
  /** The table, or null when docutils rejects it (then `messages` says why). */
  table: TableStructure | null;
  /**
   * What docutils reports for this table, with its level, line and text:
   * "Malformed table." + "\n" + detail (level 3, at the table's first line),
   * "Blank line required after table." (level 2), ...
   */
  messages: SystemMessage[];
  /** True when the table is followed by a blank line or the end of the block (docutils' blank_finish). */
  blankFinish: boolean;
}
