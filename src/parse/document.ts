/**
 * `buildDocument`: the block parser's internal tree (`DNode`, docutils' node
 * names) turned into the public, positioned document tree (`RstDocument`,
 * types.ts).
 *
 * Two things happen besides renaming:
 * - docutils' `PropagateTargets` transform: a `.. _label:` target with no
 *   URI gives its names to the node after it in document order (chained
 *   targets pass them on), unless that node is invisible (comment,
 *   substitution definition) or a footnote/citation. The names become the
 *   `labels` of that node; what is left stays on a `target` node.
 * - inline text (paragraphs, titles, terms, table captions) is read again by
 *   `inlineNodes`, from the raw text the block parser kept in document mode.
 *
 * The block parser must have run with `doc = true` (positions, raw inline
 * text); nodes without a recorded span get their children's span.
 */
import type { DNode } from './block-machine.js';
import type {
  Position,
  RstTable,
  RstBlock,
  RstDocument,
  RstInline,
  RstLabelTarget,
  RstListItemNode,
  RstTableCellNode,
  RstDefinitionItemNode,
  RstFieldNode,
} from './types.js';
import { inlineNodes } from './inline.js';
import { MessageLimit } from './reporter.js';

const ADMONITIONS = new Set(['attention', 'caution', 'danger', 'error', 'hint', 'important', 'note', 'tip', 'warning', 'admonition']);
/** docutils' Invisible and Targetable node classes: PropagateTargets does not give names to them (a target excepted). */
const NOT_RECIPIENTS = new Set(['comment', 'substitution_definition', 'pending', 'footnote', 'citation']);
/** Nodes whose `names` are not labels: implicit section names, footnote/citation labels, a target's own names. */
const OWN_NAMES_ARE_NOT_LABELS = new Set(['section', 'footnote', 'citation', 'target']);
/** Bound on the tree depth converted (the block parser's own nesting is far below it on real input). */
const MAX_DEPTH = 2000;

interface Label {
  name: string;
  /** Null for a label written inside a table cell when cells keep no spans (`cellBlocks: false`). */
  position: Position | null;
}

interface Context {
  labels: Map<DNode, Label[]>;
  consumed: Set<DNode>;
  tableIndex: Map<DNode, number>;
  tables: readonly RstTable[];
  out: Map<DNode, RstBlock>;
  /** The block parser's per-page message limit, again: a problem past it gets no `problematic` node. */
  limit: MessageLimit;
  /** Whether table cells get their block tree (`ParseOptions.cellBlocks`). */
  cellBlocks: boolean;
}

/**
 * The public tree of a parsed document. `tables` are the public tables of
 * the same parse, in the order `collectTables` found them (pre-order).
 * Without `cellBlocks`, every cell's `children` stay empty (nothing inside a
 * cell is converted: most of an API page is its tables' cells).
 */
export function buildDocument(root: DNode, tables: readonly RstTable[], tableNodes: readonly DNode[], position: Position, cellBlocks = true): RstDocument {
  const flat: DNode[] = [];
  flatten(root, flat);
  const ctx: Context = {
    labels: new Map(),
    consumed: new Set(),
    tableIndex: new Map(tableNodes.map((n, i) => [n, i])),
    tables,
    out: new Map(),
    limit: new MessageLimit(),
    cellBlocks,
  };
  propagateTargets(flat, ctx, position);
  const children = convertChildren(root, ctx, 0, 0, position);
  const labels: RstLabelTarget[] = [];
  for (const node of flat) {
    const own = ctx.labels.get(node);
    if (!own) continue;
    const converted = ctx.out.get(node) ?? null;
    for (const label of own) {
      if (label.position === null) continue;
      labels.push({
        name: label.name,
        nodeType: converted ? converted.type : null,
        element: node.tag,
        position: label.position,
        nodePosition: converted ? converted.position : (node.pos ?? label.position),
      });
    }
  }
  labels.sort((a, b) => a.position.start.line - b.position.start.line || a.position.start.column - b.position.start.column);
  return { type: 'document', children, labels, position };
}

/** Pre-order list of every node (iterative: no recursion over the tree). */
function flatten(root: DNode, out: DNode[]): void {
  const stack: DNode[] = [root];
  while (stack.length) {
    const node = stack.pop() as DNode;
    out.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as DNode);
  }
}

/** The names of a node without any (most nodes): one array, never changed. */
const NO_NAMES: readonly string[] = [];

