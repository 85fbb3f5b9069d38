/**
 * Finds every table of a page with the group its rows belong to:
 *
 *   Status Codes            <- page title: never a group
 *   ============
 *   -  Normal               <- list item label: group "Normal"
 *      +-----+-----+
 *      | ... | ... |
 *   Errors                  <- section below the title: group "Errors"
 *   ------                     (unless a list item or a caption is closer)
 *   .. table:: **Table 2** Abnormal status codes   <- caption: group "Abnormal status codes"
 *
 * Precedence: the innermost enclosing list item's label, else the table's
 * caption (the `.. table::` title, or a `Table N …` paragraph right before
 * the table) without its `Table N` numbering, else the innermost enclosing
 * section below the page title, else null.
 */
import type { RstNode, RstRoot, RstTable } from '../parse/types.js';

export interface PlacedTable {
  table: RstTable;
  group: string | null;
}

const TABLE_NUMBER = /^table\s+\d+(?:[-.]\d+)*\s*[.:]?\s*/i;

/** "Table 1 Normal status codes" -> "Normal status codes"; null when nothing is left. */
export function captionGroup(caption: string | null): string | null {
  if (caption === null) return null;
  const text = caption.replace(TABLE_NUMBER, '').trim();
  return text === '' ? null : text;
}

interface Context {
  label: string | null;
  section: string | null;
}

/** Every table of `root` in document order, with its group. */
export function collectTables(root: RstRoot): PlacedTable[] {
  const topSections = root.children.filter((n) => n.type === 'section');
  const pageTitle = topSections.length === 1 ? topSections[0] : undefined;
  const out: PlacedTable[] = [];
  const visit = (nodes: readonly RstNode[], ctx: Context): void => {
    let previous: RstNode | undefined;
    for (const node of nodes) {
      switch (node.type) {
        case 'table': {
          const paragraphCaption = node.title === null && previous?.type === 'paragraph' && TABLE_NUMBER.test(previous.text) ? previous.text : null;
          const group = ctx.label ?? captionGroup(node.title ?? paragraphCaption) ?? ctx.section;
          out.push({ table: node, group });
          break;
        }
        case 'section':
          visit(node.children, { ...ctx, section: node === pageTitle ? ctx.section : node.title.trim() || ctx.section });
          break;
        case 'listItem':
          visit(node.children, { ...ctx, label: node.label.trim() || ctx.label });
          break;
        case 'directive':
          visit(node.children, ctx);
          break;
        case 'paragraph':
          break;
      }
      previous = node;
    }
  };
  visit(root.children, { label: null, section: null });
  return out;
}
