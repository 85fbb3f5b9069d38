/**
 * The table directives (docutils' directives/tables.py):
 *
 *   .. table:: Title           a grid or simple table in the content, with a
 *      :widths: 20 80          title and column widths
 *
 *   .. list-table:: Title      a two-level bullet list: one item per row,
 *      :header-rows: 1         one sub-item per cell
 *
 *   .. csv-table:: Title       CSV data (content only: file and URL access
 *      :header: "Code", "Text" are refused, as the oracle runs docutils)
 *
 * list-table and csv-table check their data in their own order (docutils'),
 * then share the assembly of the table node (`assembleTable`).
 */
import { el, type CellData, type DNode, type TableData } from '../block-machine.js';
import { pySplitlines } from '../block-text.js';
import type { ParserContext } from '../context.js';
import { parseCsv, type CsvCell } from '../csv.js';
import { SourceLines } from '../lines.js';
import type { Position } from '../types.js';
import { addName, fail, makeTitle, spec, type DirectiveRun, type DirectiveSpec } from './common.js';
import type { RuleCall } from '../rules.js';
import {
  choice,
  classOption,
  encoding,
  flag,
  lengthOrPercentageOrUnitless,
  nonnegativeInt,
  path,
  positiveIntList,
  singleCharOrUnicode,
  singleCharOrWhitespaceOrUnicode,
  unchanged,
  uri,
  valueOr,
  type OptionSpec,
} from './options.js';

const align = choice(['left', 'center', 'right']);

const TABLE_OPTIONS: OptionSpec = {
  class: classOption,
  name: unchanged,
  align,
  width: (v: string | null) => lengthOrPercentageOrUnitless(v),
  widths: valueOr(['auto', 'grid'], positiveIntList),
};
const LIST_TABLE_OPTIONS: OptionSpec = {
  'header-rows': nonnegativeInt,
  'stub-columns': nonnegativeInt,
  width: (v: string | null) => lengthOrPercentageOrUnitless(v),
  widths: valueOr(['auto'], positiveIntList),
  class: classOption,
  name: unchanged,
  align,
};
const CSV_TABLE_OPTIONS: OptionSpec = {
  ...LIST_TABLE_OPTIONS,
  header: unchanged,
  file: path,
  url: uri,
  encoding,
  delim: singleCharOrWhitespaceOrUnicode,
  keepspace: flag,
  quote: singleCharOrUnicode,
  escape: singleCharOrUnicode,
};

/** RSTTable.run: the one table of the content, titled. */
function table(ctx: ParserContext, d: DirectiveRun): DNode[] {
  if (!d.content.length) {
    return fail(ctx, d, { rule: 'table-content-missing', args: { name: d.name } });
  }
  const { title, messages } = makeTitle(ctx, d);
  const node = el('element');
  ctx.nestedParse(d.content, d.contentOffset, node);
  const tableNode = node.children[0];
  if (node.children.length !== 1 || !tableNode || tableNode.tag !== 'table' || !tableNode.table) {
    return fail(ctx, d, { rule: 'directive-content-error', args: { name: d.name, expected: 'exactly one table expected' } });
  }
  const widths = d.options.widths;
  if (Array.isArray(widths)) {
    if (widths.length !== tableNode.table.columns) {
      return fail(ctx, d, { rule: 'table-widths-mismatch', args: { name: d.name, columns: tableNode.table.columns } });
    }
    tableNode.table.colwidths = widths.map(Number);
  }
  addName(ctx, d, tableNode);
  tableNode.table.title = title;
  tableNode.table.directiveLine = d.realLine;
  if (tableNode.table.kind === 'csv-table' || tableNode.table.kind === 'list-table') {
    // a directive's table inside `.. table::`: docutils' reading names the outer directive, at its line
    tableNode.table.kind = 'table';
    tableNode.table.line = d.realLine;
  }
  if (title !== null) tableNode.children.unshift(el('title', [], title));
  return [tableNode, ...messages];
}

/** Table.get_column_widths: the `:widths:` option, or equal widths; the error when they do not fit. */
function columnWidths(d: DirectiveRun, columns: number): number[] | RuleCall {
  const widths = d.options.widths;
  if (Array.isArray(widths)) {
    return widths.length === columns ? widths.map(Number) : { rule: 'table-widths-mismatch', args: { name: d.name, columns } };
  }
  if (columns) return new Array<number>(columns).fill(Math.floor(100 / columns));
  return { rule: 'table-no-data', args: {} };
}

