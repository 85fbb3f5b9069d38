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
 * Grid and simple tables turned into their result as soon as the block parser
 * finished them (`BlockParser.onTable`), when no document tree is built: their
 * cells' nodes are dropped there, so a page of 200,000 tables never holds the
 * nested documents of all their cells at once. `tables` maps each such node to
 * its `RstTable` (completed by `toTable` at the end: a `table` directive may
 * still title it, and its index is its pre-order place); `nested` lists, for a
 * table with tables in its cells, those tables in pre-order.
 */
interface Compacts {
  tables: Map<DNode, RstTable>;
  nested: Map<DNode, DNode[]>;
}

/** The children of a table's body text node (never added to). */
const NO_CHILDREN: DNode[] = [];

/** Every table node, in docutils' `findall` (pre-order) order. */
function collectTables(node: DNode, out: DNode[], compacts: Compacts): void {
  if (node.tag === 'table' && node.table) {
    out.push(node);
    if (compacts.tables.has(node)) {
      pushAll(out, compacts.nested.get(node) ?? []);
      return;
    }
  }
  for (const child of node.children) collectTables(child, out, compacts);
}

function collectMessages(node: DNode, out: RstTable['messages'], compacts: Compacts): void {
  if (node.tag === 'system_message' && node.message) out.push(node.message);
  const compact = compacts.tables.get(node);
  if (compact) pushAll(out, compact.messages);
  for (const child of node.children) collectMessages(child, out, compacts);
}

/** One `blocks` array per list of block tags (most cells hold one paragraph): read, never changed. */
const blockTags = new Map<string, string[]>();

function tagsOf(blocks: readonly DNode[]): string[] {
  const key = blocks.length === 1 ? (blocks[0] as DNode).tag : blocks.map((b) => b.tag).join(' ');
  let tags = blockTags.get(key);
  if (!tags) {
    tags = blocks.map((b) => b.tag);
    if (blockTags.size < 1000) blockTags.set(key, tags);
  }
  return tags;
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
      blocks: tagsOf(blocks),
      position: c.position,
    };
  });
}

/**
 * Turns a finished table node into its `RstTable` and drops its cells' nodes:
 * what is left is its data (which a `table` directive may still title) and
 * one text node standing for its body (docutils' `astext()` of it, which the
 * cells of a table around it read).
 */
function compactTable(node: DNode, compacts: Compacts, source: string): void {
  if (node.tag !== 'table' || !node.table) return;
  const nested: DNode[] = [];
  for (const child of node.children) collectTables(child, nested, compacts);
  if (nested.length) compacts.nested.set(node, nested);
  const messages: SystemMessage[] = [];
  for (const child of node.children) collectMessages(child, messages, compacts);
  compacts.tables.set(node, tableOf(node.table, -1, cellsOf(node.table, source), messages));
  node.children = node.children.map((child) => el('tgroup', NO_CHILDREN, astext(child, source)));
  node.table.cells = [];
}

