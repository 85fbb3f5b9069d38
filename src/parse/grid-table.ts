/**
 * Grid tables: a port of docutils 0.19's `Body.isolate_grid_table`,
 * `Body.table` / `malformed_table` (parsers/rst/states.py) and
 * `GridTableParser` (parsers/rst/tableparser.py).
 *
 * Given the lines below, starting at the top border,
 *
 *   +------------+----------+      <- firstLine
 *   | Code       | Meaning  |
 *   +============+==========+      <- head/body separator: 1 header row
 *   | 200        | OK       |
 *   +------------+----------+
 *   | 404        | Not      |
 *   |            | found.   |
 *   +------------+----------+      <- lastLine
 *
 * it yields
 *
 *   { kind: 'grid', colwidths: [12, 10], headerRows: 1, rows: 3, columns: 2,
 *     cells: [ {row: 0, col: 0, rowspan: 1, colspan: 1, content: ['Code']},
 *              {row: 0, col: 1, ..., content: ['Meaning']},
 *              {row: 1, col: 0, ..., content: ['200']}, ...
 *              {row: 2, col: 1, ..., content: ['Not', 'found.']} ] }
 *
 * with every content line's source line and column. Cells are found by
 * docutils' corner tracing: from a queue of top-left corners (processed in
 * top-to-bottom, left-to-right order), trace right along the top border to a
 * `+`, down to a `+`, left back to the starting column, up to the start; the
 * new cell's top-right and bottom-left corners join the queue. Every text
 * column must be covered from top to bottom, else the table is malformed.
 */
import { SourceLines } from './lines.js';
import type { CellBlock, TableScan, TableStructure } from './table-structure.js';
import { systemMessage } from './rules.js';
import type { SystemMessage } from './types.js';
import { columnIndex, originalSlice, padLine, skipSpaces, stripLine, utf16Offset, type PaddedLine } from './text-width.js';
import { isBlank, isPyWs } from './block-text.js';

/** docutils' `Body.grid_table_top_pat`. */
export const GRID_TABLE_TOP = /^\+-[-+]+-\+ *$/;
const GRID_HEAD_BODY_SEP = /^\+=[=+]+=\+ *$/;
/** A line of `+` and `-` only (a row border, or the head/body separator once dashed). */
const BORDER_LINE = /^[-+]*$/;
const PLUS = 0x2b;
const BAR = 0x7c;
const DASH = 0x2d;

/** A `TableMarkupError`: docutils' detail text and its line offset from the table's first line. */
export interface TableMarkupError {
  detail: string;
  offset: number;
}

/**
 * The source line docutils reports for a message at state-machine line index
 * `index` (its `line_offset` arithmetic): StateMachine.get_source_and_line
 * looks the index up in its input lines with Python indexing, so a negative
 * index (possible after isolate_grid_table steps back) wraps around to the
 * end of the input, as it does in docutils. With `unwrapped`, an index
 * outside `src` gives the line counted on from `start` instead (≤ 0 or past
 * the end): for a table in a nested block, whose caller re-lines the message
 * against the whole document (docutils' reporter looks lines up in the root
 * state machine, not in the nested one).
 */
function messageAt(src: SourceLines, index: number, start: number, call: TableRuleCall, unwrapped = false): SystemMessage {
  const count = src.lines.length;
  if (unwrapped && (index < 0 || index >= count)) return tableMessage(call, (src.lineNumbers[start] ?? 1) + index - start, src.columns[start] ?? 1);
  const wrapped = index < 0 ? index + count : index;
  if (wrapped === count && count > 0) {
    // "just past the end": docutils reports the line after the last one
    return tableMessage(call, (src.lineNumbers[count - 1] ?? 0) + 1, src.columns[count - 1] ?? 1);
  }
  const at = wrapped >= 0 && wrapped < count ? wrapped : start;
  return tableMessage(call, src.lineNumbers[at] ?? 1, src.columns[at] ?? 1);
}

type TableRuleCall = { rule: 'malformed-table'; detail: string } | { rule: 'blank-line-after-table' };

function tableMessage(call: TableRuleCall, line: number, column: number): SystemMessage {
  return call.rule === 'malformed-table'
    ? systemMessage('malformed-table', { detail: call.detail }, line, column)
    : systemMessage('blank-line-after-table', {}, line, column);
}

