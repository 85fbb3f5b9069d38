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

/**
 * `JSON.stringify(toOracleJson(root, source), null, indent)` in pieces, one
 * table at a time, for a writer: a page of 200,000 tables is never one
 * object, nor one string, in memory. (`indent`: 0 for one line, 1 as the
 * `tables` command prints one file.)
 */
export function* oracleJsonChunks(root: RstRoot, source: string, indent: 0 | 1): Generator<string> {
  const tables = allTables(root);
  const head: OracleJson = { ...toOracleJson({ ...root, children: [] }, source), tables: [] };
  const text = JSON.stringify(head, null, indent);
  // the empty array of the head is where the tables go
  const empty = indent ? '"tables": []' : '"tables":[]';
  const at = text.indexOf(empty);
  if (tables.length === 0 || at < 0) {
    yield text;
    return;
  }
  yield text.slice(0, at + empty.length - 1);
  for (let i = 0; i < tables.length; i++) {
    const json = JSON.stringify(oracleTable(tables[i] as RstTable), null, indent);
    // one level deeper than the array (strings in JSON hold no line break)
    yield indent ? `${i ? ',' : ''}\n  ${json.replaceAll('\n', '\n  ')}` : `${i ? ',' : ''}${json}`;
  }
  yield indent ? `\n ]${text.slice(at + empty.length)}` : `]${text.slice(at + empty.length)}`;
}
