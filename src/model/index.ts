/**
 * The model stage: parsed pages of one service -> `ServiceModel`, with
 * doc-lint diagnostics on each page's VFile.
 *
 * For every page, every table is classified (classify.ts) as a status table,
 * an error table or neither; code tables are read row by row (read-table.ts)
 * into one service-wide collection (collect.ts), which keeps every documented
 * place of a code and reports duplicates. Rules are named in rules.ts.
 */
import { VFile } from 'vfile';
import type { RstRoot, RstTable } from '../parse/types.js';
import { readErrorBody } from './error-body.js';
import type { ServiceInput, ServiceModel } from './types.js';
import { buildGrid, classifyTable } from './classify.js';
import { Collector } from './collect.js';
import { readErrorTable, readStatusTable } from './read-table.js';
import { finishPages, flag, startPages } from './rules.js';
import { collectTables } from './walk.js';
import { headerText, keptReading, otherTableHeader } from './kept-table.js';

export { rules } from './rules.js';
export type { RuleId } from './rules.js';
export { httpStatus } from './http-status.js';
/** `cloud-backup-recovery` -> `Cloud Backup Recovery`. */
export function titleFromId(service: string): string {
  return service
    .split(/[-_\s]+/)
    .filter((w) => w !== '')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/**
 * Builds the model of one service from its parsed pages. Diagnostics go to
 * `files.get(page.path)`; a page without a VFile in `files` gets a new one,
 * added to `files` so the caller can report it. Pure otherwise: the trees are
 * not modified, and the result does not depend on Map or input order beyond
 * the pages' own order (sources are in document order, codes are sorted).
 */
export function buildServiceModel(input: ServiceInput, files: Map<string, VFile>): ServiceModel {
  startPages(files.values());
  const collector = new Collector();
  let firstErrorPage: { file: VFile; root: RstRoot } | null = null;
  for (const page of input.pages) {
    let file = files.get(page.path);
    if (!file) {
      file = new VFile({ path: page.path });
      files.set(page.path, file);
    }
    let codeTables = 0;
    const errorsBefore = collector.errorCount();
    for (const { table, group } of collectTables(page.root)) {
      if (readTable(table, group, file, page.path, collector)) codeTables++;
    }
    if (firstErrorPage === null && collector.errorCount() > errorsBefore) firstErrorPage = { file, root: page.root };
    if (codeTables === 0) flag(file, 'no-code-table', {}, page.root.position);
  }
  const errorBody = firstErrorPage === null ? null : readErrorBody(input.pages);
  if (firstErrorPage !== null && errorBody === null) flag(firstErrorPage.file, 'error-body-undocumented', {}, firstErrorPage.root.position);
  const model: ServiceModel = {
    service: input.service,
    title: input.title ?? titleFromId(input.service),
    ...collector.result(),
    ...(errorBody === null ? {} : { errorBody }),
    sources: input.pages.map((p) => p.path),
  };
  finishPages(files.values());
  return model;
}

/** Classifies and reads one table; true when it is a status or error table. */
function readTable(table: RstTable, group: string | null, file: VFile, path: string, collector: Collector): boolean {
  const known = otherTableHeader(table);
  if (known !== undefined) {
    flag(file, 'not-a-code-table', { header: known }, table.position);
    return false;
  }
  const kept = keptReading(table);
  const grid = kept?.grid ?? buildGrid(table);
  const reading = kept?.reading ?? classifyTable(table, grid);
  const header = headerText(reading.header);
  if (reading.kind === 'other') {
    flag(file, 'not-a-code-table', { header }, table.position);
    return false;
  }
  if (reading.kind === 'unreadable') {
    flag(file, 'unreadable-table', { header, rows: grid.rows.length - reading.firstBodyRow }, table.position);
    return true;
  }
  if (reading.promotedHeader) {
    const firstCell = grid.rows[0]?.find((s) => s !== undefined)?.cell;
    flag(file, 'header-row-in-body', { header }, firstCell?.position ?? table.position);
  }
  for (const c of reading.ignored) {
    const headerCell = grid.rows[Math.max(0, reading.firstBodyRow - 1)]?.[c]?.cell;
    const place = reading.firstBodyRow > 0 && headerCell ? headerCell.position : table.position;
    flag(file, 'ignored-column', { header: reading.header[c] || `column ${c + 1}` }, place);
  }
  const tableInput = { grid, reading, group, file, path, position: table.position };
  if (reading.kind === 'status') readStatusTable(tableInput, collector);
  else readErrorTable(tableInput, collector);
  return true;
}
