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
 * restructured is a PEG.js parser without memoisation: its time grows faster
 * than linearly with the text, and exponentially with the indentation depth
 * (20 paragraphs, each indented one space more than the last, take it 26 s and
 * 1.6 GB). So its work is bounded two ways, both deterministic (the same page
 * gives the same tree on any machine):
 * - a page with more than `SKELETON_MAX_CHARS` characters outside its tables
 *   is not given to it (`skeleton-too-large`);
 * - it reads the text through a `BudgetedText`, which counts every character
 *   access and stops the parse after `SKELETON_MAX_STEPS` of them
 *   (`skeleton-too-complex`), a fraction of a second.
 * In both cases the tables are listed flat and a warning says so. Real status
 * and error-code pages are far below both bounds (the corpus's most costly
 * page takes 0.45 M steps, its largest error-code page 0.18 M; most of its 589 KB largest page is tables).
 */
import restructuredParser from 'restructured/lib/Parser.js';
import type { Position, RstNode, RstParent, RstRoot, RstTable, SystemMessage } from './types.js';
import { systemMessage } from './rules.js';
import { pyCollapse } from './block-text.js';

const PLACEHOLDER = 'RSTCODEGENTABLE';

/** Most characters (outside tables) given to restructured; see the module comment. */
export const SKELETON_MAX_CHARS = 150_000;

/** Most character reads restructured may make on one page (a few tenths of a second at most); see the module comment. */
export const SKELETON_MAX_STEPS = 3_000_000;

interface RsNode {
  type: string;
  value?: string;
  depth?: number;
  directive?: string;
  children?: RsNode[];
  position?: { start: { line: number; column: number; offset?: number }; end: { line: number; column: number; offset?: number } };
}

interface RsParser {
  /** PEG.js's `parse(input)`: reads `input` only through `length`, `charAt`, `charCodeAt`, `substr` and `substring`. */
  parse(input: string | BudgetedText): RsNode;
}

/** The PEG.js parser inside `restructured` (its `parse` wrapper only copies the tree, dropping fields). */
function restructured(): RsParser {
  const mod = restructuredParser as unknown as RsParser & { default?: RsParser };
  return typeof mod.parse === 'function' ? mod : (mod.default as RsParser);
}

/** Thrown by `BudgetedText` when the budget is spent. */
class BudgetSpent extends Error {}

/**
 * The text given to restructured's parser in place of a string: the same
 * reads, each one counted; the read after the `budget`-th throws
 * `BudgetSpent`. Every step of the parser (a rule tried, a position
 * computed, an expectation recorded) reads a character, so the count bounds
 * both its time and the memory it allocates.
 */
export class BudgetedText {
  readonly length: number;
  steps = 0;

  constructor(
    private readonly text: string,
    private readonly budget: number,
  ) {
    this.length = text.length;
  }

  private step(): void {
    if (++this.steps > this.budget) throw new BudgetSpent();
  }

  charAt(index: number): string {
    this.step();
    return this.text.charAt(index);
  }

  charCodeAt(index: number): number {
    this.step();
    return this.text.charCodeAt(index);
  }

  substr(start: number, length?: number): string {
    this.step();
    return this.text.substr(start, length);
  }

  substring(start: number, end?: number): string {
    this.step();
    return this.text.substring(start, end);
  }
}

/** Text of an inline subtree, whitespace collapsed. */
function inlineText(node: RsNode): string {
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(inlineText).join('');
}

/** Line ranges (1-based, inclusive) of the top-level table regions, in order; nested tables lie inside them. */
function tableRegions(tables: readonly RstTable[]): Array<{ first: number; last: number; column: number }> {
  const regions: Array<{ first: number; last: number; column: number }> = [];
  let coveredUntil = 0;
  for (const t of [...tables].sort((a, b) => a.position.start.line - b.position.start.line)) {
    const first = t.position.start.line;
    if (first <= coveredUntil) continue; // nested table: inside the region already
    coveredUntil = t.position.end.line;
    regions.push({ first, last: t.position.end.line, column: t.position.start.column });
  }
  return regions;
}

/** Source text with every top-level table region replaced by a placeholder paragraph. */
export function maskTables(lines: readonly string[], tables: readonly RstTable[]): string {
  const out = [...lines];
  for (const { first, last, column } of tableRegions(tables)) {
    for (let l = first; l <= last && l <= out.length; l++) out[l - 1] = '';
    if (first <= out.length) out[first - 1] = ' '.repeat(Math.max(0, column - 1)) + PLACEHOLDER;
  }
  return out.join('\n') + '\n';
}

/** Characters of the page outside its tables (line breaks included), what `SKELETON_MAX_CHARS` bounds. */
export function charsOutsideTables(lines: readonly string[], tables: readonly RstTable[]): number {
  let chars = 0;
  let line = 1;
  const count = (upTo: number) => {
    for (; line <= upTo && line <= lines.length; line++) chars += lines[line - 1]!.length + 1;
  };
  for (const { first, last } of tableRegions(tables)) {
    count(first - 1);
    line = Math.max(line, last + 1);
  }
  count(lines.length);
  return chars;
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
export function buildSkeleton(root: RstRoot, tables: RstTable[], lines: readonly string[]): RstRoot {
  const flat = (message: SystemMessage): RstRoot => ({ ...root, children: tables, messages: [...root.messages, message] });
  const outside = charsOutsideTables(lines, tables);
  if (outside > SKELETON_MAX_CHARS) {
    return flat(systemMessage('skeleton-too-large', { chars: outside, max: SKELETON_MAX_CHARS }, 1, 1));
  }
  let tree: RsNode;
  try {
    tree = restructured().parse(new BudgetedText(maskTables(lines, tables), SKELETON_MAX_STEPS));
  } catch (error) {
    if (error instanceof BudgetSpent) {
      return flat(systemMessage('skeleton-too-complex', { steps: SKELETON_MAX_STEPS }, 1, 1));
    }
    const reason = error instanceof Error ? error.message : String(error);
    return flat(systemMessage('skeleton-unavailable', { reason }, 1, 1));
  }
  const out: RstRoot = { ...root, children: [] };
  convert(tree, lines, out.children);
  for (const table of tables) attach(out, table);
  return out;
}
