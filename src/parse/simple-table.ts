/**
 * Simple tables: a port of docutils 0.19's `Body.isolate_simple_table`
 * (parsers/rst/states.py) and `SimpleTableParser` (parsers/rst/tableparser.py).
 *
 * Given the lines below, starting at the top border,
 *
 *   =====  ===========      <- firstLine; columns [0, 5) and [7, 18)
 *   Code   Meaning
 *   =====  ===========      <- head/body separator: 1 header row
 *   200    OK
 *   404    Not found,
 *          try again.       <- first column blank: continuation line
 *   Both columns of a span
 *   ------------------      <- column span underline: the row above spans 2
 *   500    Server error that overflows the last column
 *   =====  ===========      <- lastLine (the last column is unbounded)
 *
 * it yields
 *
 *   { kind: 'simple', colwidths: [5, 43], headerRows: 1, rows: 5, columns: 2,
 *     cells: [ {row: 0, col: 0, colspan: 1, content: ['Code']}, ...
 *              {row: 2, col: 1, content: ['Not found,', 'try again.']},
 *              {row: 3, col: 0, colspan: 2, content: ['Both columns of a span']}, ... ] }
 *
 * Columns come from the top border; a row starts at each line whose first
 * column is not blank and ends at the next such line, at a `---` underline
 * (which may join columns) or at the bottom border. Text in the gap between
 * two columns is an error; text past the last column widens it.
 */
import type { SourceLines } from './lines.js';
import type { CellBlock, TableScan } from './table-structure.js';
import type { SystemMessage } from './types.js';
import { blankLineWarning, get2DBlock, malformedTable, type TableMarkupError } from './grid-table.js';
import { padLine, rstripEnd, skipSpaces, stripCombining, type PaddedLine } from './text-width.js';
import { isBlank } from './block-text.js';

/** docutils' `Body.simple_table_top_pat`. */
/** (the block parser uses the linear test in states/patterns.ts: this one backtracks per repetition) */
export const SIMPLE_TABLE_TOP = /^=+( +=+)+ *$/;
// `^=+[ =]*$` in docutils: the same language, but backtracking between `=+` and `[ =]*` is quadratic on a long run of `=` that ends otherwise
const SIMPLE_TABLE_BORDER = /^=[ =]*$/;
const SIMPLE_HEAD_BODY_SEP = /^=[ =]*$/;
const SPAN = /^-[ -]*$/;

interface Column {
  start: number;
  end: number;
}

interface Row {
  /** Index in the block of the row's first line. */
  offset: number;
  cells: { colspan: number; content: SourceLines }[];
}

interface SimpleParse {
  colwidths: number[];
  headerRows: number;
  rows: number;
  columns: number;
  cells: CellBlock[];
}

class MarkupError {
  constructor(readonly error: TableMarkupError) {}
}

/** Python `text.strip() != ''` for `text[start:end]`. */
function hasText(text: string, start: number, end: number): boolean {
  const from = Math.min(start, text.length);
  const to = Math.min(end, text.length);
  return from < to && skipSpaces(text.slice(from, to)) < to - from;
}

