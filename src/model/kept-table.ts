/**
 * What the model keeps of a table while a page is parsed (`ParseOptions.mapTable`): a code table whole, and of
 * any other table only what its `not-a-code-table` diagnostic reads (the header and the table's place). A page
 * of 200,000 small tables that are not code tables is then not held whole until the model reads it.
 */
import type { RstTable } from '../parse/types.js';
import { buildGrid, classifyTable } from './classify.js';
import type { Grid, TableReading } from './classify.js';

/** The table's header as the model's messages show it. */
export const headerText = (header: readonly string[]): string => header.map((h) => h || '…').join(' | ');

const NONE: never[] = [];

/** A table kept without its cells, with the header of its `not-a-code-table` message. */
class OtherTable implements RstTable {
  readonly type = 'table';
  readonly kind: RstTable['kind'];
  readonly index: number;
  readonly line: number;
  readonly directiveLine: number | null;
  readonly title: string | null;
  readonly headerRows: number;
  readonly columns: number;
  readonly rows: number;
  readonly colwidths: number[] = NONE;
  readonly stubColumns: number;
  readonly cells: RstTable['cells'] = NONE;
  readonly messages: RstTable['messages'] = NONE;
  readonly position: RstTable['position'];

  constructor(
    table: RstTable,
    readonly header: string,
  ) {
    this.kind = table.kind;
    this.index = table.index;
    this.line = table.line;
    this.directiveLine = table.directiveLine;
    this.title = table.title;
    this.headerRows = table.headerRows;
    this.columns = table.columns;
    this.rows = table.rows;
    this.stubColumns = table.stubColumns;
    this.position = table.position;
  }
}

/** The reading of a code table kept whole, so that the model does not classify it again. */
const readings = new WeakMap<RstTable, { grid: Grid; reading: TableReading }>();

/** `table` when it is a status or error table (or unreadable); else a copy without its cells or messages. */
export function keepForModel(table: RstTable): RstTable {
  const grid = buildGrid(table);
  const reading = classifyTable(table, grid);
  if (reading.kind !== 'other') {
    readings.set(table, { grid, reading });
    return table;
  }
  return new OtherTable(table, headerText(reading.header));
}

/** The header of a table `keepForModel` found not to be a code table, else undefined. */
export function otherTableHeader(table: RstTable): string | undefined {
  return table instanceof OtherTable ? table.header : undefined;
}

/** The grid and reading `keepForModel` made of a code table, else undefined. */
export function keptReading(table: RstTable): { grid: Grid; reading: TableReading } | undefined {
  return readings.get(table);
}