function names(node: DNode): readonly string[] {
  return node.names ?? NO_NAMES;
}

/** docutils' references.PropagateTargets over the pre-order list, plus the `:name:` options of directives. */
function propagateTargets(flat: readonly DNode[], ctx: Context, documentPosition: Position): void {
  // without cell blocks, the nodes in cells have no span: their labels are not listed
  const fallback = ctx.cellBlocks ? documentPosition : null;
  for (let i = 0; i < flat.length; i++) {
    const node = flat[i] as DNode;
    if (node.tag !== 'target') {
      if (!OWN_NAMES_ARE_NOT_LABELS.has(node.tag) && names(node).length) {
        addLabels(
          ctx,
          node,
          names(node).map((name) => ({ name, position: node.pos ?? fallback })),
        );
      }
      continue;
    }
    // received first: source order (docutils' own order on the recipient is the reverse for chained targets);
    // the one array moves along a chain of targets (no copy: a chain of n targets stays linear)
    const external = Boolean(node.refuri) || node.refname !== undefined;
    if (external || node.anonymous) {
      // a target with a URI or a reference keeps what it received (its own names are not labels)
      continue;
    }
    const all = ctx.labels.get(node) ?? [];
    for (const name of names(node)) all.push({ name, position: node.pos ?? fallback });
    ctx.labels.set(node, all);
    // the next node after the target; system messages (and what they hold) are skipped, as docutils 0.19 does
    let j = i + 1;
    while (flat[j]?.tag === 'system_message') j += subtreeSize(flat[j] as DNode);
    const next = flat[j];
    if (next !== undefined && all.length && (!NOT_RECIPIENTS.has(next.tag) || next.tag === 'target')) {
      ctx.labels.delete(node);
      ctx.consumed.add(node);
      addLabels(ctx, next, all);
    }
  }
}

/** Number of nodes in `node`'s subtree (a system message: a few). */
function subtreeSize(node: DNode): number {
  let n = 0;
  const stack = [node];
  while (stack.length) {
    const x = stack.pop() as DNode;
    n++;
    for (const c of x.children) stack.push(c);
  }
  return n;
}

/** Gives `labels` to `node` (the array itself when it has none yet). */
function addLabels(ctx: Context, node: DNode, labels: Label[]): void {
  const list = ctx.labels.get(node);
  if (!list) ctx.labels.set(node, labels);
  else for (const l of labels) list.push(l);
}

// ------------------------------------------------------------------ blocks

function convertChildren(node: DNode, ctx: Context, depth: number, sectionDepth: number, parent: Position): RstBlock[] {
  const out: RstBlock[] = [];
  if (depth > MAX_DEPTH) return out;
  for (const child of node.children) {
    const b = convert(child, ctx, depth + 1, sectionDepth, parent);
    if (b) out.push(b);
  }
  return out;
}

/** The span of a node: its own, else from its first to its last child's. */
function spanOf(node: DNode, children: readonly { position: Position }[], parent: Position): Position {
  if (node.pos) {
    const last = children[children.length - 1];
    if (last && after(last.position.end, node.pos.end)) return { start: node.pos.start, end: last.position.end };
    return node.pos;
  }
  const first = children[0];
  const last = children[children.length - 1];
  if (first && last) return { start: first.position.start, end: last.position.end };
  if (node.line !== undefined) return { start: { line: node.line, column: 1 }, end: { line: node.line, column: 1 } };
  return { start: parent.start, end: parent.start };
}

function sameSpan(a: Position, b: Position): boolean {
  return a.start.line === b.start.line && a.start.column === b.start.column && a.end.line === b.end.line && a.end.column === b.end.column;
}

function after(a: Position['end'], b: Position['end']): boolean {
  return a.line > b.line || (a.line === b.line && a.column > b.column);
}

function inlineOf(node: DNode, fallbackText: string, position: Position, ctx: Context): RstInline[] {
  const src = node.inlineSrc;
  if (!src) return fallbackText === '' ? [] : [{ type: 'text', value: fallbackText, position }];
  return inlineNodes(src.raw, {
    line: src.line,
    column: src.column,
    span: position,
    ...(src.lineNumbers ? { lineNumbers: src.lineNumbers } : {}),
    ...(src.lineColumns ? { lineColumns: src.lineColumns } : {}),
    // the block parser has reported the messages; past its limit, the problem is read as text
    admit: (id, line, column) => ctx.limit.admit(id, line, column),
  }).nodes;
}

