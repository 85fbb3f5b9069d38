/**
 * The statuses an operation page documents: status tables' code cells, `200`-like lines in status sections, and
 * the status line of a response syntax or sample block (`HTTP/1.1 204 No Content`).
 */
import type { PageView, TableBlock } from './page.js';
import { statusColumns } from './tables.js';

const CODE = /^\s*([1-5]\d\d)\b(.*)$/s;
const STATUS_LINE = /^\s*HTTP\/\d(?:\.\d)?[ \t]+([1-5]\d\d)\b([^\n]*)/;

/** Documented statuses: status tables' code cells, and `200`-like lines in status sections. */
export function readStatuses(view: PageView, tables: readonly TableBlock[]): Array<{ code: string; description: string }> {
  const out: Array<{ code: string; description: string }> = [];
  const add = (code: string, description: string): void => {
    if (!out.some((s) => s.code === code)) out.push({ code, description: description.replace(/\s+/g, ' ').trim() });
  };
  for (const block of tables) {
    const cols = statusColumns(block.table)!;
    const rows = new Map<number, { code?: string; description?: string }>();
    for (const cell of block.table.cells) {
      if (cell.row < block.table.headerRows) continue;
      const r = rows.get(cell.row) ?? {};
      if (cell.col === cols.code) r.code = cell.text;
      if (cols.description !== null && cell.col === cols.description) r.description = cell.text;
      rows.set(cell.row, r);
    }
    for (const r of rows.values()) {
      const m = CODE.exec(r.code ?? '');
      if (m) add(m[1]!, r.description ?? m[2]!.trim());
    }
  }
  for (const block of view.blocks) {
    // A response's status line (`HTTP/1.1 204 No Content`) in a response syntax or sample block; 1xx is interim.
    if (block.kind === 'code') {
      if (!block.context.trail.some((t) => /\bresponses?\b/i.test(t))) continue;
      const m = STATUS_LINE.exec(block.text.slice(0, 200));
      if (m && m[1]![0] !== '1') add(m[1]!, /^[A-Z][A-Za-z -]*$/.test(m[2]!.trim()) ? m[2]!.trim() : '');
      continue;
    }
    if (block.kind !== 'paragraph') continue;
    if (!block.context.trail.some((t) => /\b(?:status codes?|returned values?|normal response|abnormal response|response codes?)\b/i.test(t))) continue;
    for (const m of block.text.matchAll(/(?:^|\s)([1-5]\d\d)(?:\s+([A-Z][A-Za-z -]{1,40}))?(?=$|[\s.,;:])/g)) add(m[1]!, m[2] ?? '');
  }
  return out;
}
