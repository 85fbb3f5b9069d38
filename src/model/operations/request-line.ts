/**
 * Where an operation page states its request line: a URI-like section or list item first (a line, `PATH:` +
 * `Method:` lines, a `Method | URI` table, a line in a table cell), else the first blocks before any example;
 * the line's forms are read by path.ts.
 */
import type { RstTable } from '../../parse/types.js';
import type { Block, PageView } from './page.js';
import { isS3Block, readMethodLine, readPathMethodLines, readRequestTable } from './path.js';
import type { LineReading } from './path.js';

const URI_CONTEXT =
  /^(?:uri|url|uris|urls|uri format|request uri|request url|request line|request syntax|api uri|uri and method|request path|path|api url|request method and uri)$/i;

/** Section titles and captions of examples: no request line is read there. */
export const EXAMPLE = /\b(?:examples?|samples?)\b/i;

/** Finds the request line: in a URI-like section or list item first, else in the first blocks before any example. */
export function findRequestLine(
  view: PageView,
): { reading: LineReading; block: Block } | { reading: { kind: 'none' }; block: undefined; uriSection: Block | undefined } {
  let uriSection: Block | undefined;
  let firstUnreadable: { reading: LineReading; block: Block } | undefined;
  for (const pass of [0, 1] as const) {
    for (const block of view.blocks) {
      const inUri = block.context.trail.some((t) => URI_CONTEXT.test(t.trim()));
      if (block.kind === 'table') {
        // A `Method | URI` table, or a request line in a cell of a table in a URI section; like any other block, one in
        // a URI section first, else one outside examples when the page has no URI section (a `Method | URI` table of
        // related APIs in the Function section does not outrank the URI section's own request line).
        if (block.context.trail.some((t) => EXAMPLE.test(t))) continue;
        if (pass === 0 ? !inUri : inUri || uriSection !== undefined) continue;
        const reading = tableRequestLine(block.table, inUri);
        if (reading.kind === 'line') return { reading, block };
        if (reading.kind === 'unreadable') firstUnreadable ??= { reading, block };
        continue;
      }
      if (inUri) uriSection ??= block;
      if (pass === 0 && !inUri) continue;
      if (pass === 1 && (block.context.trail.some((t) => EXAMPLE.test(t)) || uriSection !== undefined)) continue;
      const lines = block.kind === 'paragraph' ? block.raw : block.text.split('\n').slice(0, 40);
      const pair = readPathMethodLines(view.lines.slice(block.line - 1, block.line + 6).filter((l) => l.trim() !== ''));
      if (pair.kind === 'line') return { reading: pair, block };
      for (const text of lines) {
        const reading = readMethodLine(text);
        if (reading.kind === 'line') {
          if (block.kind === 'code' && isS3Block(block.text, reading.line)) reading.line.s3 = true;
          return { reading, block };
        }
        if (reading.kind === 'unreadable') firstUnreadable ??= { reading, block };
      }
    }
    if (firstUnreadable) return firstUnreadable;
  }
  return { reading: { kind: 'none' }, block: undefined, uriSection };
}

/** A request line held by a table: a `Method | URI` header pair, or (in a URI section) a cell holding the line. */
function tableRequestLine(table: RstTable, inUri: boolean): LineReading {
  const rows: string[][] = [];
  for (const cell of table.cells) (rows[cell.row] ??= [])[cell.col] = cell.text;
  const header = rows.slice(0, Math.max(1, table.headerRows)).map((r) => Array.from(r, (t) => (t ?? '').trim().toLowerCase()));
  for (const h of header) {
    const reading = readRequestTable(h, rows.slice(table.headerRows > 0 ? table.headerRows : 1));
    if (reading.kind !== 'none') return reading;
  }
  if (!inUri) return { kind: 'none' };
  for (const cell of table.cells.slice(0, 50)) {
    for (const text of cell.text.split('\n').slice(0, 5)) {
      const reading = readMethodLine(text);
      if (reading.kind === 'line') return reading;
    }
  }
  return { kind: 'none' };
}
