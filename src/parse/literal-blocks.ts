/**
 * `literalBlocks`: the literal blocks of a page outside its tables, with
 * their text and where they start, straight from the block parser's tree
 * (`ParseOptions.literalBlocks`). They are the `literalBlock`s the document
 * tree (document.ts) gives, found where a walk over its blocks' `children`
 * finds them (not in table cells), without building the tree: a reader that
 * wants only the examples of a page (the model's error body) does not hold a
 * document of every table and paragraph.
 *
 * Each case mirrors `convert` in document.ts: which nodes become blocks with
 * children, which children they keep, and the position a block without a
 * span of its own falls back to.
 */
import type { DNode } from './block-machine.js';
import type { Position, RstLiteralText } from './types.js';

/** Blocks nested deeper than this are not looked into (readers of examples look no deeper). */
const MAX_DEPTH = 50;

const ADMONITIONS = new Set(['attention', 'caution', 'danger', 'error', 'hint', 'important', 'note', 'tip', 'warning', 'admonition']);

/** The literal blocks outside tables, in document order. The parser must have run in document mode (spans). */
export function literalBlocks(root: DNode, position: Position): RstLiteralText[] {
  const out: RstLiteralText[] = [];
  visit(root.children, 0, position, out);
  return out;
}

function visit(nodes: readonly DNode[], depth: number, parent: Position, out: RstLiteralText[]): void {
  if (depth > MAX_DEPTH) return;
  for (const node of nodes) {
    if (node.tag === 'literal_block' || node.tag === 'doctest_block') {
      const text = (node.tag === 'literal_block' ? node.code : undefined) ?? node.text ?? astext(node);
      const start = node.pos ? node.pos.start : node.line !== undefined ? { line: node.line, column: 1 } : parent.start;
      out.push({ text, line: start.line, column: start.column });
      continue;
    }
    const inner = blockChildren(node);
    if (inner) visit(inner, depth + 1, node.pos ?? parent, out);
  }
}

/** The nodes whose blocks are the `children` of `node`'s block, or null for a block without children (or none). */
function blockChildren(node: DNode): readonly DNode[] | null {
  switch (node.tag) {
    case 'system_message':
    case 'title':
    case 'target':
    case 'paragraph':
    case 'attribution':
      return null;
    case 'section':
    case 'list_item':
    case 'block_quote':
      return node.children;
    case 'bullet_list':
    case 'enumerated_list':
      return node.children.filter((c) => c.tag === 'list_item');
    case 'definition_list':
      return node.children.filter((c) => c.tag === 'definition_list_item');
    case 'definition_list_item':
      return node.children.find((c) => c.tag === 'definition')?.children ?? [];
    case 'field_list':
      return node.children.filter((c) => c.tag === 'field');
    case 'field':
      return node.children.find((c) => c.tag === 'field_body')?.children ?? [];
    default:
      break;
  }
  if (node.tag === 'table' && node.table) return null;
  if (ADMONITIONS.has(node.tag)) return node.children;
  if (node.text === undefined && node.children.length > 0) return node.children;
  return null;
}

/** docutils' `astext()` (system messages left out), as document.ts reads it. */
function astext(node: DNode): string {
  if (node.text !== undefined) return node.text;
  const parts: string[] = [];
  for (const c of node.children) if (c.tag !== 'system_message') parts.push(astext(c));
  return parts.join('\n\n');
}
