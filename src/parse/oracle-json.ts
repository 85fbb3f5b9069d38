/**
 * `toOracleJson(root, source)`: the JSON object `../shared/tools/rst-oracle.py`
 * prints for a document, with the same keys in the same order, so that
 * `JSON.stringify` of both can be compared directly.
 */
import type { RstNode, RstRoot, RstTable, SystemMessage } from './types.js';

interface OracleMessage {
  level: number;
  type: string;
  line: number | null;
  message: string;
}

interface OracleCell {
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
  text: string;
  blocks: string[];
}

export interface OracleTable {
  index: number;
  kind: string;
  line: number | null;
  directive_line: number | null;
  title: string | null;
  header_rows: number;
  columns: number;
  rows: number;
  colwidths: number[];
  stub_columns: number;
  cells: OracleCell[];
  messages: OracleMessage[];
}

export interface OracleJson {
  source: string;
  docutils: string;
  tables: OracleTable[];
  messages: OracleMessage[];
  /** Sorted names of the roles docutils did not know (e.g. `["ref"]`). */
  unknown_roles: string[];
  /** Sorted names of the directives docutils did not know (e.g. `["toctree"]`). */
  unknown_directives: string[];
}

function message(m: SystemMessage): OracleMessage {
  return { level: m.level, type: m.type, line: m.line, message: m.message };
}

/** Every table of the tree, in document order (skeleton or flat). */
function allTables(root: RstRoot): RstTable[] {
  const out: RstTable[] = [];
  const walk = (nodes: readonly RstNode[]): void => {
    for (const n of nodes) {
      if (n.type === 'table') out.push(n);
      else if (n.type !== 'paragraph') walk(n.children);
    }
  };
  walk(root.children);
  return out.sort((a, b) => a.index - b.index);
}

function oracleTable(t: RstTable): OracleTable {
  return {
    index: t.index,
    kind: t.kind,
    line: t.line,
    directive_line: t.directiveLine,
    title: t.title,
    header_rows: t.headerRows,
    columns: t.columns,
    rows: t.rows,
    colwidths: t.colwidths,
    stub_columns: t.stubColumns,
    cells: t.cells.map((c) => ({
      row: c.row,
      col: c.col,
      rowspan: c.rowspan,
      colspan: c.colspan,
      text: c.text,
      blocks: c.blocks,
    })),
    messages: t.messages.map(message),
  };
}

/** The oracle's JSON for `root` (`source` is the path the oracle was given). */
export function toOracleJson(root: RstRoot, source: string): OracleJson {
  return {
    source,
    docutils: '0.19',
    tables: allTables(root).map(oracleTable),
    messages: root.messages.map(message),
    unknown_roles: root.unknownRoles ?? [],
    unknown_directives: root.unknownDirectives ?? [],
  };
}

/** A writer of the oracle's JSON of one page, table by table (see `oracleJsonWriter`). */
export interface OracleJsonWriter {
  /** Writes the next table (in document order). */
  table(table: RstTable): void;
  /** Writes the rest: the page's messages and names (after its last table). */
  end(root: RstRoot): void;
}

const NO_ROOT: RstRoot = { type: 'root', children: [], messages: [], position: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } } };

/**
 * `JSON.stringify(toOracleJson(root, source), null, indent)` written in
 * pieces, one table at a time, as the tables come (`indent`: 0 for one line,
 * 1 as the `tables` command prints one file): a page of 200,000 tables is
 * never one object, nor one string, in memory, and need not be parsed whole
 * first (`ParseOptions.onTable`).
 */
export function oracleJsonWriter(source: string, indent: 0 | 1, write: (chunk: string) => void): OracleJsonWriter {
  // the empty array of the head is where the tables go; what comes before it names only the source
  const empty = indent ? '"tables": []' : '"tables":[]';
  const head = (root: RstRoot): string => JSON.stringify({ ...toOracleJson({ ...root, children: [] }, source), tables: [] }, null, indent);
  let count = 0;
  return {
    table(table) {
      if (count === 0) {
        const text = head(NO_ROOT);
        write(text.slice(0, text.indexOf(empty) + empty.length - 1));
      }
      const json = JSON.stringify(oracleTable(table), null, indent);
      // one level deeper than the array (strings in JSON hold no line break)
      write(indent ? `${count ? ',' : ''}\n  ${json.replaceAll('\n', '\n  ')}` : `${count ? ',' : ''}${json}`);
      count++;
    },
    end(root) {
      const text = head(root);
      const at = text.indexOf(empty);
      if (count === 0) write(text);
      else write(indent ? `\n ]${text.slice(at + empty.length)}` : `]${text.slice(at + empty.length)}`);
    },
  };
}

/** `oracleJsonWriter` over a parsed page: its text in pieces, one table at a time. */
export function* oracleJsonChunks(root: RstRoot, source: string, indent: 0 | 1): Generator<string> {
  let pending: string[] = [];
  const writer = oracleJsonWriter(source, indent, (chunk) => pending.push(chunk));
  for (const table of allTables(root)) {
    writer.table(table);
    yield* pending;
    pending = [];
  }
  writer.end(root);
  yield* pending;
}