/**
 * docutils' `malformed_table`: "Malformed table." (+ "\n" + detail), level 3,
 * at `abs_line_number() - len(block) + 1 + offset`, where the state machine
 * stands on `current` (an index in `src.lines`).
 */
export function malformedTable(
  src: SourceLines,
  start: number,
  current: number,
  blockLength: number,
  detail: string,
  offset: number,
  unwrapped = false,
): SystemMessage {
  return messageAt(src, current - blockLength + 1 + offset, start, { rule: 'malformed-table', detail }, unwrapped);
}

/** docutils' `table_top` warning when the table is not followed by a blank line. */
export function blankLineWarning(src: SourceLines, start: number, current: number, unwrapped = false): SystemMessage {
  return messageAt(src, current + 1, start, { rule: 'blank-line-after-table' }, unwrapped);
}

/**
 * statemachine.StringList.get_2D_block (then `replace(pad, '')`): the text of
 * block lines [top, bottom) between padded columns [left, right), each line
 * right-stripped, the common indentation removed — as docutils hands a cell
 * to nested_parse — with each line's source line and column. `block[k]` is
 * `src.lines[srcStart + k]`. Like docutils, `left`/`right` are re-mapped
 * through utils.column_indices line after line (combining characters).
 */
export function get2DBlock(
  src: SourceLines,
  block: readonly PaddedLine[],
  srcStart: number,
  top: number,
  left: number,
  bottom: number,
  right: number,
): SourceLines {
  // Arrays of the exact size: a grid table has a block per cell, and
  // arrays grown by push() would allocate several times what they hold.
  const count = Math.max(0, bottom - top);
  const starts = new Array<number>(count);
  const ends = new Array<number>(count);
  let indent = right;
  for (let k = 0; k < count; k += 1) {
    const line = block[top + k]!;
    left = columnIndex(line, left);
    right = columnIndex(line, right);
    const text = line.text;
    const a = Math.min(left, text.length);
    const e = cellLineEnd(text, a, Math.max(a, Math.min(right, text.length)));
    if (e > a) indent = Math.min(indent, skipSpaces(text, a) - a);
    starts[k] = a;
    ends[k] = e;
  }
  const strip = indent > 0 && indent < right ? indent : 0;
  const lines = new Array<string>(count);
  const lineNumbers = new Array<number>(count);
  const columns = new Array<number>(count);
  for (let k = 0; k < count; k += 1) {
    const line = block[top + k]!;
    const e = ends[k]!;
    const a = Math.min(starts[k]! + strip, e);
    const text = originalSlice(line, a, e);
    // a line that was only spaces and NULs (right-stripped before the NULs went, as in docutils) is blank
    // to docutils' state machine (` *$`): made empty here, where the machine looks for an empty line
    lines[k] = text.charCodeAt(text.length - 1) === 32 && /^ +$/.test(text) ? '' : text;
    lineNumbers[k] = src.lineNumbers[srcStart + top + k] ?? 0;
    columns[k] = (src.columns[srcStart + top + k] ?? 1) + utf16Offset(line, a);
  }
  return new SourceLines(lines, lineNumbers, columns);
}

/**
 * Where Python's `rstrip()` ends `text[a:e]`. A cell line is mostly the
 * padding up to the column's border: the native `trimEnd` skips it (JS
 * whitespace is Python's plus U+FEFF, which Python keeps: the strip stops
 * after the last one), then Python's own whitespace is stripped one
 * character at a time (U+001C-U+001F and U+0085 are not JS whitespace).
 */
function cellLineEnd(text: string, a: number, e: number): number {
  let end = e;
  if (end > a && text.charCodeAt(end - 1) === 32) {
    end = a + text.slice(a, e).trimEnd().length;
    if (end < e && text.slice(end, e).includes('\uFEFF')) end = text.lastIndexOf('\uFEFF', e - 1) + 1;
  }
  while (end > a && isPyWs(text.charCodeAt(end - 1))) end -= 1;
  return end;
}

