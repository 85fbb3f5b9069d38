/**
 * Which table is which: a status-code table, an error-code table, or
 * neither — and which column holds what. Headers are matched against
 * synonym lists, and every guess is checked against the column's values, so
 * neither the column order nor the exact header wording matters:
 *
 *   | Status Code | Description |      "Status Code" + values `200 OK` -> status column
 *   | 200 OK      | Normal ...  |      "Description" -> description
 *
 *   | Status Code | Description | Meaning |   "Description" holds `OK`, `Bad Request`:
 *   | 200         | OK          | ...     |   its values make it the phrase column
 *
 *   | Error Code | Status Code | Error | Description | Solution |
 *   | Cdm.0000   | 400         | ...   | ...         | ...      |  -> error table
 */
import type { RstCell, RstTable } from '../parse/types.js';
import { isErrorCodeShaped, isNoValue, isStatusLike } from './cells.js';
import { isKnownPhrase } from './http-status.js';

/** One slot of the table grid: the cell covering it, and whether it is the cell's top-left slot. */
interface Slot {
  cell: RstCell;
  /** False when the slot is covered by a cell spanning from above or from the left. */
  origin: boolean;
}

/** The table as rows of slots; `rows[r][c]` is undefined only for a malformed table's holes. */
export interface Grid {
  rows: Array<Array<Slot | undefined>>;
  columns: number;
}

/** Builds the row/column grid once (O(cells × span)), so rows are read without scanning all cells. */
export function buildGrid(table: RstTable): Grid {
  // A loop, not Math.max(...cells): spreading 100,000+ cells overflows the call stack.
  let rowCount = table.rows;
  let columns = table.columns;
  for (const c of table.cells) {
    rowCount = Math.max(rowCount, c.row + c.rowspan);
    columns = Math.max(columns, c.col + c.colspan);
  }
  // loops, not Array.from({ length }), whose generic path was much of the model's time on a page of tiny tables
  const rows: Array<Array<Slot | undefined>> = [];
  for (let r = 0; r < rowCount; r++) rows.push(new Array<Slot | undefined>(columns).fill(undefined));
  for (const cell of table.cells) {
    for (let r = cell.row; r < cell.row + Math.max(1, cell.rowspan); r++) {
      const row = rows[r];
      if (!row) continue;
      for (let c = cell.col; c < cell.col + Math.max(1, cell.colspan); c++) {
        row[c] = { cell, origin: r === cell.row && c === cell.col };
      }
    }
  }
  return { rows, columns };
}

/** The model fields a column can feed. */
interface Columns {
  /** Status code (status table) or HTTP status (error table). */
  status: number | null;
  phrase: number | null;
  description: number | null;
  errorCode: number | null;
  message: number | null;
  solution: number | null;
}

export interface TableReading {
  kind: 'status' | 'error' | 'other' | 'unreadable';
  /** Header text per column (header rows joined), "" when the table has none. */
  header: string[];
  /** Index of the first body row. */
  firstBodyRow: number;
  /** True when the table has no header row and its first row was read as one. */
  promotedHeader: boolean;
  columns: Columns;
  /** Columns of a code table that feed no field (Module, Category…). */
  ignored: number[];
}

/** Header text reduced for matching: "HTTP Status Code(s):" -> "http status code s". */
function headerKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();
}

const set = (...items: string[]): ReadonlySet<string> => new Set(items);

