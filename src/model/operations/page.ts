/**
 * A flat, ordered view of one page for the operation reader: its title, its
 * label, and its blocks (tables, paragraphs, code blocks) each with the
 * section titles and list-item labels that enclose it and the `.. _label:`
 * targets written right before it.
 *
 * Built from the parse tree (sections, list items, paragraphs, tables with
 * docutils-exact cell text) plus the page's source lines for what the tree
 * does not keep: reference targets, the raw markup of cells (`:ref:` targets,
 * `**bold**` values) and code / literal blocks.
 */
import { rawSourceLines } from '../../parse/block-text.js';
import type { Position, RstCell, RstNode, RstRoot, RstTable } from '../../parse/types.js';

export interface Context {
  /** Section titles below the page title and list-item labels, outermost first. */
  trail: string[];
  /** The innermost section title below the page title, or ''. */
  section: string;
}

export interface TableBlock {
  kind: 'table';
  table: RstTable;
  caption: string | null;
  labels: string[];
  context: Context;
  line: number;
}

interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
  /** Source lines of the paragraph (markup kept), trimmed. */
  raw: string[];
  context: Context;
  line: number;
  position: Position;
}

interface CodeBlock {
  kind: 'code';
  /** `json`, `text`, `xml`, … for `code-block`; '' for a literal block. */
  language: string;
  /** The content, dedented. */
  text: string;
  context: Context;
  line: number;
  column: number;
}

export type Block = TableBlock | ParagraphBlock | CodeBlock;

export interface PageView {
  path: string;
  title: string;
  /** Labels written before the page title (`.. _as_06_0101:`). */
  labels: string[];
  blocks: Block[];
  /** The raw source lines (0-based index = line - 1). */
  lines: string[];
  /** Line of the page title (1 when it has none). */
  titleLine: number;
}