/** A nonnegative integer option (`header-rows`, `stub-columns`), 0 when absent. */
function count(d: DirectiveRun, name: string): bigint {
  const value = d.options[name];
  return typeof value === 'bigint' ? value : 0n;
}

/** Table.check_table_dimensions: the error, or null. */
function checkDimensions(d: DirectiveRun, rowLengths: number[], headerRows: bigint, stubColumns: bigint): RuleCall | null {
  const name = d.name;
  const n = rowLengths.length;
  if (BigInt(n) < headerRows) return { rule: 'table-header-rows', args: { name, specified: headerRows, rows: n } };
  if (BigInt(n) === headerRows && headerRows > 0n) return { rule: 'table-no-body', args: { name, rows: n } };
  for (const len of rowLengths) {
    if (BigInt(len) < stubColumns) return { rule: 'table-stub-columns', args: { name, specified: stubColumns, columns: len } };
    if (BigInt(len) === stubColumns && stubColumns > 0n) return { rule: 'table-no-body-columns', args: { name, columns: len } };
  }
  return null;
}

interface AssembledCell {
  entry: DNode;
  position: Position;
}

/** Table.build_table_from_list: the table node over `rows` (header rows first), titled and named. */
function assembleTable(
  ctx: ParserContext,
  d: DirectiveRun,
  t: {
    kind: 'list-table' | 'csv-table';
    title: string | null;
    messages: DNode[];
    rows: AssembledCell[][];
    headerRows: number;
    stubColumns: bigint;
    columns: number;
    colwidths: number[];
  },
): DNode[] {
  const node = el('table');
  const tgroup = el('tgroup');
  node.children.push(tgroup);
  const cells: CellData[] = [];
  t.rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      tgroup.children.push(cell.entry);
      cells.push({ row: r, col: c, rowspan: 1, colspan: 1, entry: cell.entry, position: cell.position });
    });
  });
  addName(ctx, d, node);
  const data: TableData = {
    kind: t.kind,
    line: d.realLine,
    directiveLine: d.realLine,
    title: t.title,
    headerRows: t.headerRows,
    columns: t.columns,
    rows: t.rows.length,
    colwidths: t.colwidths,
    stubColumns: t.stubColumns < BigInt(t.columns) ? Number(t.stubColumns) : t.columns,
    cells,
    position: {
      start: { line: d.realLine, column: 1 },
      end: { line: d.content.lineNumbers[d.content.length - 1] ?? d.realLine, column: 1 },
    },
  };
  node.table = data;
  if (t.title !== null) node.children.unshift(el('title', [], t.title));
  return [node, ...t.messages];
}

/** ListTable.run: a uniform two-level bullet list. */
function listTable(ctx: ParserContext, d: DirectiveRun): DNode[] {
  if (!d.content.length) return fail(ctx, d, { rule: 'list-table-empty', args: { name: d.name } });
  const { title, messages } = makeTitle(ctx, d);
  const node = el('element');
  ctx.nestedParse(d.content, d.contentOffset, node);
  const contentError = (expected: string) => fail(ctx, d, { rule: 'directive-content-error', args: { name: d.name, expected } });
  const list = node.children[0];
  if (node.children.length !== 1 || !list || list.tag !== 'bullet_list') return contentError('exactly one bullet list expected');
  let numCols = 0;
  for (let i = 0; i < list.children.length; i++) {
    const item = list.children[i];
    const sub = item?.children[0];
    if (!item || item.children.length !== 1 || !sub || sub.tag !== 'bullet_list') {
      return contentError(`two-level bullet list expected, but row ${i + 1} does not contain a second-level bullet list`);
    }
    if (i) {
      if (sub.children.length !== numCols) {
        return contentError(
          `uniform two-level bullet list expected, but row ${i + 1} does not contain the same number of items as row 1 (${sub.children.length} vs ${numCols})`,
        );
      }
    } else numCols = sub.children.length;
  }
  const colwidths = columnWidths(d, numCols);
  if (!Array.isArray(colwidths)) return fail(ctx, d, colwidths);
  const rows = list.children.map((item) => item.children[0]?.children ?? []);
  const headerRows = count(d, 'header-rows');
  const stubColumns = count(d, 'stub-columns');
  const dim = checkDimensions(
    d,
    rows.map((r) => r.length),
    headerRows,
    stubColumns,
  );
  if (dim) return fail(ctx, d, dim);
  const cells = rows.map((row) =>
    row.map((item): AssembledCell => {
      const line = item.line ?? d.realLine;
      return { entry: el('entry', item.children), position: { start: { line, column: 1 }, end: { line, column: 1 } } };
    }),
  );
  return assembleTable(ctx, d, { kind: 'list-table', title, messages, rows: cells, headerRows: Number(headerRows), stubColumns, columns: numCols, colwidths });
}