const STATUS_H = set(
  'status code',
  'status codes',
  'http status code',
  'http status codes',
  'http status',
  'status code s',
  'returned value',
  'returned values',
  'return value',
  'return code',
  'returned code',
  'response code',
  'response codes',
  'normal response code',
  'error response code',
  'http code',
  'http response code',
  'http return code',
  'http status code s',
);
const ERROR_H = set('error code', 'error codes', 'error type', 'service error code', 'error id', 'error code s', 'errorcode');
const MESSAGE_H = set('error message', 'error messages', 'message', 'error information', 'error info', 'error msg', 'information', 'error', 'error details');
const DESCRIPTION_H = set(
  'description',
  'descriptions',
  'error description',
  'error code description',
  'possible cause',
  'possible causes',
  'cause',
  'causes',
  'meaning',
  'state description',
  'status description',
  'explanation',
  'details',
  'detail',
  'remarks',
  'remark',
  'note',
  'notes',
);
const SOLUTION_H = set(
  'solution',
  'solutions',
  'handling measure',
  'handling measures',
  'measure',
  'measures',
  'troubleshooting',
  'handling method',
  'handling suggestion',
  'suggestion',
  'suggestions',
  'resolution',
  'action',
  'actions',
  'recommended action',
  'fix',
  'workaround',
  'handling',
);
const PHRASE_H = set(
  'message',
  'name',
  'type',
  'encoding',
  'message title',
  'reason phrase',
  'phrase',
  'status',
  'code',
  'reason',
  'status name',
  'code name',
  'title',
  'status message',
  'description',
);
const ANY_H: ReadonlySet<string> = new Set([
  ...STATUS_H,
  ...ERROR_H,
  ...MESSAGE_H,
  ...DESCRIPTION_H,
  ...SOLUTION_H,
  ...PHRASE_H,
  'module',
  'category',
  'service',
]);

/** Text of the slot at row r, column c ("" when empty or covered by a span). */
export function slotText(grid: Grid, r: number, c: number): string {
  const slot = grid.rows[r]?.[c];
  return slot?.origin ? slot.cell.text.trim() : '';
}

interface ColumnStats {
  nonEmpty: number;
  status: number;
  errorShaped: number;
  knownPhrase: number;
  /** Cells of at most 5 words with no sentence punctuation. */
  short: number;
}

function columnStats(grid: Grid, c: number, firstBodyRow: number): ColumnStats {
  const stats: ColumnStats = { nonEmpty: 0, status: 0, errorShaped: 0, knownPhrase: 0, short: 0 };
  for (let r = firstBodyRow; r < grid.rows.length; r++) {
    const text = slotText(grid, r, c);
    if (text === '' || isNoValue(text)) continue;
    stats.nonEmpty++;
    if (isStatusLike(text)) stats.status++;
    if (isErrorCodeShaped(text)) stats.errorShaped++;
    if (isKnownPhrase(text)) stats.knownPhrase++;
    if (text.split(/\s+/).length <= 5 && !/[.;:!?]$/.test(text)) stats.short++;
  }
  return stats;
}

const ratio = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);

/**
 * Classifies a table and maps its columns to model fields, by header
 * synonyms checked against values. Pure; never throws.
 */
