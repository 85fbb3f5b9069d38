/**
 * The document skeleton — sections, list items, directives, paragraphs —
 * from the `restructured` package, with the tables found by blocks.ts hung
 * into it.
 *
 * restructured does not parse tables (and is slow on them), so every
 * top-level table region is first replaced by a one-word placeholder
 * paragraph at the table's indentation, blank lines after it:
 *
 *   -  Normal                 -  Normal
 *                                                   listItem "Normal"
 *      +------+------+   ->      RSTCODEGENTABLE  ->   └ table (line 3)
 *      | 200  | OK   |
 *      +------+------+
 *
 * then each table is attached to the innermost skeleton node whose line
 * range contains its first line. If restructured throws, the tables become
 * children of the root and an info message `skeleton-unavailable` says why.
 *
 * restructured's time grows faster than linearly (about 5 s for 2 MB of
 * paragraphs, 14 s for 4 MB, 156 s and 3.4 GB for 50 MB), so a page with
 * more than `SKELETON_MAX_CHARS` characters outside its tables is not given
 * to it: its tables are listed flat and a warning `skeleton-too-large` says
 * so. Real status and error-code pages are far below the bound (the largest
 * in the corpus has 589 KB, most of it tables).
 */
import restructuredModule from 'restructured';
import type { Position, RstNode, RstParent, RstRoot, RstTable } from './types.js';
import { pyCollapse } from './block-text.js';

const PLACEHOLDER = 'RSTCODEGENTABLE';

/** Most characters (outside tables) given to restructured; see the module comment. */
export const SKELETON_MAX_CHARS = 1_000_000;

interface RsNode {
  type: string;
  value?: string;
  depth?: number;
  directive?: string;
  children?: RsNode[];
  position?: { start: { line: number; column: number; offset?: number }; end: { line: number; column: number; offset?: number } };
}

interface RsModule {
  parse(text: string, options: { position: boolean; blanklines: boolean }): RsNode;
}

/** `import rst from 'restructured'` gives the CommonJS exports object under Node's ESM loader. */
function restructured(): RsModule {
  const mod = restructuredModule as unknown as RsModule & { default?: RsModule };
  return typeof mod.parse === 'function' ? mod : (mod.default as RsModule);
}

/** Text of an inline subtree, whitespace collapsed. */
function inlineText(node: RsNode): string {
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(inlineText).join('');
}

/** Source text with every top-level table region replaced by a placeholder paragraph. */
export function maskTables(lines: readonly string[], tables: readonly RstTable[]): string {
  const out = [...lines];
  let coveredUntil = 0;
  for (const t of [...tables].sort((a, b) => a.position.start.line - b.position.start.line)) {
    const first = t.position.start.line;
    const last = t.position.end.line;
    if (first <= coveredUntil) continue; // nested table: inside the region already
    coveredUntil = last;
    for (let l = first; l <= last && l <= out.length; l++) out[l - 1] = '';
    out[first - 1] = ' '.repeat(Math.max(0, t.position.start.column - 1)) + PLACEHOLDER;
  }
  return out.join('\n') + '\n';
}

function rangeOf(node: RsNode): Position {
  const start = node.position?.start ?? { line: 1, column: 1 };
  const end = node.position?.end ?? start;
  // restructured's end points at the start of the next line
  const endLine = end.column === 1 && end.line > start.line ? end.line - 1 : end.line;
  return { start: { line: start.line, column: start.column }, end: { line: endLine, column: end.column } };
}

function convert(node: RsNode, lines: readonly string[], into: RstNode[]): void {
  for (const child of node.children ?? []) {
    const position = rangeOf(child);
    switch (child.type) {
      case 'section': {
        const title = (child.children ?? []).find((c) => c.type === 'title');
        const section: RstNode = {
          type: 'section',
          title: pyCollapse(title ? inlineText(title) : ''),
          depth: child.depth ?? 1,
          children: [],
          position,
        };
        convert({ type: 'x', children: (child.children ?? []).filter((c) => c.type !== 'title') }, lines, section.children);
        into.push(section);
        break;
      }
      case 'bullet_list':
      case 'enumerated_list':
        for (const item of child.children ?? []) {
          if (item.type !== 'list_item') continue;
          const first = (item.children ?? []).find((c) => c.type === 'paragraph');
          const label = first ? pyCollapse(inlineText(first)) : '';
          const li: RstNode = { type: 'listItem', label: label === PLACEHOLDER ? '' : label, children: [], position: rangeOf(item) };
          convert(item, lines, li.children);
          into.push(li);
        }
        break;
      case 'directive': {
        const head = lines[position.start.line - 1] ?? '';
        const m = /^\s*\.\.\s+([^\s]+?)\s*::\s*(.*)$/.exec(head);
        const d: RstNode = {
          type: 'directive',
          name: child.directive ?? m?.[1] ?? '',
          argument: m?.[2]?.trim() ?? '',
          children: [],
          position,
        };
        into.push(d);
        break;
      }
      case 'paragraph': {
        const text = pyCollapse(inlineText(child));
        if (text !== PLACEHOLDER) into.push({ type: 'paragraph', text, position });
        break;
      }
      default:
        if (child.children?.length && child.type !== 'text') convert(child, lines, into);
    }
  }
}

function contains(node: RstNode, line: number): boolean {
  return node.position.start.line <= line && line <= node.position.end.line;
}

/** Hangs `table` into the innermost container whose range contains its first line. */
function attach(parent: RstParent, table: RstTable): void {
  for (const child of parent.children) {
    if ((child.type === 'section' || child.type === 'listItem' || child.type === 'directive') && contains(child, table.position.start.line)) {
      if (child.position.end.line < table.position.end.line) {
        child.position = { start: child.position.start, end: table.position.end };
      }
      attach(child, table);
      return;
    }
  }
  const at = parent.children.findIndex((c) => c.position.start.line > table.position.start.line);
  if (at < 0) parent.children.push(table);
  else parent.children.splice(at, 0, table);
}

/**
 * Builds the skeleton of `root` from `restructured`, attaching `tables`
 * (all of them, nested ones included, in document order).
 */
export function buildSkeleton(_source: string, root: RstRoot, tables: RstTable[], lines: readonly string[]): RstRoot {
  const flat = (level: 1 | 2, message: string, ruleId: string): RstRoot => ({
    ...root,
    children: tables,
    messages: [...root.messages, { level, type: level === 1 ? 'INFO' : 'WARNING', line: 1, column: 1, message, ruleId }],
  });
  const masked = maskTables(lines, tables);
  if (masked.length > SKELETON_MAX_CHARS) {
    return flat(
      2,
      `The page has ${masked.length} characters outside its tables, more than the ${SKELETON_MAX_CHARS} the document skeleton is built for; its tables are read without their sections and list items, so groups come only from table captions.`,
      'skeleton-too-large',
    );
  }
  let tree: RsNode;
  try {
    tree = restructured().parse(masked, { position: true, blanklines: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return flat(1, `The document skeleton is unavailable (restructured failed: \`${reason}\`); tables are listed flat.`, 'skeleton-unavailable');
  }
  const out: RstRoot = { ...root, children: [] };
  convert(tree, lines, out.children);
  for (const table of tables) attach(out, table);
  return out;
}
