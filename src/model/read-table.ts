/**
 * Reads the body rows of a classified status or error table into the
 * collector. Every body row ends up in the model (as a code, a class, or a
 * continuation of the row above) or in a diagnostic placed on it.
 */
import type { VFile } from 'vfile';
import type { Position, RstCell } from '../parse/types.js';
import { isNoValue, readStatusCell } from './cells.js';
import type { CodeWithPhrase } from './cells.js';
import { readErrorCodeCell } from './error-code-cell.js';
import { slotText } from './classify.js';
import type { Grid, TableReading } from './classify.js';
import type { Collector, Place } from './collect.js';
import { checkPhrase, httpStatus, unusedStatus } from './http-status.js';
import { flag } from './rules.js';

export interface TableInput {
  grid: Grid;
  reading: TableReading;
  group: string | null;
  file: VFile;
  path: string;
  /** The table's range: the place for a row whose slots are all holes. */
  position: Position;
}

/** The range of the slot at (r, c), else the row's first cell, else the table. */
function placeOf(input: TableInput, r: number, c: number | null): Position {
  const row = input.grid.rows[r] ?? [];
  const slot = c === null ? undefined : row[c];
  if (slot) return slot.cell.position;
  const first = row.find((s) => s !== undefined);
  return first ? first.cell.position : input.position;
}

const textAt = (input: TableInput, r: number, c: number | null): string => (c === null ? '' : slotText(input.grid, r, c));

const placeAt = (input: TableInput, r: number, c: number | null): Place => ({
  file: input.file,
  path: input.path,
  position: placeOf(input, r, c),
});

function rowIsEmpty(input: TableInput, r: number): boolean {
  const row = input.grid.rows[r] ?? [];
  return row.every((slot) => !slot || !slot.origin || slot.cell.text.trim() === '');
}

/** True when the slot is covered by a cell spanning from the row above: the docs' own "same as above". */
function spannedFromAbove(input: TableInput, r: number, c: number): boolean {
  const slot = input.grid.rows[r]?.[c];
  return slot !== undefined && !slot.origin && slot.cell.row < r;
}

function checkRegistered(input: TableInput, code: number, position: Position): void {
  if (!httpStatus.has(code)) {
    flag(input.file, 'unregistered-code', { code: String(code), unused: unusedStatus.has(code) }, position);
  }
}

/**
 * The cell spanning the code column from the left or across more columns in
 * row r (a note row: `| Other error codes: contact support. |` over the whole
 * row), else null. Its text would otherwise read as "same as above".
 */
function spanningCell(input: TableInput, r: number, c: number): RstCell | null {
  const slot = input.grid.rows[r]?.[c];
  if (!slot || slot.cell.row !== r) return null;
  return slot.cell.colspan > 1 ? slot.cell : null;
}

/** Reads a status table: one status code (or class) per row, or a continuation of the row above. */
export function readStatusTable(input: TableInput, collector: Collector): void {
  const { reading } = input;
  const col = reading.columns;
  const status = col.status ?? 0;
  const columnName = reading.header[status] || 'Status Code';
  let previous: { codes: number[]; cls: string | null; label: string } | null = null;
  let lastCode: number | null = null;
  const seenInTable = new Set<number>();

  for (let r = reading.firstBodyRow; r < input.grid.rows.length; r++) {
    const bodyRow = r - reading.firstBodyRow + 1;
    if (rowIsEmpty(input, r)) {
      flag(input.file, 'empty-row', { row: bodyRow }, placeOf(input, r, null));
      continue;
    }
    const codeText = textAt(input, r, status);
    const codePlace = placeAt(input, r, status);
    const phraseText = textAt(input, r, col.phrase);
    const columnPhrase = phraseText === '' || isNoValue(phraseText) ? null : phraseText;
    const description = textAt(input, r, col.description);
    const cell = readStatusCell(codeText);

    if (cell.kind === 'blank') {
      if (!previous) {
        flag(input.file, 'unreadable-row', { row: bodyRow, column: columnName, text: '' }, codePlace.position);
        continue;
      }
      if (!spannedFromAbove(input, r, status)) {
        flag(input.file, 'filled-down', { column: columnName, value: previous.label }, codePlace.position);
      }
      for (const code of previous.codes) collector.continueStatus(code, columnPhrase, description, codePlace);
      if (previous.cls !== null) collector.continueClass(previous.cls, description, codePlace);
      continue;
    }
    if (cell.kind === 'none' || cell.kind === 'unreadable') {
      flag(input.file, 'unreadable-row', { row: bodyRow, column: columnName, text: cell.text }, codePlace.position);
      continue;
    }
    if (cell.kind === 'class') {
      flag(input.file, 'class-code', { code: codeText }, codePlace.position);
      collector.addClass({ class: cell.class, description, group: input.group }, codePlace);
      previous = { codes: [], cls: cell.class, label: codeText };
      continue;
    }
    const first = cell.codes[0];
    if (first && lastCode !== null && first.code < lastCode && !seenInTable.has(first.code)) {
      flag(input.file, 'out-of-order', { code: String(first.code), previous: String(lastCode) }, codePlace.position);
    }
    for (const item of cell.codes) {
      readStatusCode(input, collector, item, columnPhrase, description, codePlace, r);
      seenInTable.add(item.code);
    }
    lastCode = cell.codes[cell.codes.length - 1]?.code ?? lastCode;
    previous = { codes: cell.codes.map((c) => c.code), cls: null, label: codeText };
  }
}