/** tableparser.SimpleTableParser.parse on an isolated block. */
function parseSimple(src: SourceLines, srcStart: number, isolated: readonly PaddedLine[]): SimpleParse {
  const block = isolated.slice();
  const last = block.length - 1;
  // setup: top & bottom borders become column span underlines
  block[0] = { ...block[0]!, text: block[0]!.text.replaceAll('=', '-') };
  block[last] = { ...block[last]!, text: block[last]!.text.replaceAll('=', '-') };

  // find_head_body_sep
  let headBodySep: number | null = null;
  for (let i = 0; i < block.length; i += 1) {
    const line = block[i]!;
    if (SIMPLE_HEAD_BODY_SEP.test(line.text)) {
      if (headBodySep !== null && headBodySep !== 0) {
        throw new MarkupError({
          detail: `Multiple head/body row separators (table lines ${headBodySep + 1} and ${i + 1}); only one allowed.`,
          offset: i,
        });
      }
      headBodySep = i;
      block[i] = { ...line, text: line.text.replaceAll('=', '-') };
    }
  }
  if (headBodySep === 0 || headBodySep === last) {
    throw new MarkupError({
      detail: 'The head/body row separator may not be the first or last line of the table.',
      offset: last,
    });
  }

  let columns: Column[] = [];
  let borderEnd = 0;
  const table: Row[] = [];

  const parseColumns = (line: string, offset: number): Column[] => {
    const cols: Column[] = [];
    let end = 0;
    for (;;) {
      const begin = line.indexOf('-', end);
      if (begin < 0) break;
      end = line.indexOf(' ', begin);
      if (end < 0) end = line.length;
      cols.push({ start: begin, end });
    }
    if (columns.length > 0) {
      const lastCol = cols[cols.length - 1]!;
      if (lastCol.end !== borderEnd) {
        throw new MarkupError({ detail: `Column span incomplete in table line ${offset + 1}.`, offset });
      }
      // Allow for an unbounded rightmost column:
      cols[cols.length - 1] = { start: lastCol.start, end: columns[columns.length - 1]!.end };
    }
    return cols;
  };

  const checkColumns = (lines: readonly PaddedLine[], firstLine: number, cols: Column[]): void => {
    const lastCol = cols.length - 1;
    const texts = lines.map((line) => (line.hasCombining ? stripCombining(line.text) : line.text));
    for (let i = 0; i < cols.length; i += 1) {
      const { start, end } = cols[i]!;
      const nextStart = i + 1 < cols.length ? cols[i + 1]!.start : Infinity;
      texts.forEach((text, offset) => {
        if (i === lastCol && hasText(text, end, Infinity)) {
          const newEnd = rstripEnd(text, Math.min(start, text.length));
          const main = columns[columns.length - 1]!;
          cols[i] = { start, end: Math.max(main.end, newEnd) };
          if (newEnd > main.end) columns[columns.length - 1] = { start: main.start, end: newEnd };
        } else if (hasText(text, end, nextStart)) {
          throw new MarkupError({
            detail: `Text in column margin in table line ${firstLine + offset + 1}.`,
            offset: firstLine + offset,
          });
        }
      });
    }
  };

  const initRow = (colspec: readonly Column[], offset: number): number[] => {
    let i = 0;
    const spans: number[] = [];
    for (const { start, end } of colspec) {
      let morecols = 0;
      if (i >= columns.length || start !== columns[i]!.start) {
        throw new MarkupError({ detail: `Column span alignment problem in table line ${offset + 2}.`, offset: offset + 1 });
      }
      while (end !== columns[i]!.end) {
        i += 1;
        morecols += 1;
        if (i >= columns.length) {
          throw new MarkupError({ detail: `Column span alignment problem in table line ${offset + 2}.`, offset: offset + 1 });
        }
      }
      spans.push(morecols + 1);
      i += 1;
    }
    return spans;
  };

  const parseRow = (first: number, stop: number, spanLine: { text: string; offset: number } | null): void => {
    if (first >= stop && spanLine === null) return; // no new row, just blank lines
    const lines = block.slice(first, Math.max(first, stop));
    const cols = spanLine !== null ? parseColumns(spanLine.text, spanLine.offset) : columns.slice();
    checkColumns(lines, first, cols);
    const spans = initRow(cols, first);
    table.push({
      offset: first,
      cells: cols.map(({ start, end }, i) => ({
        colspan: spans[i]!,
        content: get2DBlock(src, block, srcStart, first, start, first + lines.length, end),
      })),
    });
  };

  // parse_table
  columns = parseColumns(block[0]!.text, 0);
  borderEnd = columns[columns.length - 1]!.end;
  const { start: firstStart, end: firstEnd } = columns[0]!;
  let start = 1;
  let textFound = false;
  for (let offset = 1; offset < block.length; offset += 1) {
    const line = block[offset]!.text;
    if (SPAN.test(line)) {
      // Column span underline or border; row is complete.
      parseRow(start, offset, { text: line.slice(0, rstripEnd(line)), offset });
      start = offset + 1;
      textFound = false;
    } else if (hasText(line, firstStart, firstEnd)) {
      // First column not blank, therefore it's a new row.
      if (textFound && offset !== start) parseRow(start, offset, null);
      start = offset;
      textFound = true;
    } else if (!textFound) {
      start = offset + 1;
    }
  }

  // structure_from_cells
  let firstBodyRow = 0;
  if (headBodySep !== null && headBodySep !== 0) {
    const index = table.findIndex((row) => row.offset > headBodySep!);
    if (index >= 0) firstBodyRow = index;
  }
  const cells: CellBlock[] = [];
  table.forEach((row, r) => {
    let col = 0;
    for (const cell of row.cells) {
      cells.push({ row: r, col, rowspan: 1, colspan: cell.colspan, content: cell.content });
      col += cell.colspan;
    }
  });
  return {
    colwidths: columns.map(({ start: s, end }) => end - s),
    headerRows: firstBodyRow,
    rows: table.length,
    columns: columns.length,
    cells,
  };
}