const LABEL = /^\s*(?:[-*+]\s+|#\.\s+|\d+\.\s+)?\.\.\s+_([^:`]+|`[^`]+`):\s*$/;
const TABLE_CAPTION = /^table\s+\d+/i;
/** A paragraph naming a field path right before a table is its caption (`catalog.endpoints`, `token.user`). */
const PATH_CAPTION = /^[A-Za-z_][\w-]*(?:\.[\w<>-]+)*(?:\s+(?:field|parameter|object|structure)s?(?:\s+description)?)?$/;
const MAX_DEPTH = 100;

/**
 * The `.. _x:` labels on the lines right above `line`: blank lines and other
 * labels between are fine, and so is one short caption paragraph (`catalog.endpoints`)
 * between the labels and the table (`-  .. _x:` on a list item counts too).
 */
function labelsAbove(lines: readonly string[], line: number, captionLines = 0): string[] {
  const out: string[] = [];
  let text = 0;
  for (let i = line - 2, seen = 0; i >= 0 && seen < 20; i--, seen++) {
    const value = lines[i] ?? '';
    if (value.trim() === '') continue;
    const m = LABEL.exec(value);
    if (!m) {
      if (out.length === 0 && text < captionLines && !/^\s*(?:\.\.|[-=~^"+`#*]{3,}\s*$)/.test(value)) {
        text++;
        continue;
      }
      break;
    }
    out.unshift(normalizeLabel(m[1]!));
  }
  return out;
}

/** Labels compare as docutils' ids do: case and whitespace folded. */
export function normalizeLabel(label: string): string {
  return label.replace(/^`|`$/g, '').trim().toLowerCase().replace(/\s+/g, ' ');
}

export function buildPageView(path: string, text: string, root: RstRoot): PageView {
  const lines = rawSourceLines(text); // as the parser numbers lines
  const blocks: Block[] = [];
  const topSections = root.children.filter((n) => n.type === 'section');
  const pageSection = topSections[0];
  const title = pageSection?.title.trim() ?? '';
  const labels = pageSection ? labelsAbove(lines, pageSection.position.start.line) : [];
  const ranges: Array<{ start: number; end: number; context: Context }> = [];
  const tableRanges: Array<[number, number]> = [];
  const visit = (nodes: readonly RstNode[], context: Context, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    let previous: RstNode | undefined;
    for (const node of nodes) {
      switch (node.type) {
        case 'table': {
          const caption =
            node.title ??
            (previous?.type === 'paragraph' &&
            (TABLE_CAPTION.test(previous.text) ||
              PATH_CAPTION.test(previous.text.trim()) ||
              (previous.text.trim().length <= 120 && !/[.:;!?]$/.test(previous.text.trim())))
              ? previous.text.trim()
              : null);
          const anchorLine = node.directiveLine ?? node.line;
          const tableLabels = labelsAbove(lines, anchorLine, node.title === null && caption !== null ? 2 : 0);
          blocks.push({ kind: 'table', table: node, caption, labels: tableLabels, context, line: node.line });
          tableRanges.push([node.position.start.line, node.position.end.line]);
          break;
        }
        case 'paragraph': {
          const raw = paragraphLines(lines, node.position.start.line);
          blocks.push({ kind: 'paragraph', text: node.text, raw, context, line: node.position.start.line, position: node.position });
          break;
        }
        case 'section': {
          const inner: Context = node === pageSection ? context : { trail: [...context.trail, node.title.trim()], section: node.title.trim() };
          ranges.push({ start: node.position.start.line, end: node.position.end.line, context: inner });
          visit(node.children, inner, depth + 1);
          break;
        }
        case 'listItem': {
          const inner: Context = { trail: [...context.trail, node.label.trim()], section: context.section };
          ranges.push({ start: node.position.start.line, end: node.position.end.line, context: inner });
          visit(node.children, inner, depth + 1);
          break;
        }
        case 'directive':
          visit(node.children, context, depth + 1);
          break;
      }
      previous = node;
    }
  };
  visit(root.children, { trail: [], section: '' }, 0);
  for (const code of codeBlocks(lines, tableRanges)) {
    let context: Context = { trail: [], section: '' };
    for (const r of ranges) if (r.start <= code.line && code.line <= r.end && r.context.trail.length >= context.trail.length) context = r.context;
    blocks.push({ ...code, context });
  }
  blocks.sort((a, b) => a.line - b.line);
  return { path, title, labels, blocks, lines, titleLine: pageSection?.position.start.line ?? 1 };
}

function paragraphLines(lines: readonly string[], start: number): string[] {
  const out: string[] = [];
  for (let i = start - 1; i < lines.length && out.length < 200; i++) {
    const text = lines[i] ?? '';
    if (text.trim() === '') break;
    out.push(text.trim());
  }
  return out;
}

const CODE_DIRECTIVE = /^(\s*)(?:-\s+|#\.\s+|\d+\.\s+)?\.\.\s+(?:code-block|code|sourcecode)::\s*(\S*)/;

/** Code-block directives and `::` literal blocks outside tables, from the source lines. */
function codeBlocks(lines: readonly string[], tables: ReadonlyArray<[number, number]>): Array<Omit<CodeBlock, 'context'>> {
  const out: Array<Omit<CodeBlock, 'context'>> = [];
  const inTable = (line: number): boolean => tables.some(([s, e]) => s <= line && line <= e);
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    const directive = CODE_DIRECTIVE.exec(text);
    let language: string | null = null;
    let indent = 0;
    if (directive) {
      language = directive[2]!.toLowerCase();
      indent = directive[1]!.length;
    } else if (/::\s*$/.test(text) && !/^\s*\.\./.test(text) && !/^\s*\|/.test(text)) {
      language = '';
      // The paragraph's indentation: its first line's.
      let first = i;
      while (first > 0 && (lines[first - 1] ?? '').trim() !== '') first--;
      indent = (/^\s*(?:[-*+]\s+|#\.\s+|\d+\.\s+)?/.exec(lines[first] ?? '')?.[0] ?? '').length;
      indent = Math.min(indent, /^\s*/.exec(text)![0].length);
    }
    if (language === null || inTable(i + 1)) continue;
    // Skip options (`:linenos:`) and blank lines, then take lines indented deeper than the marker.
    let j = i + 1;
    while (j < lines.length && (lines[j]!.trim() === '' || (directive && /^\s+:[\w-]+:/.test(lines[j]!)))) j++;
    const body: string[] = [];
    let start = j;
    for (; j < lines.length; j++) {
      const line = lines[j]!;
      if (line.trim() !== '' && /^\s*/.exec(line)![0].length <= indent) break;
      body.push(line);
    }
    while (body.length > 0 && body[body.length - 1]!.trim() === '') body.pop();
    if (body.length === 0) continue;
    const dedent = Math.min(...body.filter((l) => l.trim() !== '').map((l) => /^\s*/.exec(l)![0].length));
    out.push({ kind: 'code', language, text: body.map((l) => l.slice(dedent)).join('\n'), line: start + 1, column: dedent + 1 });
    i = j - 1;
    start = 0;
  }
  return out;
}

/** Each table's column boundaries in its top border (the `+`s of a grid table, the `=` runs' starts of a simple one), found once per table. */
const borderColumns = new WeakMap<RstTable, { border: string; columns: number[] }>();

function columnsOf(border: string, table: RstTable): number[] {
  const known = borderColumns.get(table);
  if (known?.border === border) return known.columns;
  const columns: number[] = [];
  if (table.kind === 'grid') for (let i = border.indexOf('+'); i >= 0; i = border.indexOf('+', i + 1)) columns.push(i);
  else for (const m of border.matchAll(/=+/g)) columns.push(m.index);
  borderColumns.set(table, { border, columns });
  return columns;
}

/** The raw source text of a grid or simple table cell (markup kept; lines joined with `\n`), or null when it cannot be cut out. */
export function rawCellText(lines: readonly string[], table: RstTable, cell: RstCell): string | null {
  const border = lines[table.line - 1];
  if (border === undefined) return null;
  let left: number;
  let right: number;
  if (table.kind === 'grid') {
    const plus = columnsOf(border, table);
    const l = plus[cell.col];
    const r = plus[cell.col + cell.colspan];
    if (l === undefined || r === undefined) return null;
    left = l + 1;
    right = r;
  } else if (table.kind === 'simple') {
    const starts = columnsOf(border, table);
    const l = starts[cell.col];
    if (l === undefined) return null;
    left = l;
    right = starts[cell.col + cell.colspan] ?? Number.MAX_SAFE_INTEGER;
  } else return null;
  const out: string[] = [];
  for (let n = cell.position.start.line; n <= Math.max(cell.position.start.line, cell.position.end.line) && out.length < 5000; n++) {
    out.push((lines[n - 1] ?? '').slice(left, right).trimEnd());
  }
  return out.join('\n');
}
