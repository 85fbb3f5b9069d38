/**
 * An independent count of parameter-table rows for the operation tests: every row of a parameter table of
 * an operation page (read from the page's own parse tree, not from the extractor's bookkeeping) must be
 * named by a parameter or property of that page's operations (following `$ref`s), or have a diagnostic on
 * its line or on its table.
 */
import { parameterName } from '../../src/model/operations/extract.js';
import { parameterColumns, parameterRows } from '../../src/model/operations/tables.js';
import type { OperationsModel } from '../../src/model/operations/types.js';
import { fromRst } from '../../src/parse/index.js';
import type { RstNode, RstTable } from '../../src/parse/types.js';

/** The tables of a parse tree, in document order (an explicit stack, no recursion). */
function tablesOf(nodes: readonly RstNode[]): RstTable[] {
  const out: RstTable[] = [];
  const stack: RstNode[] = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'table') out.push(node);
    const children = (node as { children?: readonly RstNode[] }).children;
    if (Array.isArray(children)) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return out;
}

/** Lower-cased parameter and property names of the operations listing `page`, following `$ref`s into components. */
function namesOf(model: OperationsModel, page: string): Set<string> {
  const names = new Set<string>();
  const seen = new Set<string>();
  const todo: unknown[] = model.operations.filter((o) => o.pages.includes(page));
  while (todo.length > 0) {
    const value = todo.pop();
    if (Array.isArray(value)) todo.push(...value);
    else if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record['name'] === 'string' && typeof record['in'] === 'string') names.add(record['name'].toLowerCase());
      // A path parameter renamed to the service's spelling of the path keeps the table's name.
      if (typeof record['documentedAs'] === 'string' && typeof record['in'] === 'string') names.add(record['documentedAs'].toLowerCase());
      if (record['properties'] && typeof record['properties'] === 'object') for (const k of Object.keys(record['properties'])) names.add(k.toLowerCase());
      const ref = record['$ref'];
      if (typeof ref === 'string' && !seen.has(ref)) {
        seen.add(ref);
        todo.push(model.schemas[ref.replace('#/components/schemas/', '')]);
      }
      todo.push(...Object.values(record));
    }
  }
  return names;
}

export interface RowAccount {
  rows: number;
  placed: number;
  explained: number;
  /** `page:line name` of every row found nowhere. */
  lost: string[];
}

/** Accounts for every parameter row of the operation pages among `pages`. */
export function accountRows(
  pages: ReadonlyArray<{ path: string; text: string; messages: ReadonlyArray<{ line?: number | null | undefined; ruleId?: string | null | undefined }> }>,
  model: OperationsModel,
): RowAccount {
  const out: RowAccount = { rows: 0, placed: 0, explained: 0, lost: [] };
  const opPages = new Set(model.operations.flatMap((o) => o.pages));
  for (const page of pages) {
    if (!opPages.has(page.path)) continue;
    const names = namesOf(model, page.path);
    const lines = new Set(page.messages.map((m) => m.line));
    const root = fromRst(page.text, { path: page.path, skeleton: false });
    for (const table of tablesOf(root.children as readonly RstNode[])) {
      const columns = parameterColumns(table);
      if (!columns) continue;
      const { start, end } = table.position;
      const tableFlagged = page.messages.some((m) => typeof m.line === 'number' && m.line >= start.line && m.line <= end.line && /table/.test(m.ruleId ?? ''));
      for (const row of parameterRows(table, columns)) {
        out.rows++;
        const name = row.name ? parameterName(row.name.text) : null;
        if (name !== null && names.has(name.toLowerCase())) out.placed++;
        else if (tableFlagged || lines.has(row.name?.position.start.line ?? start.line)) out.explained++;
        else out.lost.push(`${page.path}:${row.name?.position.start.line ?? table.line} ${name ?? '(no name)'}`);
      }
    }
  }
  return out;
}