/** A binary min-heap of numbers (docutils keeps a sorted list and pops its head). */
class MinHeap {
  private readonly items: number[] = [];
  get size(): number {
    return this.items.length;
  }
  push(value: number): void {
    const items = this.items;
    let i = items.push(value) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[parent]! <= value) break;
      items[i] = items[parent]!;
      i = parent;
    }
    items[i] = value;
  }
  pop(): number {
    const items = this.items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= items.length) break;
        const r = l + 1;
        const child = r < items.length && items[r]! < items[l]! ? r : l;
        if (items[child]! >= last) break;
        items[i] = items[child]!;
        i = child;
      }
      items[i] = last;
    }
    return top;
  }
}

/**
 * The traced cells, in tracing order: each cell's corners (line and column
 * of its top-left and bottom-right `+`) four numbers apiece, and its
 * content. (Flat arrays rather than an object per cell: a big table has
 * tens of thousands of cells, all alive until the table is built.)
 */
interface TracedCells {
  corners: number[];
  contents: SourceLines[];
}

interface GridParse {
  colwidths: number[];
  headerRows: number;
  rows: number;
  columns: number;
  cells: CellBlock[];
}

/**
 * A head/body separator (`GRID_HEAD_BODY_SEP`: `+`, runs of `=`, trailing
 * spaces) with its `=` made `-`, as docutils' `replace('=', '-')` does: a
 * run at a time (`replaceAll` made a piece per character).
 */
function dashed(separator: string): string {
  let out = '';
  let from = 0;
  for (let i = separator.indexOf('+'); i >= 0; i = separator.indexOf('+', i + 1)) {
    out += `${'-'.repeat(i - from)}+`;
    from = i + 1;
  }
  return out + separator.slice(from);
}

