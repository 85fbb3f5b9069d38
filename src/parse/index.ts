/**
 * `fromRst(text) -> RstRoot`: the parse stage's pure entry point (no unified,
 * no I/O). The block parser (parser.ts, states/, directives/) reads the document as docutils does;
 * this file turns its internal tree into the public `RstRoot`: every table
 * with its cells' text (reduced as the oracle's `leaf_texts()` does), every
 * system message, and — unless `skeleton: false` — the sections, list items,
 * directives and paragraphs around the tables (skeleton.ts).
 */
import { el, pushAll, type DNode, type TableData } from './block-machine.js';
import type { ParseOptions, Position, RstCell, RstRoot, RstTable, SystemMessage } from './types.js';
import { literalBlocks } from './literal-blocks.js';
import { BlockParser } from './parser.js';
import { pyCollapse, splitSourceLines } from './block-text.js';
import { fileLines } from './lines.js';
import { buildSkeleton } from './skeleton.js';
import { buildDocument } from './document.js';

export type * from './types.js';
export { toOracleJson } from './oracle-json.js';

/** Tags the oracle descends into (its CONTAINERS tuple; admonitions included). */
const CONTAINERS = new Set([
  'bullet_list',
  'enumerated_list',
  'list_item',
  'block_quote',
  'definition_list',
  'definition_list_item',
  'definition',
  'field_list',
  'field',
  'field_body',
  'option_list',
  'option_list_item',
  'container',
  'compound',
  'attention',
  'caution',
  'danger',
  'error',
  'hint',
  'important',
  'note',
  'tip',
  'warning',
  'admonition',
  'topic',
  'sidebar',
]);
/** Leaves kept verbatim (the oracle's LITERAL_LEAVES). */
const LITERAL_LEAVES = new Set(['literal_block', 'doctest_block', 'line_block', 'math_block', 'raw']);

/** docutils' `astext()` of a node. */
function astext(node: DNode, source = ''): string {
  if (node.text !== undefined) return node.text;
  if (node.tag === 'system_message' && node.message) {
    const m = node.message;
    const body = [m.message, ...node.children.map((c) => astext(c, source))].join('\n\n');
    return `${source}:${m.line}: (${m.type}/${m.level}) ${body}`;
  }
  return node.children.map((c) => astext(c, source)).join('\n\n');
}

/** The oracle's `leaf_texts()`. */
function leafTexts(node: DNode, out: string[], source: string): void {
  if (node.tag === 'system_message') return;
  if (LITERAL_LEAVES.has(node.tag)) {
    out.push(astext(node, source));
    return;
  }
  if (node.tag === 'title' || !CONTAINERS.has(node.tag)) {
    out.push(pyCollapse(astext(node, source)));
    return;
  }
  for (const child of node.children) leafTexts(child, out, source);
}

/**
 * A grid or simple table turned into its result as soon as the block parser
 * finished it (`BlockParser.onTable`), when no document tree is built: its
 * cells' nodes are dropped there, so a page of 200,000 tables never holds the
 * nested documents of all their cells at once.
 */
interface Compact {
  cells: RstCell[];
  /** The system messages inside the table (its cells'), in document order. */
  messages: SystemMessage[];
  /** The tables inside its cells, in pre-order (each compacted before it). */
  nested: DNode[];
}

type Compacts = Map<DNode, Compact>;

const NONE: readonly DNode[] = [];

/** Every table node, in docutils' `findall` (pre-order) order. */
function collectTables(node: DNode, out: DNode[], compacts: Compacts): void {
  if (node.tag === 'table' && node.table) {
    out.push(node);
    const compact = compacts.get(node);
    if (compact) {
      pushAll(out, compact.nested);
      return;
    }
  }
  for (const child of node.children) collectTables(child, out, compacts);
}

function collectMessages(node: DNode, out: RstTable['messages'], compacts: Compacts): void {
  if (node.tag === 'system_message' && node.message) out.push(node.message);
  const compact = compacts.get(node);
  if (compact) pushAll(out, compact.messages);
  for (const child of node.children) collectMessages(child, out, compacts);
}

function cellsOf(t: TableData, source: string): RstCell[] {
  return t.cells.map((c) => {
    const blocks = c.entry.children.filter((b) => b.tag !== 'system_message');
    const texts: string[] = [];
    for (const b of blocks) leafTexts(b, texts, source);
    return {
      type: 'cell',
      row: c.row,
      col: c.col,
      rowspan: c.rowspan,
      colspan: c.colspan,
      text: texts.join('\n\n'),
      blocks: blocks.map((b) => b.tag),
      position: c.position,
    };
  });
}

