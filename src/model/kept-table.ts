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

/** Tables kept without their cells, with the header of their `not-a-code-table` message. */
const others = new WeakMap<RstTable, string>();

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
  const kept: RstTable = { ...table, colwidths: NONE, cells: NONE, messages: NONE };
  others.set(kept, headerText(reading.header));
  return kept;
}

/** The header of a table `keepForModel` found not to be a code table, else undefined. */
export function otherTableHeader(table: RstTable): string | undefined {
  return others.get(table);
}

/** The grid and reading `keepForModel` made of a code table, else undefined. */
export function keptReading(table: RstTable): { grid: Grid; reading: TableReading } | undefined {
  return readings.get(table);
}