function childText(node: DNode, tag: string): string | null {
  const c = node.children.find((ch) => ch.tag === tag);
  return c ? astext(c) : null;
}

/** docutils' `astext()` (system messages left out). */
function astext(node: DNode): string {
  if (node.text !== undefined) return node.text;
  const parts: string[] = [];
  for (const c of node.children) if (c.tag !== 'system_message') parts.push(astext(c));
  return parts.join('\n\n');
}

/** The block, with its labels (before `position`, which stays last) when it has some. */
function withLabels<T extends RstBlock>(node: DNode, block: T, ctx: Context): T {
  const labels = ctx.labels.get(node);
  if (!labels) return block;
  const { position, ...rest } = block as T & { position: Position };
  const out = (labels.length ? { ...rest, labels: labels.map((l) => l.name), position } : block) as T;
  ctx.out.set(node, out);
  return out;
}

function convert(node: DNode, ctx: Context, depth: number, sectionDepth: number, parent: Position): RstBlock | null {
  const tag = node.tag;
  if (tag === 'system_message' || tag === 'title') return null;
  if (tag === 'target') {
    if (ctx.consumed.has(node)) return null;
    const labels = ctx.labels.get(node);
    const own = OWN_NAMES_ARE_NOT_LABELS.has(tag) ? names(node) : [];
    const refuri = node.refuri || null;
    const refname = node.refname ?? null;
    if (!labels?.length && !refuri && !refname && !own.length) return null;
    const position = spanOf(node, [], parent);
    return withLabels(node, { type: 'target', names: (refuri || refname) && own.length ? [...own] : [], refuri, refname, position }, ctx);
  }
  if (tag === 'table' && node.table) return table(node, ctx, depth, parent);
  switch (tag) {
    case 'section': {
      const children = convertChildren(node, ctx, depth, sectionDepth + 1, node.pos ?? parent);
      const position = spanOf(node, children, parent);
      const title = childText(node, 'title') ?? '';
      return withLabels(
        node,
        { type: 'section', title, titleInline: inlineOf(node, title, node.pos ?? position, ctx), depth: sectionDepth + 1, children, position },
        ctx,
      );
    }
    case 'paragraph': {
      // a table cell or list item of one paragraph spans what the paragraph spans: one position object for both
      const own = spanOf(node, [], parent);
      const position = sameSpan(own, parent) ? parent : own;
      const text = node.text ?? '';
      return withLabels(node, { type: 'paragraph', text, inline: inlineOf(node, text, position, ctx), position }, ctx);
    }
    case 'bullet_list':
    case 'enumerated_list': {
      const children = convertChildren(node, ctx, depth, sectionDepth, node.pos ?? parent).filter((c): c is RstListItemNode => c.type === 'listItem');
      const ordered = tag === 'enumerated_list';
      return withLabels(
        node,
        {
          type: 'list',
          ordered,
          bullet: node.tag === 'bullet_list' ? node.bullet : null,
          enumtype: node.tag === 'enumerated_list' ? node.enumtype : null,
          start: node.tag === 'enumerated_list' ? node.start : null,
          children,
          position: spanOf(node, children, parent),
        },
        ctx,
      );
    }
    case 'list_item': {
      const children = convertChildren(node, ctx, depth, sectionDepth, node.pos ?? parent);
      return withLabels(node, { type: 'listItem', children, position: spanOf(node, children, parent) }, ctx);
    }
    case 'literal_block':
    case 'doctest_block': {
      return withLabels(
        node,
        {
          type: 'literalBlock',
          text: (node.tag === 'literal_block' ? node.code : undefined) ?? node.text ?? astext(node),
          language: node.tag === 'literal_block' ? (node.language ?? null) : 'pycon',
          directive: node.tag === 'literal_block' ? (node.directive ?? null) : null,
          position: spanOf(node, [], parent),
        },
        ctx,
      );
    }
    case 'definition_list': {
      const children = convertChildren(node, ctx, depth, sectionDepth, node.pos ?? parent).filter(
        (c): c is RstDefinitionItemNode => c.type === 'definitionItem',
      );
      return withLabels(node, { type: 'definitionList', children, position: spanOf(node, children, parent) }, ctx);
    }
    case 'definition_list_item': {
      const definition = node.children.find((c) => c.tag === 'definition');
      const children = definition ? convertChildren(definition, ctx, depth, sectionDepth, node.pos ?? parent) : [];
      const position = spanOf(node, children, parent);
      const term = childText(node, 'term') ?? '';
      return withLabels(
        node,
        {
          type: 'definitionItem',
          term,
          termInline: termInline(inlineOf(node, term, position, ctx)),
          classifiers: node.children.filter((c) => c.tag === 'classifier').map((c) => c.text ?? ''),
          children,
          position,
        },
        ctx,
      );
    }
    case 'field_list': {
      const children = convertChildren(node, ctx, depth, sectionDepth, node.pos ?? parent).filter((c): c is RstFieldNode => c.type === 'field');
      return withLabels(node, { type: 'fieldList', children, position: spanOf(node, children, parent) }, ctx);
    }
    case 'field': {
      const body = node.children.find((c) => c.tag === 'field_body');
      const children = body ? convertChildren(body, ctx, depth, sectionDepth, node.pos ?? parent) : [];
      return withLabels(node, { type: 'field', name: childText(node, 'field_name') ?? '', children, position: spanOf(node, children, parent) }, ctx);
    }
    case 'block_quote': {
      const children = convertChildren(node, ctx, depth, sectionDepth, node.pos ?? parent);
      return withLabels(node, { type: 'blockQuote', attribution: childText(node, 'attribution'), children, position: spanOf(node, children, parent) }, ctx);
    }
    case 'attribution':
      return null;
    default:
      break;
  }
  if (ADMONITIONS.has(tag)) {
    const children = convertChildren(node, ctx, depth, sectionDepth, node.pos ?? parent);
    return withLabels(
      node,
      { type: 'admonition', name: tag, title: tag === 'admonition' ? childText(node, 'title') : null, children, position: spanOf(node, children, parent) },
      ctx,
    );
  }
  if (node.text === undefined && node.children.length > 0) {
    const children = convertChildren(node, ctx, depth, sectionDepth, node.pos ?? parent);
    const directive = node.tag === 'container' ? node.directive : undefined;
    const argument = (node.tag === 'container' ? node.argument : undefined) ?? '';
    return withLabels(
      node,
      {
        type: 'container',
        name: directive ?? tag,
        unknownDirective: directive !== undefined,
        title: directive !== undefined ? argument || null : childText(node, 'title'),
        children,
        position: spanOf(node, children, parent),
      },
      ctx,
    );
  }
  if (node.tag === 'container' && node.directive !== undefined) {
    // an unknown directive without content
    const argument = node.argument ?? '';
    return withLabels(
      node,
      { type: 'container', name: node.directive, unknownDirective: true, title: argument || null, children: [], position: spanOf(node, [], parent) },
      ctx,
    );
  }
  return withLabels(node, { type: 'other', name: tag, text: astext(node), position: spanOf(node, [], parent) }, ctx);
}