/**
 * Scans the simple table whose top border is `src.lines[start]` (the caller
 * has matched `SIMPLE_TABLE_TOP`). Port of docutils' `Body.table` with
 * `isolate_simple_table` and `SimpleTableParser`: the table ends at the
 * second border after the top, or at a border followed by a blank line or
 * the end of the input. Problems become "Malformed table." messages (level 3)
 * with docutils' detail and line, never exceptions; "Blank line required
 * after table." (level 2) when the bottom border is followed by text.
 */
export function scanSimpleTable(src: SourceLines, start: number, unwrapped = false): TableScan {
  const lines = src.lines;
  const limit = lines.length - 1;
  const topLength = lines[start]!.trim().length;
  const messages: SystemMessage[] = [];
  const blankAfter = (i: number): boolean => i === limit || isBlank(lines[i + 1]!);
  const finish = (current: number, blankFinish: boolean, table: TableScan['table']): TableScan => {
    if (!blankFinish) messages.push(blankLineWarning(src, start, current, unwrapped));
    return { next: current + 1, table, messages, blankFinish };
  };

  // isolate_simple_table
  let found = 0;
  let foundAt = -1;
  let end = -1;
  for (let i = start + 1; i <= limit; i += 1) {
    const line = lines[i]!;
    if (!SIMPLE_TABLE_BORDER.test(line)) continue;
    if (line.trim().length !== topLength) {
      messages.push(malformedTable(src, start, i, i - start + 1, 'Bottom/header table border does not match top border.', 0, unwrapped));
      return finish(i, blankAfter(i), null);
    }
    found += 1;
    foundAt = i;
    if (found === 2 || blankAfter(i)) {
      end = i;
      break;
    }
  }
  if (end < 0) {
    const current = found > 0 ? foundAt : limit;
    const extra = found > 0 ? ' or no blank line after table bottom' : '';
    messages.push(malformedTable(src, start, current, current - start + 1, `No bottom table border found${extra}.`, 0, unwrapped));
    return finish(current, found === 0, null);
  }

  const block = lines.slice(start, end + 1).map((line) => padLine(line));
  let table: TableScan['table'] = null;
  try {
    const parsed = parseSimple(src, start, block);
    table = { kind: 'simple', ...parsed, firstLine: start, lastLine: end };
  } catch (error) {
    if (!(error instanceof MarkupError)) throw error;
    messages.push(malformedTable(src, start, end, block.length, error.error.detail, error.error.offset, unwrapped));
  }
  return finish(end, blankAfter(end), table);
}