export function classifyTable(table: RstTable, grid: Grid = buildGrid(table)): TableReading {
  const columns = grid.columns;
  let firstBodyRow = Math.min(table.headerRows, grid.rows.length);
  let header: string[] = [];
  for (let c = 0; c < columns; c++) {
    const parts: string[] = [];
    for (let r = 0; r < firstBodyRow; r++) {
      const text = slotText(grid, r, c);
      if (text !== '') parts.push(text);
    }
    header.push(parts.join(' '));
  }
  let promotedHeader = false;
  if (firstBodyRow === 0 && grid.rows.length > 1) {
    const first: string[] = [];
    for (let c = 0; c < columns; c++) first.push(slotText(grid, 0, c));
    const named = first.filter((t) => ANY_H.has(headerKey(t))).length;
    const coded = first.filter((t) => isStatusLike(t)).length;
    if (named >= 2 && coded === 0) {
      header = first;
      firstBodyRow = 1;
      promotedHeader = true;
    }
  }
  const keys = header.map(headerKey);
  const stats: ColumnStats[] = [];
  for (let c = 0; c < columns; c++) stats.push(columnStats(grid, c, firstBodyRow));
  const empty: Columns = { status: null, phrase: null, description: null, errorCode: null, message: null, solution: null };

  // Status column: mostly status-shaped values; a status header wins ties.
  const statusCandidates = stats
    .map((s, c) => ({ c, score: ratio(s.status, s.nonEmpty), named: STATUS_H.has(keys[c] ?? '') }))
    .filter((x) => x.score >= 0.5 && !ERROR_H.has(keys[x.c] ?? ''));
  statusCandidates.sort((a, b) => Number(b.named) - Number(a.named) || b.score - a.score || a.c - b.c);
  const status = statusCandidates[0]?.c ?? null;

  // Error-code column: named by its header, or (weakly named / unnamed) made of error-code tokens.
  let errorCode: number | null = null;
  for (let c = 0; c < columns && errorCode === null; c++) {
    if (c !== status && ERROR_H.has(keys[c] ?? '') && (stats[c]?.nonEmpty ?? 0) > 0) errorCode = c;
  }
  for (let c = 0; c < columns && errorCode === null; c++) {
    const s = stats[c];
    if (c === status || !s || s.nonEmpty === 0) continue;
    const key = keys[c] ?? '';
    const weak = key === 'code' || key === '';
    if (weak && ratio(s.errorShaped, s.nonEmpty) >= 0.6 && ratio(s.knownPhrase, s.nonEmpty) < 0.5) errorCode = c;
  }

  const taken = new Set<number>();
  if (status !== null) taken.add(status);
  if (errorCode !== null) taken.add(errorCode);
  const firstFree = (names: ReadonlySet<string>): number | null => {
    for (let c = 0; c < columns; c++) if (!taken.has(c) && names.has(keys[c] ?? '')) return c;
    return null;
  };
  const claim = (c: number | null): number | null => {
    if (c !== null) taken.add(c);
    return c;
  };
  const finish = (kind: TableReading['kind'], cols: Columns): TableReading => ({
    kind,
    header,
    firstBodyRow,
    promotedHeader,
    columns: cols,
    ignored: kind === 'status' || kind === 'error' ? Array.from({ length: columns }, (_, c) => c).filter((c) => !taken.has(c)) : [],
  });

  if (errorCode !== null) {
    // A status column whose cells are all `N/A` or empty is still the status column.
    const cols: Columns = { ...empty, errorCode, status: status ?? claim(firstFree(STATUS_H)) };
    cols.message = claim(firstFree(MESSAGE_H));
    cols.description = claim(firstFree(DESCRIPTION_H));
    cols.solution = claim(firstFree(SOLUTION_H));
    if (keys.every((k) => k === '')) {
      // No header at all: remaining text columns in order are message, description, solution.
      const rest = Array.from({ length: columns }, (_, c) => c).filter((c) => !taken.has(c));
      if (rest.length === 1) cols.description = claim(rest[0] ?? null);
      else [cols.message, cols.description, cols.solution] = [claim(rest[0] ?? null), claim(rest[1] ?? null), claim(rest[2] ?? null)];
    }
    return finish('error', cols);
  }

  if (status !== null) {
    const cols: Columns = { ...empty, status };
    // Phrase column: mostly registered phrases; else a phrase-named column of short values.
    let phrase: number | null = null;
    let best = 0;
    for (let c = 0; c < columns; c++) {
      const s = stats[c];
      if (taken.has(c) || !s) continue;
      const score = ratio(s.knownPhrase, s.nonEmpty);
      if (score >= 0.5 && score > best) [phrase, best] = [c, score];
    }
    if (phrase === null) {
      for (let c = 0; c < columns && phrase === null; c++) {
        const s = stats[c];
        const key = keys[c] ?? '';
        if (!taken.has(c) && s && PHRASE_H.has(key) && !DESCRIPTION_H.has(key) && (s.nonEmpty === 0 || ratio(s.short, s.nonEmpty) >= 0.8)) phrase = c;
      }
    }
    cols.phrase = claim(phrase);
    cols.description = claim(firstFree(DESCRIPTION_H));
    if (cols.description === null) {
      // Any other column with text is the description ("Meaning", an unnamed column).
      for (let c = 0; c < columns && cols.description === null; c++) {
        if (!taken.has(c) && (stats[c]?.nonEmpty ?? 0) > 0 && !/^(module|category|service)$/.test(keys[c] ?? '')) cols.description = claim(c);
      }
    }
    return finish('status', cols);
  }

  const bodyRows = grid.rows.length - firstBodyRow;
  const namesStatus = keys.some((k) => STATUS_H.has(k));
  return finish(namesStatus && bodyRows > 0 ? 'unreadable' : 'other', empty);
}