/**
 * Turns a finished table node into its `Compact` and drops its cells' nodes:
 * what is left is its data (which a `table` directive may still title) and
 * one text node standing for its body (docutils' `astext()` of it, which the
 * cells of a table around it read).
 */
function compactTable(node: DNode, compacts: Compacts, source: string): void {
  if (node.tag !== 'table' || !node.table) return;
  const nested: DNode[] = [];
  for (const child of node.children) collectTables(child, nested, compacts);
  const messages: SystemMessage[] = [];
  for (const child of node.children) collectMessages(child, messages, compacts);
  const cells = cellsOf(node.table, source);
  node.children = node.children.map((child) => el('tgroup', [], astext(child, source)));
  node.table.cells = [];
  compacts.set(node, { cells, messages, nested: nested.length ? nested : (NONE as DNode[]) });
}

function toTable(node: DNode, index: number, source: string, compacts: Compacts): RstTable {
  const t = node.tag === 'table' ? node.table : undefined;
  if (!t) throw new TypeError('not a table node');
  const cells = compacts.get(node)?.cells ?? cellsOf(t, source);
  const messages: RstTable['messages'] = [];
  collectMessages(node, messages, compacts);
  return {
    type: 'table',
    kind: t.kind,
    index,
    line: t.line,
    directiveLine: t.directiveLine,
    title: t.title,
    headerRows: t.headerRows,
    columns: t.columns,
    rows: t.rows,
    colwidths: t.colwidths,
    stubColumns: t.stubColumns,
    cells,
    messages,
    position: t.position,
  };
}

/**
 * Parses reStructuredText as docutils 0.19 does and returns the tree
 * rst-codegen works on. Never throws on bad input: problems are system
 * messages in `root.messages`.
 */
export function fromRst(text: string, options: ParseOptions = {}): RstRoot {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const { lines, position } = sourceLines(source);
  const parser = new BlockParser(fileLines(lines), options.path ?? '');
  const keepTree = options.document === true;
  // literal blocks are placed by the spans document mode keeps
  parser.doc = keepTree || options.literalBlocks === true;
  const compacts: Compacts = new Map();
  if (!keepTree) parser.onTable = (node) => compactTable(node, compacts, options.path ?? '');
  const document = parser.parseDocument();
  const tableNodes: DNode[] = [];
  collectTables(document, tableNodes, compacts);
  const tables = tableNodes.map((n, i) => {
    const table = toTable(n, i, options.path ?? '', compacts);
    // Pre-order: only the tables around this one needed its cells' nodes (for
    // their cells' text), and they are done. Without a document tree to build,
    // they go now, so a page of 200,000 tables does not hold two copies.
    if (!keepTree && n.tag === 'table' && n.table) {
      n.children = [];
      n.table.cells = [];
    }
    return table;
  });
  const unknownRoles = sortedNames(parser.unknownRoles);
  const unknownDirectives = sortedNames(parser.unknownDirectives);
  const root: RstRoot = { type: 'root', children: [], messages: parser.messages, unknownRoles, unknownDirectives, position };
  const literal = !keepTree && options.literalBlocks === true ? literalBlocks(document, position) : null;
  if (options.skeleton === false) {
    root.children = tables;
    if (keepTree) root.document = buildDocument(document, tables, tableNodes, position);
    if (literal) root.literalBlocks = literal;
    return root;
  }
  const out: RstRoot = {
    ...buildSkeleton(root, tables, lines),
    unknownRoles,
    unknownDirectives,
  };
  if (keepTree) out.document = buildDocument(document, tables, tableNodes, position);
  if (literal) out.literalBlocks = literal;
  return out;
}

/**
 * The text's lines (docutils' `string2lines`) and the span of the whole text.
 * (A function of its own, so the split lines, with their offsets and raw
 * text, are not held while the page is parsed.)
 */
function sourceLines(source: string): { lines: string[]; position: Position } {
  const split = splitSourceLines(source);
  const last = split[split.length - 1];
  const position: Position = {
    start: { line: 1, column: 1, offset: 0 },
    end: last ? { line: split.length, column: last.raw.length + 1, offset: last.offset + last.raw.length } : { line: 1, column: 1, offset: 0 },
  };
  return { lines: split.map((l) => l.text), position };
}

/** Python's `sorted()` of a set of names: by code point (not by UTF-16 unit, as Array.prototype.sort would). */
function sortedNames(names: ReadonlySet<string>): string[] {
  const byCodePoint = (a: string, b: string): number => {
    const x = Array.from(a);
    const y = Array.from(b);
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
      if (d !== 0) return d;
    }
    return x.length - y.length;
  };
  return [...names].sort(byCodePoint);
}