/** tableparser.GridTableParser.parse on an isolated block (lines stripped, all of one width). */
function parseGrid(src: SourceLines, srcStart: number, isolated: readonly PaddedLine[]): GridParse | TableMarkupError {
  // find_head_body_sep
  const block = isolated.slice();
  let headBodySep: number | null = null;
  for (let i = 0; i < block.length; i += 1) {
    const line = block[i]!;
    if (GRID_HEAD_BODY_SEP.test(line.text)) {
      if (headBodySep !== null && headBodySep !== 0) {
        return {
          detail: `Multiple head/body row separators (table lines ${headBodySep + 1} and ${i + 1}); only one allowed.`,
          offset: i,
        };
      }
      headBodySep = i;
      block[i] = { ...line, text: dashed(line.text) };
    }
  }
  if (headBodySep === 0 || headBodySep === block.length - 1) {
    return {
      detail: 'The head/body row separator may not be the first or last line of the table.',
      offset: block.length - 1,
    };
  }

  // parse_table: corner tracing
  const text = block.map((line) => line.text);
  const bottomLine = block.length - 1;
  const rightCol = text[0]!.length - 1;
  const done = new Int32Array(text[0]!.length).fill(-1);
  // docutils' rowseps / colseps dicts, as flags per line / per column
  const rowseps = new Uint8Array(bottomLine + 1);
  const colseps = new Uint8Array(rightCol + 1);
  rowseps[0] = 1;
  colseps[0] = 1;
  const cells: TracedCells = { corners: [], contents: [] };
  const stride = rightCol + 1;
  const corners = new MinHeap();
  corners.push(0);
  const newRowseps: number[] = [];
  const newColseps: number[] = [];
  // A border line of only `+` and `-` (most are): scanned along by looking for its `+`s (native indexOf), as
  // every other character of it is a `-`. 0: not known yet, 1: such a line, 2: another.
  const borderKind = new Uint8Array(bottomLine + 1);
  const isBorder = (row: number): boolean => {
    if (borderKind[row] === 0) borderKind[row] = text[row]!.length === rightCol + 1 && BORDER_LINE.test(text[row]!) ? 1 : 2;
    return borderKind[row] === 1;
  };

  const scanUp = (top: number, left: number, bottom: number): boolean => {
    const mark = newRowseps.length;
    for (let i = bottom - 1; i > top; i -= 1) {
      const c = text[i]!.charCodeAt(left);
      if (c === PLUS) newRowseps.push(i);
      else if (c !== BAR) {
        newRowseps.length = mark;
        return false;
      }
    }
    return true;
  };
  const scanLeft = (top: number, left: number, bottom: number, right: number): boolean => {
    const line = text[bottom]!;
    const mark = newColseps.length;
    if (isBorder(bottom)) {
      for (let i = line.lastIndexOf('+', right - 1); i > left; i = line.lastIndexOf('+', i - 1)) newColseps.push(i);
    } else {
      for (let i = right - 1; i > left; i -= 1) {
        const c = line.charCodeAt(i);
        if (c === PLUS) newColseps.push(i);
        else if (c !== DASH) {
          newColseps.length = mark;
          return false;
        }
      }
    }
    if (line.charCodeAt(left) !== PLUS || !scanUp(top, left, bottom)) {
      newColseps.length = mark;
      return false;
    }
    return true;
  };
  const scanDown = (top: number, left: number, right: number): number | null => {
    const mark = newRowseps.length;
    for (let i = top + 1; i <= bottomLine; i += 1) {
      const c = text[i]!.charCodeAt(right);
      if (c === PLUS) {
        newRowseps.push(i);
        if (scanLeft(top, left, i, right)) return i;
      } else if (c !== BAR) break;
    }
    newRowseps.length = mark;
    return null;
  };
  const scanRight = (top: number, left: number): { bottom: number; right: number } | null => {
    const line = text[top]!;
    if (isBorder(top)) {
      for (let i = line.indexOf('+', left + 1); i >= 0 && i <= rightCol; i = line.indexOf('+', i + 1)) {
        newColseps.push(i);
        const bottom = scanDown(top, left, i);
        if (bottom !== null) return { bottom, right: i };
      }
      return null;
    }
    for (let i = left + 1; i <= rightCol; i += 1) {
      const c = line.charCodeAt(i);
      if (c === PLUS) {
        newColseps.push(i);
        const bottom = scanDown(top, left, i);
        if (bottom !== null) return { bottom, right: i };
      } else if (c !== DASH) return null;
    }
    return null;
  };

  while (corners.size > 0) {
    const corner = corners.pop();
    const top = Math.floor(corner / stride);
    const left = corner - top * stride;
    if (top === bottomLine || left === rightCol || top <= done[left]!) continue;
    newRowseps.length = 0;
    newColseps.length = 0;
    const found = text[top]![left] === '+' ? scanRight(top, left) : null;
    if (found === null) continue;
    const { bottom, right } = found;
    for (const r of newRowseps) rowseps[r] = 1;
    for (const c of newColseps) colseps[c] = 1;
    // mark_done (docutils asserts each column was seen exactly up to `top`)
    for (let col = left; col < right; col += 1) {
      if (done[col] !== top - 1) return { detail: 'Malformed table; parse incomplete.', offset: 0 };
      done[col] = bottom - 1;
    }
    cells.corners.push(top, left, bottom, right);
    cells.contents.push(get2DBlock(src, block, srcStart, top + 1, left + 1, bottom, right));
    corners.push(top * stride + right);
    corners.push(bottom * stride + left);
  }
  for (let col = 0; col < rightCol; col += 1) {
    if (done[col] !== bottomLine - 1) return { detail: 'Malformed table; parse incomplete.', offset: 0 };
  }

  // structure_from_cells
  const rowIndex = separatorIndex(rowseps);
  const colIndex = separatorIndex(colseps);
  const colwidths: number[] = [];
  for (let col = 1, previous = 0; col <= rightCol; col += 1) {
    if (colseps[col] === 1) {
      colwidths.push(col - previous - 1);
      previous = col;
    }
  }
  const rows = rowIndex.count - 1;
  const columns = colIndex.count - 1;
  let remaining = rows * columns;
  // docutils' rows x columns grid of slots (it allocates the same)
  const used = new Uint8Array(Math.max(0, rows * columns));
  const out = new Array<CellBlock>(cells.contents.length);
  for (let i = 0; i < out.length; i += 1) {
    const top = cells.corners[4 * i]!;
    const left = cells.corners[4 * i + 1]!;
    const bottom = cells.corners[4 * i + 2]!;
    const right = cells.corners[4 * i + 3]!;
    const row = rowIndex.of[top]!;
    const col = colIndex.of[left]!;
    if (used[row * columns + col] === 1) {
      return { detail: `Cell (row ${row + 1}, column ${col + 1}) already used.`, offset: 0 };
    }
    used[row * columns + col] = 1;
    const rowspan = rowIndex.of[bottom]! - row;
    const colspan = colIndex.of[right]! - col;
    remaining -= rowspan * colspan;
    out[i] = { row, col, rowspan, colspan, content: cells.contents[i]! };
  }
  if (remaining !== 0) return { detail: 'Unused cells remaining.', offset: 0 };
  const headIndex = headBodySep !== null && headBodySep !== 0 ? rowIndex.of[headBodySep]! : -1;
  const headerRows = headIndex >= 0 ? headIndex : 0;
  return { colwidths, headerRows, rows, columns, cells: out };
}