function tableOf(t: TableData, index: number, cells: RstCell[], messages: SystemMessage[]): RstTable {
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

function toTable(node: DNode, index: number, source: string, compacts: Compacts): RstTable {
  const t = node.tag === 'table' ? node.table : undefined;
  if (!t) throw new TypeError('not a table node');
  const compact = compacts.tables.get(node);
  if (!compact) {
    const messages: RstTable['messages'] = [];
    collectMessages(node, messages, compacts);
    return tableOf(t, index, cellsOf(t, source), messages);
  }
  // completed in place (what a `table` directive around it set, its index, and the messages of its title)
  const messages = compact.messages;
  for (const child of node.children) collectMessages(child, messages, compacts);
  Object.assign(compact, tableOf(t, index, compact.cells, messages));
  return compact;
}

/** From this many characters on, a page's tables are compacted and handed over as the parse goes (`TableStream`). */
export const LARGE_PAGE = 512 * 1024;

/** What a subtree whose tables were handed over is replaced with (never added to). */
const HANDED_OVER: DNode = el('comment', NO_CHILDREN);

/**
 * Hands the tables over in pre-order while the parse goes on, when no
 * document tree is built and the page is large (`LARGE_PAGE`; a smaller
 * page's are handed over at the end). The block parser appends a node to its parent
 * when it starts it (a section, a list) or once it is complete (a table, a
 * paragraph), so on the path of last children from the root, every child
 * but the last is complete: after each table, the tables of those children
 * are made (`toTable`) and handed over, and the child is replaced with
 * `HANDED_OVER` (kept, when `literal`, if it holds a literal block, which
 * the walk of literal-blocks.ts reads at the end). What the tree holds at a
 * time is the path being parsed, not the page.
 */
class TableStream {
  private index = 0;
  /** For each node on the path: how many of its children were handed over. */
  private readonly done = new Map<DNode, number>();
  /** Tables handed over but left in the tree (the subtree holds a literal block): the last walk skips them. */
  private readonly handed = new Set<DNode>();

  constructor(
    private readonly root: DNode,
    private readonly compacts: Compacts,
    private readonly source: string,
    private readonly deliver: (table: RstTable) => void,
    private readonly literal: boolean,
  ) {}

  /** Hands over every complete child on the path of last children (`all`: the last ones too, at the end). */
  flush(all = false): void {
    let node: DNode | undefined = this.root;
    while (node && node.tag !== 'table') {
      const children: DNode[] = node.children;
      const from = this.done.get(node) ?? 0;
      const to = all ? children.length : children.length - 1;
      for (let i = from; i < to; i++) this.handOver(children, i);
      if (to > from) this.done.set(node, to);
      node = all ? undefined : children[children.length - 1];
    }
  }

  private handOver(children: DNode[], i: number): void {
    const child = children[i] as DNode;
    this.done.delete(child);
    const nodes: DNode[] = [];
    this.collect(child, nodes);
    for (const n of nodes) this.deliver(toTable(n, this.index++, this.source, this.compacts));
    for (const n of nodes) {
      this.compacts.tables.delete(n);
      this.compacts.nested.delete(n);
    }
    if (this.literal && hasLiteralBlock(child)) for (const n of nodes) this.handed.add(n);
    else children[i] = HANDED_OVER;
  }

  /** `collectTables`, past the tables already handed over; the children of a node left on the path are walked whole. */
  private collect(node: DNode, out: DNode[]): void {
    if (this.handed.has(node)) return;
    if (node.tag === 'table' && node.table) {
      out.push(node);
      if (this.compacts.tables.has(node)) {
        pushAll(out, this.compacts.nested.get(node) ?? []);
        return;
      }
    }
    for (const child of node.children) {
      this.done.delete(child);
      this.collect(child, out);
    }
  }
}

function hasLiteralBlock(node: DNode): boolean {
  if (node.tag === 'literal_block' || node.tag === 'doctest_block') return true;
  return node.children.some(hasLiteralBlock);
}

/**
 * Parses reStructuredText as docutils 0.19 does and returns the tree
 * rst-codegen works on. Never throws on bad input: problems are system
 * messages in `root.messages`.
 */
export function fromRst(text: string, options: ParseOptions = {}): RstRoot {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const { lines, position } = sourceLines(source);
  const path = options.path ?? '';
  const parser = new BlockParser(fileLines(lines), path);
  const keepTree = options.document === true;
  // literal blocks are placed by the spans document mode keeps
  parser.doc = keepTree || options.literalBlocks === true;
  // no cell is converted: its spans would be made for nothing
  parser.cellSpans = !keepTree || options.cellBlocks !== false;
  const document = el('document');
  const tables: RstTable[] = [];
  const tableNodes: DNode[] = [];
  if (keepTree) {
    // the document tree reads every table's cells: nothing is compacted or handed over early
    const none: Compacts = { tables: new Map(), nested: new Map() };
    parser.parseDocument(document);
    collectTables(document, tableNodes, none);
    tableNodes.forEach((n, i) => tables.push(toTable(n, i, path, none)));
  } else {
    const compacts: Compacts = { tables: new Map(), nested: new Map() };
    const keep = options.mapTable ?? ((t: RstTable) => t);
    const deliver = options.onTable && options.skeleton === false ? options.onTable : (t: RstTable) => void tables.push(keep(t));
    const stream = new TableStream(document, compacts, path, deliver, options.literalBlocks === true);
    // On a smaller page the tables are made at the end: results made while the parse goes on outlive the
    // young generation's collections and are moved to the old one as garbage-to-be (a run over many pages
    // then peaks higher); the page's tree is small anyway.
    if (source.length >= LARGE_PAGE) {
      parser.onTable = (node) => {
        compactTable(node, compacts, path);
        stream.flush();
      };
    }
    parser.parseDocument(document);
    stream.flush(true);
  }
  const unknownRoles = sortedNames(parser.unknownRoles);
  const unknownDirectives = sortedNames(parser.unknownDirectives);
  const root: RstRoot = { type: 'root', children: [], messages: parser.messages, unknownRoles, unknownDirectives, position };
  const literal = !keepTree && options.literalBlocks === true ? literalBlocks(document, position) : null;
  if (options.skeleton === false) {
    root.children = tables;
    if (keepTree) root.document = buildDocument(document, tables, tableNodes, position, options.cellBlocks !== false);
    if (literal) root.literalBlocks = literal;
    return root;
  }
  const out: RstRoot = {
    ...buildSkeleton(root, tables, lines),
    unknownRoles,
    unknownDirectives,
  };
  if (keepTree) out.document = buildDocument(document, tables, tableNodes, position, options.cellBlocks !== false);
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
