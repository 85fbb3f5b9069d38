/**
 * The page view (page.ts) built from the parser's public document tree
 * (`fromRst(text, { document: true }).document`): sections, list items,
 * paragraphs, literal and code blocks and tables, each table with the labels
 * docutils gives it (and those of a caption paragraph right before it:
 * `-  .. _x:` / `catalog.endpoints` / the table). Used when the tree is
 * there; page.ts reads the skeleton and the source lines otherwise.
 */
import { rawSourceLines } from '../../parse/block-text.js';
import type { RstBlock, RstDocument, RstRoot, RstTable } from '../../parse/types.js';
import type { Block, Context, PageView } from './page.js';

const TABLE_CAPTION = /^table\s+\d+/i;
const PATH_CAPTION = /^[A-Za-z_][\w-]*(?:\.[\w<>-]+)*(?:\s+(?:field|parameter|object|structure)s?(?:\s+description)?)?$/;
const MAX_DEPTH = 100;

/** A paragraph right before a table is its caption when it is one short line that is not a sentence ("Parameters in the **volume** field", "token.user", "Table 3 …"). */
function isCaption(text: string): boolean {
  return TABLE_CAPTION.test(text) || PATH_CAPTION.test(text) || (text.length <= 120 && !/[.:;!?]$/.test(text) && !/\n/.test(text));
}

const flat = (text: string): string => text.replace(/\s+/g, ' ').trim();

export function buildDocumentView(path: string, text: string, root: RstRoot, document: RstDocument): PageView {
  // split as the parser numbers lines (U+2028 and the like end a line too), so positions index it
  const lines = rawSourceLines(text);
  const tables = new Map<number, RstTable>();
  for (const node of root.children) if (node.type === 'table') tables.set(node.index, node);
  const blocks: Block[] = [];
  const sections = document.children.filter((n) => n.type === 'section');
  const pageSection = sections[0];
  const title = pageSection ? flat(pageSection.title) : '';
  const labels = pageSection?.labels ?? [];

  const visit = (nodes: readonly RstBlock[], context: Context, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    let previous: RstBlock | undefined;
    for (const node of nodes) {
      switch (node.type) {
        case 'section': {
          const inner: Context = node === pageSection ? context : { trail: [...context.trail, flat(node.title)], section: flat(node.title) };
          visit(node.children, inner, depth + 1);
          break;
        }
        case 'listItem': {
          const first = node.children.find((c) => c.type === 'paragraph');
          const label = first?.type === 'paragraph' ? flat(first.text) : '';
          visit(node.children, { trail: [...context.trail, label], section: context.section }, depth + 1);
          break;
        }
        case 'paragraph': {
          const start = node.position.start.line;
          const end = Math.max(start, node.position.end.line - (node.position.end.column === 1 ? 1 : 0));
          const raw = lines.slice(start - 1, Math.min(end, start + 199)).map((l) => l.trim());
          blocks.push({ kind: 'paragraph', text: flat(node.text), raw, context, line: start, position: node.position });
          break;
        }
        case 'literalBlock':
          blocks.push({
            kind: 'code',
            language: (node.language ?? '').toLowerCase(),
            text: node.text,
            context,
            line: node.position.start.line,
            column: node.position.start.column,
          });
          break;
        case 'table': {
          const table = tables.get(node.index);
          if (!table) break;
          const captionParagraph = node.title === null && previous?.type === 'paragraph' && isCaption(flat(previous.text)) ? previous : undefined;
          const caption = node.title ?? (captionParagraph ? flat(captionParagraph.text) : null);
          const tableLabels = [...(node.labels ?? []), ...(captionParagraph?.labels ?? [])];
          blocks.push({ kind: 'table', table, caption, labels: tableLabels, context, line: table.line });
          break;
        }
        case 'list':
        case 'admonition':
        case 'blockQuote':
        case 'container':
        case 'definitionList':
        case 'definitionItem':
        case 'fieldList':
        case 'field':
          visit(node.children, context, depth + 1);
          break;
        case 'other':
        case 'target':
          break;
      }
      if (node.type !== 'target' && !(node.type === 'other' && node.name === 'comment')) previous = node;
    }
  };
  visit(document.children, { trail: [], section: '' }, 0);
  blocks.sort((a, b) => a.line - b.line);
  return { path, title, labels, blocks, lines, titleLine: pageSection?.position.start.line ?? 1 };
}