/**
 * For separator flags (1 = a separator at that line / column), the rank of
 * each separator among them (docutils' rowindex / colindex; -1 where there
 * is none) and how many there are.
 */
function separatorIndex(flags: Uint8Array): { of: Int32Array; count: number } {
  const of = new Int32Array(flags.length).fill(-1);
  let count = 0;
  for (let i = 0; i < flags.length; i += 1) if (flags[i] === 1) of[i] = count++;
  return { of, count };
}

/**
 * Scans the grid table whose top border is `src.lines[start]` (the caller has
 * matched `GRID_TABLE_TOP`). Port of docutils' `Body.table` with
 * `isolate_grid_table` and `GridTableParser`, messages and all:
 *
 * - "Unexpected indentation." (level 3) when an indented line ends the block;
 * - "Malformed table." (+ detail) when the block is not a valid grid table;
 * - "Blank line required after table." (level 2) when the table does not end
 *   the text block.
 *
 * `next` is where docutils' state machine goes on, which is inside the block
 * when the bottom border had to be searched for (docutils steps back one line
 * too many there, and so does this port).
 */
export function scanGridTable(src: SourceLines, start: number, unwrapped = false): TableScan {
  const messages: SystemMessage[] = [];
  let blankFinish = true;
  // state_machine.get_text_block(flush_left=True)
  let end = start;
  while (end < src.lines.length) {
    const line = src.lines[end]!;
    if (isBlank(line)) break;
    if (line[0] === ' ' && end > start) {
      const column = (src.columns[end] ?? 1) + skipSpaces(line);
      messages.push(systemMessage('unexpected-indentation', {}, src.lineNumbers[end] ?? 1, column));
      blankFinish = false;
      break;
    }
    end += 1;
  }
  if (end === start) {
    // Not called on a table top: nothing to scan.
    return { next: start + 1, table: null, messages, blankFinish: true };
  }
  let current = end - 1;
  let block = src.lines.slice(start, end).map((line) => padLine(line));
  const width = stripLine(block[0]!).text.length;
  block = block.map((line) => stripLine(line));
  for (let i = 0; i < block.length; i += 1) {
    const first = block[i]!.text[0];
    if (first !== '+' && first !== '|') {
      blankFinish = false;
      current -= block.length - i;
      block = block.slice(0, i);
      break;
    }
  }
  const finish = (table: TableStructure | null): TableScan => {
    if (!blankFinish) messages.push(blankLineWarning(src, start, current, unwrapped));
    return { next: current + 1, table, messages, blankFinish };
  };
  if (!GRID_TABLE_TOP.test(block[block.length - 1]!.text)) {
    blankFinish = false;
    let found = false;
    for (let i = block.length - 2; i > 1; i -= 1) {
      if (GRID_TABLE_TOP.test(block[i]!.text)) {
        current -= block.length - i + 1;
        block = block.slice(0, i + 1);
        found = true;
        break;
      }
    }
    if (!found) {
      messages.push(malformedTable(src, start, current, block.length, '', 0, unwrapped));
      return finish(null);
    }
  }
  for (const line of block) {
    const last = line.text[line.text.length - 1];
    if (line.text.length !== width || (last !== '+' && last !== '|')) {
      messages.push(malformedTable(src, start, current, block.length, '', 0, unwrapped));
      return finish(null);
    }
  }
  const parsed = parseGrid(src, start, block);
  if ('detail' in parsed) {
    messages.unshift(malformedTable(src, start, current, block.length, parsed.detail, parsed.offset, unwrapped));
    return finish(null);
  }
  return finish({
    kind: 'grid',
    ...parsed,
    firstLine: start,
    lastLine: start + block.length - 1,
  });
}
