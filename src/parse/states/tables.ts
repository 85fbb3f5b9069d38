/**
 * Body.table: a grid or simple table in the body. The table's structure
 * comes from grid-table.ts / simple-table.ts (docutils' isolate_*_table and
 * tableparser.py); each cell's lines are then parsed as a nested document
 * into an `entry`, as docutils' build_table does.
 */
import { el, pushAll, trimEndBlank, type CellData, type DNode, type Machine, type TableData } from '../block-machine.js';
import type { ParserContext } from '../context.js';
import { scanGridTable } from '../grid-table.js';
import type { SourceLines } from '../lines.js';
import { scanSimpleTable } from '../simple-table.js';
import type { TableScan } from '../table-structure.js';
import type { Position, SystemMessage } from '../types.js';

/** Body.grid_table_top / simple_table_top: the table, its messages, and "Blank line required after table." when due. */
export function tableTop(ctx: ParserContext, m: Machine, kind: 'grid' | 'simple'): void {
  const r = table(ctx, m, kind);
  pushAll(m.node.children, r.nodes);
  if (!r.blankFinish && r.blankMessage) m.node.children.push(r.blankMessage);
}

function isBlankLineMessage(message: SystemMessage): boolean {
  return message.ruleId === 'blank-line-after-table';
}

/**
 * Body.table: isolate the table, parse every cell as a nested document,
 * build the table node. Leaves the machine on the table's last line.
 */
function table(ctx: ParserContext, m: Machine, kind: 'grid' | 'simple'): { nodes: DNode[]; blankFinish: boolean; blankMessage: DNode | null } {
  const start = m.base + m.lineOffset;
  const firstAbs = m.absLineNumber();
  const firstReal = m.realLine(m.lineOffset);
  const delta = firstAbs - firstReal;
  let scan: TableScan;
  try {
    scan = kind === 'grid' ? scanGridTable(m.src, start, true) : scanSimpleTable(m.src, start, true);
  } catch {
    // a structure parser bug must not take the document down
    const node = ctx.report('malformed-table', { detail: '' }, { abs: firstAbs });
    m.lineOffset = m.lineOffset + Math.max(0, trimEndBlank(m.src.slice(start)).length - 1);
    return { nodes: [node], blankFinish: true, blankMessage: null };
  }
  // move the machine to the table's last line (the scanner says where to continue)
  m.lineOffset = scan.next - m.base - 1;
  m.line = m.lineOffset >= 0 && m.lineOffset < m.length ? m.at(m.lineOffset) : null;
  // reported in docutils' order (isolation's "Unexpected indentation." before the parser's "Malformed
  // table."), placed in the tree in the scan's order (docutils: malformed_table(...) + messages)
  const adopted = new Map<SystemMessage, DNode>();
  const reported = scan.messages.filter((msg) => !isBlankLineMessage(msg));
  const isolation = (msg: SystemMessage) => msg.ruleId === 'unexpected-indentation';
  for (const msg of [...reported.filter(isolation), ...reported.filter((x) => !isolation(x))]) {
    adopted.set(msg, ctx.adopt(msg, isolation(msg) ? { real: msg.line } : { abs: msg.line + delta }));
  }
  const before: DNode[] = reported.map((msg) => adopted.get(msg)!);
  const nodes: DNode[] = [];
  if (scan.table) {
    const t = scan.table;
    const tableFirstReal = m.src.lineNumbers[t.firstLine] ?? firstReal;
    // docutils' `tableline`: counted back from where isolation left the machine (one line too far up when
    // the bottom border had to be searched for), so the cells' messages are lined as docutils lines them
    const tableLine = m.absLineNumber() - (t.lastLine - t.firstLine + 1) + 1;
    // arrays made whole (map), not grown by push: a page may hold 200,000 tiny tables
    const cells: CellData[] = t.cells.map((cell) => {
      const entry = el('entry');
      const content = cell.content;
      if (content.lines.some((l) => l.length > 0)) {
        const offset = (content.lineNumbers[0] ?? tableFirstReal) - tableFirstReal;
        ctx.nestedParseCell(content, tableLine + offset, entry);
      }
      return { row: cell.row, col: cell.col, rowspan: cell.rowspan, colspan: cell.colspan, entry, position: contentPosition(content) };
    });
    const tgroup = el(
      'tgroup',
      cells.map((c) => c.entry),
    );
    const tableNode = el('table', [tgroup]);
    const data: TableData = {
      kind: t.kind,
      line: firstReal,
      directiveLine: null,
      title: null,
      headerRows: t.headerRows,
      columns: t.columns,
      rows: t.rows,
      colwidths: [...t.colwidths],
      stubColumns: 0,
      cells,
      position: {
        start: { line: m.src.lineNumbers[t.firstLine] ?? firstReal, column: m.src.columns[t.firstLine] ?? 1 },
        end: {
          line: m.src.lineNumbers[t.lastLine] ?? firstReal,
          column: (m.src.columns[t.lastLine] ?? 1) + (m.src.lines[t.lastLine] ?? '').length,
        },
      },
    };
    tableNode.table = data;
    ctx.tableDone(tableNode);
    nodes.push(tableNode);
  }
  pushAll(nodes, before);
  let blankMessage: DNode | null = null;
  for (const msg of scan.messages) {
    if (isBlankLineMessage(msg)) blankMessage = ctx.adopt(msg, { abs: msg.line + delta });
  }
  return { nodes, blankFinish: scan.blankFinish, blankMessage };
}

/** A cell's position: first content character to the end of its last content line. */
function contentPosition(content: SourceLines): Position {
  let first = -1;
  let last = -1;
  for (let i = 0; i < content.lines.length; i++) {
    if ((content.lines[i] ?? '').length) {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (first < 0) {
    const line = content.lineNumbers[0] ?? 1;
    const col = content.columns[0] ?? 1;
    const endLine = content.lineNumbers[content.lines.length - 1] ?? line;
    return { start: { line, column: col }, end: { line: endLine, column: col } };
  }
  const fl = content.lines[first] ?? '';
  const lead = fl.length - fl.replace(/^ +/, '').length;
  return {
    start: { line: content.lineNumbers[first] ?? 1, column: (content.columns[first] ?? 1) + lead },
    end: {
      line: content.lineNumbers[last] ?? 1,
      column: (content.columns[last] ?? 1) + (content.lines[last] ?? '').length,
    },
  };
}
