/** Small hand-built RST trees for the model's unit tests (one line per row, columns 10 apart). */
import type { Position, RstCell, RstNode, RstRoot, RstTable } from '../../src/parse/types.js';

export const at = (line: number, column = 1): Position => ({
  start: { line, column },
  end: { line, column: column + 1 },
});

/** A grid table whose first `headerRows` rows are headers; row r sits on line `line + 1 + 2r`. */
export function table(rows: string[][], options: { line?: number; headerRows?: number; title?: string | null } = {}): RstTable {
  const line = options.line ?? 1;
  const headerRows = options.headerRows ?? 1;
  const cells: RstCell[] = rows.flatMap((row, r) =>
    row.map((text, c) => ({
      type: 'cell' as const,
      row: r,
      col: c,
      rowspan: 1,
      colspan: 1,
      text,
      blocks: text === '' ? [] : ['paragraph'],
      position: at(line + 1 + 2 * r, 3 + 10 * c),
    })),
  );
  const columns = Math.max(0, ...rows.map((r) => r.length));
  return {
    type: 'table',
    kind: 'grid',
    index: 0,
    line,
    directiveLine: null,
    title: options.title ?? null,
    headerRows,
    columns,
    rows: rows.length,
    colwidths: Array.from({ length: columns }, () => 9),
    stubColumns: 0,
    cells,
    messages: [],
    position: { start: { line, column: 1 }, end: { line: line + 2 * rows.length + 1, column: 1 } },
  };
}

export const root = (...children: RstNode[]): RstRoot => ({
  type: 'root',
  children,
  messages: [],
  position: { start: { line: 1, column: 1 }, end: { line: 999, column: 1 } },
});
