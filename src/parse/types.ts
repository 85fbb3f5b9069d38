/**
 * The RST tree produced by the parse stage.
 *
 * It is deliberately small: it keeps what the later stages need (the document
 * skeleton — sections, list items, directives — and every table with its
 * cells), each node with an exact source position. Lines and columns are
 * 1-based, as in unist/vfile; `offset` is 0-based into the decoded text.
 */

export interface Point {
  /** 1-based line. */
  line: number;
  /** 1-based column, counted in UTF-16 code units of the source line (as vfile does). */
  column: number;
  /** 0-based offset into the decoded source text, when known. */
  offset?: number;
}

export interface Position {
  start: Point;
  /** Exclusive end. */
  end: Point;
}

/** docutils' system-message levels: 1 INFO, 2 WARNING, 3 ERROR, 4 SEVERE. */
export type SystemMessageLevel = 1 | 2 | 3 | 4;
export type SystemMessageType = 'INFO' | 'WARNING' | 'ERROR' | 'SEVERE';

/**
 * A message as docutils reports it (same level, line and text), with the
 * rule id and column rst-codegen adds so it can be shown as `file:line:col`.
 */
export interface SystemMessage {
  level: SystemMessageLevel;
  type: SystemMessageType;
  /** 1-based line docutils reports (for a malformed table: the table's first line). */
  line: number;
  /** 1-based column of the construct, when known. */
  column: number;
  /** docutils' text, e.g. "Malformed table.\nText in column margin in table line 3." */
  message: string;
  /** Stable rule id, e.g. `malformed-table`, `blank-line-after-table`. */
  ruleId: string;
}

export type TableKind = 'grid' | 'simple' | 'csv-table' | 'list-table';

/** One table cell, rows and columns 0-based counting header rows first. */
export interface RstCell {
  type: 'cell';
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
  /** Plain text, reduced exactly as the oracle does (see ../shared/README.md). */
  text: string;
  /** Tag names of the cell's top-level block elements (docutils' names: paragraph, bullet_list, note...). */
  blocks: string[];
  /** From the cell's first content character to the end of its last content line; for an empty cell, its interior. */
  position: Position;
}

export interface RstTable {
  type: 'table';
  kind: TableKind;
  /** Index in document order, 0-based. */
  index: number;
  /** First border line (grid/simple) or the directive's line (csv-table/list-table). 1-based. */
  line: number;
  /** Line of the enclosing `.. table::` (or the csv/list-table directive), else null. */
  directiveLine: number | null;
  /** The caption (`.. table:: **Table 1** Status codes` -> "Table 1 Status codes"), else null. */
  title: string | null;
  headerRows: number;
  columns: number;
  rows: number;
  colwidths: number[];
  stubColumns: number;
  /** Row-major, header rows first; each cell appears once, at its top-left slot. */
  cells: RstCell[];
  /** System messages produced while parsing the table's cells. */
  messages: SystemMessage[];
  /** From the first border (or directive) to the end of the last border line. */
  position: Position;
}

/** A section: its title and everything up to the next section of the same or higher level. */
export interface RstSection {
  type: 'section';
  title: string;
  /** 1 for the document title level, 2 below it, ... (order of first appearance of each adornment style). */
  depth: number;
  children: RstNode[];
  position: Position;
}

/** A bullet or enumerated list item; `label` is the text of its first paragraph ("Normal"). */
export interface RstListItem {
  type: 'listItem';
  label: string;
  children: RstNode[];
  position: Position;
}

/** A directive (`.. name:: argument`), e.g. `table`, `note`, `code-block`. */
export interface RstDirective {
  type: 'directive';
  name: string;
  argument: string;
  children: RstNode[];
  position: Position;
}

/** A paragraph outside tables (kept so the model can read captions like "Table 2 Error codes"). */
export interface RstParagraph {
  type: 'paragraph';
  /** Plain text, inline markup reduced, whitespace collapsed. */
  text: string;
  position: Position;
}

export type RstParent = RstRoot | RstSection | RstListItem | RstDirective;
export type RstNode = RstSection | RstListItem | RstDirective | RstParagraph | RstTable;

export interface RstRoot {
  type: 'root';
  children: RstNode[];
  /** Every system message of the document, tables' included, in document order. */
  messages: SystemMessage[];
  /** Interpreted-text roles docutils did not know (names as written, sorted by code point), e.g. `['ref']`. */
  unknownRoles?: string[];
  /** Directives docutils did not know (names as written, sorted by code point), e.g. `['toctree']`. */
  unknownDirectives?: string[];
  position: Position;
}

export interface ParseOptions {
  /** Shown in messages; not read from disk. */
  path?: string;
  /**
   * Build the section / list-item / directive skeleton (default true). The
   * `tables` command and the benchmark turn it off: tables are then children of
   * the root, in document order.
   */
  skeleton?: boolean;
}