/** A definition list term's inline nodes up to its first classifier delimiter (` : `), as docutils' `Body.term` splits them. */
function termInline(nodes: RstInline[]): RstInline[] {
  const out: RstInline[] = [];
  for (const n of nodes) {
    if (n.type === 'text') {
      const m = / +: +/.exec(n.value);
      if (m) {
        const value = n.value.slice(0, m.index).replace(/\s+$/, '');
        if (value) out.push({ ...n, value });
        return out;
      }
    }
    out.push(n);
  }
  return out;
}

function table(node: DNode, ctx: Context, depth: number, parent: Position): RstBlock {
  const index = ctx.tableIndex.get(node) ?? -1;
  const t = ctx.tables[index];
  const data = node.tag === 'table' ? node.table : undefined;
  const position = t?.position ?? data?.position ?? parent;
  const cells: RstTableCellNode[] = (data?.cells ?? []).map((c, i) => {
    const pub = t?.cells[i];
    const children = ctx.cellBlocks ? convertChildren(c.entry, ctx, depth, 0, c.position) : [];
    return {
      type: 'cell',
      row: c.row,
      col: c.col,
      rowspan: c.rowspan,
      colspan: c.colspan,
      text: pub?.text ?? astext(c.entry),
      children,
      position: c.position,
    };
  });
  const title = t?.title ?? data?.title ?? null;
  return withLabels(
    node,
    {
      type: 'table',
      kind: t?.kind ?? data?.kind ?? 'grid',
      index,
      title,
      titleInline: title === null ? null : inlineOf(node, title, position, ctx),
      headerRows: data?.headerRows ?? 0,
      columns: data?.columns ?? 0,
      rows: data?.rows ?? 0,
      stubColumns: data?.stubColumns ?? 0,
      cells,
      position,
    },
    ctx,
  );
}