/** CSVTable.run with content (file and URL access are refused, as the oracle runs docutils). */
function csvTable(ctx: ParserContext, d: DirectiveRun): DNode[] {
  if ('file' in d.options || 'url' in d.options) {
    return fail(ctx, d, { rule: 'csv-access-disabled', args: { name: d.name } });
  }
  const { title, messages } = makeTitle(ctx, d);
  if (!d.content.length) return fail(ctx, d, { rule: 'csv-content-missing', args: { name: d.name } });
  const csvError = (detail: string) => fail(ctx, d, { rule: 'csv-error', args: { name: d.name, detail } });
  type Row = { cells: CsvCell[]; base: SourceLines | null };
  let head: Row[] = [];
  let maxHeader = 0;
  if (typeof d.options.header === 'string') {
    const r = parseCsv(d.options.header, { escape: '\\', directive: d.name });
    if (r.error) return csvError(r.error.detail);
    // docutils reads the option's lines with csv.reader: an empty `:header:` is one empty line, one empty row
    head = d.options.header === '' ? [{ cells: [], base: null }] : r.rows.map((cells) => ({ cells, base: null }));
    maxHeader = r.maxColumns;
  }
  const csvOptions: Parameters<typeof parseCsv>[1] = { directive: d.name };
  if (typeof d.options.delim === 'string') csvOptions.delim = d.options.delim;
  if (typeof d.options.quote === 'string') csvOptions.quote = d.options.quote;
  if (typeof d.options.escape === 'string') csvOptions.escape = d.options.escape;
  if ('keepspace' in d.options) csvOptions.keepspace = true;
  const body = parseCsv(d.content.lines.join('\n'), csvOptions);
  if (body.error) return csvError(body.error.detail);
  const rows: Row[] = body.rows.map((cells) => ({ cells, base: d.content }));
  const maxCols = Math.max(body.maxColumns, maxHeader);
  const headerRows = count(d, 'header-rows');
  const stubColumns = count(d, 'stub-columns');
  const dim = checkDimensions(
    d,
    rows.map((r) => r.cells.length),
    headerRows,
    stubColumns,
  );
  if (dim) return fail(ctx, d, dim);
  // the check above bounds headerRows by the number of rows
  head = [...head, ...rows.slice(0, Number(headerRows))];
  const all = [...head, ...rows.slice(Number(headerRows))];
  const colwidths = columnWidths(d, maxCols);
  if (!Array.isArray(colwidths)) return fail(ctx, d, colwidths);
  const cells = all.map((row) => {
    const out: AssembledCell[] = [];
    for (let c = 0; c < maxCols; c++) out.push(csvCell(ctx, d, row.cells[c], row.base));
    return out;
  });
  return assembleTable(ctx, d, { kind: 'csv-table', title, messages, rows: cells, headerRows: head.length, stubColumns, columns: maxCols, colwidths });
}

/** One CSV cell's entry (its text parsed as a nested document) and position; a missing cell is empty. */
function csvCell(ctx: ParserContext, d: DirectiveRun, cell: CsvCell | undefined, base: SourceLines | null): AssembledCell {
  const entry = el('entry');
  const lines = cell ? pySplitlines(cell.value) : [];
  const firstLine = cell && base ? (base.lineNumbers[cell.line] ?? d.realLine) : d.realLine;
  const column = cell && base ? (base.columns[cell.line] ?? 1) + cell.column : 1;
  const content = new SourceLines(
    lines,
    lines.map((_, i) => firstLine + i),
    lines.map((_, i) => (i === 0 ? column : 1)),
  );
  if (lines.join('')) ctx.nestedParse(content, d.contentOffset, entry);
  const last = lines.length ? lines.length - 1 : 0;
  return {
    entry,
    position: {
      start: { line: firstLine, column },
      end: { line: firstLine + last, column: (last === 0 ? column : 1) + (lines[last] ?? '').length },
    },
  };
}

export const TABLE_DIRECTIVES: Readonly<Record<string, DirectiveSpec>> = {
  table: spec({ optional: 1, finalWhitespace: true, options: TABLE_OPTIONS, hasContent: true, run: table }),
  'list-table': spec({ optional: 1, finalWhitespace: true, options: LIST_TABLE_OPTIONS, hasContent: true, run: listTable }),
  'csv-table': spec({ optional: 1, finalWhitespace: true, options: CSV_TABLE_OPTIONS, hasContent: true, run: csvTable }),
};