function readStatusCode(
  input: TableInput,
  collector: Collector,
  item: CodeWithPhrase,
  columnPhrase: string | null,
  description: string,
  codePlace: Place,
  r: number,
): void {
  const phrase = item.phrase ?? columnPhrase;
  checkRegistered(input, item.code, codePlace.position);
  if (phrase !== null) {
    const check = checkPhrase(item.code, phrase);
    if (check.kind === 'obsolete' || check.kind === 'different') {
      const phrasePlace = item.phrase !== null ? codePlace.position : placeOf(input, r, input.reading.columns.phrase);
      flag(input.file, 'nonstandard-phrase', { code: String(item.code), phrase, standard: check.standard, obsolete: check.kind === 'obsolete' }, phrasePlace);
    }
  }
  collector.addStatus({ code: item.code, phrase, description, group: input.group }, codePlace);
}

/** Reads an error table: one error code per row, or a continuation of the row above. */
export function readErrorTable(input: TableInput, collector: Collector): void {
  const { reading } = input;
  const col = reading.columns;
  const errorCol = col.errorCode ?? 0;
  const codeColumnName = reading.header[errorCol] || 'Error Code';
  const statusColumnName = col.status === null ? 'Status Code' : reading.header[col.status] || 'Status Code';
  let previousCode: string | null = null;
  let previousStatus: { statuses: number[]; label: string } | null = null;

  for (let r = reading.firstBodyRow; r < input.grid.rows.length; r++) {
    const bodyRow = r - reading.firstBodyRow + 1;
    if (rowIsEmpty(input, r)) {
      flag(input.file, 'empty-row', { row: bodyRow }, placeOf(input, r, null));
      continue;
    }
    const spanning = spanningCell(input, r, errorCol);
    const codeText = spanning ? spanning.text.trim() : textAt(input, r, errorCol);
    const codePlace = placeAt(input, r, errorCol);
    const texts = {
      message: textAt(input, r, col.message),
      description: textAt(input, r, col.description),
      solution: textAt(input, r, col.solution),
    };
    const statusCell = readStatusCell(textAt(input, r, col.status));
    const statusPosition = placeOf(input, r, col.status);

    if (codeText === '') {
      if (previousCode === null) {
        flag(input.file, 'unreadable-row', { row: bodyRow, column: codeColumnName, text: '' }, codePlace.position);
        continue;
      }
      if (!spannedFromAbove(input, r, errorCol)) {
        flag(input.file, 'filled-down', { column: codeColumnName, value: previousCode }, codePlace.position);
      }
      // A blank status cell continues the row above too (its message is sent with the same statuses).
      const statuses = statusCell.kind === 'codes' ? statusCell.codes.map((c) => c.code) : statusCell.kind === 'blank' ? (previousStatus?.statuses ?? []) : [];
      for (const s of statuses) checkRegistered(input, s, statusPosition);
      collector.continueError({ code: previousCode, statuses, ...texts }, codePlace);
      continue;
    }
    if (isNoValue(codeText)) {
      flag(input.file, 'unreadable-row', { row: bodyRow, column: codeColumnName, text: codeText }, codePlace.position);
      continue;
    }
    const codeCell = readErrorCodeCell(codeText);
    // A cell spanning the code column is a note when it holds words, starts left of it, or spans the whole row.
    const note = spanning !== null && (/\s/.test(codeText) || spanning.col < errorCol || spanning.colspan >= input.grid.columns);
    if (codeCell.kind === 'sentence' || note) {
      // A note across the row or in the code column: no code, and no row above for the next rows to continue
      // (neither its code nor its status: a blank status cell below a note is not filled down across it).
      flag(input.file, 'not-an-error-code', { row: bodyRow, text: codeText, spanning: spanning !== null }, codePlace.position);
      previousCode = null;
      previousStatus = null;
      continue;
    }
    const codes = codeCell.kind === 'list' ? codeCell.codes : [codeCell.code];
    const code = codes.join(', ');
    if (codeCell.kind === 'list') flag(input.file, 'error-code-list', { codes, text: codeText }, codePlace.position);
    else if (codeCell.kind === 'rejoined') flag(input.file, 'error-code-rejoined', { code, text: codeText }, codePlace.position);
    else if (/\s/.test(code)) flag(input.file, 'error-code-whitespace', { code }, codePlace.position);

    let statuses: number[] = [];
    if (col.status !== null) {
      const statusText = textAt(input, r, col.status);
      switch (statusCell.kind) {
        case 'codes':
          statuses = statusCell.codes.map((c) => c.code);
          for (const s of statuses) checkRegistered(input, s, statusPosition);
          previousStatus = { statuses, label: statusText };
          break;
        case 'none':
          flag(input.file, 'no-status', { code, text: statusCell.text }, statusPosition);
          previousStatus = { statuses, label: statusText };
          break;
        case 'blank':
          if (previousStatus) {
            statuses = previousStatus.statuses;
            if (!spannedFromAbove(input, r, col.status)) {
              flag(input.file, 'filled-down', { column: statusColumnName, value: previousStatus.label }, statusPosition);
            }
          } else {
            flag(input.file, 'no-status', { code, text: '' }, statusPosition);
          }
          break;
        case 'class':
        case 'unreadable':
          flag(input.file, 'unreadable-status', { code, text: statusText }, statusPosition);
          previousStatus = null;
          break;
      }
    }
    for (const each of codes) collector.addError({ code: each, statuses, ...texts }, codePlace);
    // A blank code cell below a list continues no single code: it is reported, not guessed.
    previousCode = codes.length === 1 ? codes[0]! : null;
  }
}
