/** The statuses an operation page documents: status tables' code cells, and `200`-like lines in status sections. */
import type { PageView, TableBlock } from './page.js';
import { statusColumns } from './tables.js';

const CODE = /^\s*([1-5]\d\d)\b(.*)$/s;

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
    if (block.kind !== 'paragraph') continue;
    if (!block.context.trail.some((t) => /\b(?:status codes?|returned values?|normal response|abnormal response|response codes?)\b/i.test(t))) continue;
    for (const m of block.text.matchAll(/(?:^|\s)([1-5]\d\d)(?:\s+([A-Z][A-Za-z -]{1,40}))?(?=$|[\s.,;:])/g)) add(m[1]!, m[2] ?? '');
  }
  return out;
}
