/**
 * Which tables of an operation page document parameters, and of what:
 *
 *   Parameter | Mandatory | Type | Description     a parameter table (name + type/mandatory/description columns)
 *   Status Code | Description                      a status-code table
 *
 * A parameter table's role comes from its caption, then from the enclosing
 * list items and sections, innermost first ("Request Headers" -> header,
 * "URI" -> path/query, "Response Parameters" -> response body, …). Tables that a
 * row points to are nested objects; their role is their parent's.
 */
import type { RstCell, RstTable } from '../../parse/types.js';
import type { TableBlock } from './page.js';

export interface Columns {
  name: number;
  type: number | null;
  mandatory: number | null;
  description: number | null;
}

export type Role = 'uri' | 'query' | 'path' | 'header' | 'body' | 'response' | 'response-header' | 'none';

export interface ParamRow {
  /** 1-based body row number. */
  row: number;
  name: RstCell | undefined;
  type: RstCell | undefined;
  mandatory: RstCell | undefined;
  description: RstCell | undefined;
  cells: RstCell[];
}

const NAME =
  /^(?:parameters?|names?|parameter names?|fields?|field names?|elements?|element names?|headers?|header names?|attributes?|keys?|request headers?|response headers?|response items?|items?|property|properties|arguments?|query parameters?|path parameters?)$/i;
const TYPE = /^(?:type|data type|parameter type|value type|types)$/i;
const MANDATORY = /^(?:mandatory|required|mandatory \(yes\/no\)|required \(yes\/no\)|is mandatory|mandatory or not|optional|m\/o|mandatory\/optional)$/i;
const DESCRIPTION = /^(?:description|descriptions|parameter description|meaning|remarks?|explanation|details)$/i;
const STATUS = /^(?:status codes?|http status codes?|returned values?|return codes?|response codes?|codes?|http codes?|status)$/i;

const headerTexts = (table: RstTable): string[] => {
  const out: string[] = new Array<string>(table.columns).fill('');
  for (const c of table.cells)
    if (c.row === table.headerRows - 1 || (c.row < table.headerRows && out[c.col] === '')) out[c.col] = c.text.replace(/\s+/g, ' ').trim();
  return out;
};

/** Each table's columns and body rows, read once (every pass over a page asks again). */
const columnsOf = new WeakMap<RstTable, Columns | null>();
const rowsOf = new WeakMap<RstTable, { columns: Columns; rows: ParamRow[] }>();

/** The columns of a parameter table, or null when `table` is not one. */
export function parameterColumns(table: RstTable): Columns | null {
  let columns = columnsOf.get(table);
  if (columns === undefined) {
    columns = readColumns(table);
    columnsOf.set(table, columns);
  }
  return columns;
}

function readColumns(table: RstTable): Columns | null {
  if (table.headerRows === 0) return null;
  const header = headerTexts(table);
  const find = (re: RegExp): number | null => {
    const i = header.findIndex((h) => re.test(h));
    return i < 0 ? null : i;
  };
  const name = find(NAME);
  if (name === null || name !== 0) return null;
  const type = find(TYPE);
  const mandatory = find(MANDATORY);
  const description = find(DESCRIPTION);
  if (type === null && mandatory === null && description === null) return null;
  return { name, type, mandatory, description };
}

/** The code and description columns of a status-code table, or null. */
export function statusColumns(table: RstTable): { code: number; description: number | null } | null {
  if (table.headerRows === 0) return null;
  const header = headerTexts(table);
  const code = header.findIndex((h) => STATUS.test(h));
  if (code !== 0) return null;
  const description = header.findIndex((h, i) => i !== code && /description|meaning|message|status/i.test(h));
  return { code, description: description < 0 ? null : description };
}

/** Body rows of a parameter table (the same array on every call with the same columns: read, never change it). */
export function parameterRows(table: RstTable, columns: Columns): readonly ParamRow[] {
  const known = rowsOf.get(table);
  if (known?.columns === columns) return known.rows;
  const rows = readRows(table, columns);
  rowsOf.set(table, { columns, rows });
  return rows;
}

function readRows(table: RstTable, columns: Columns): ParamRow[] {
  const rows = new Map<number, RstCell[]>();
  for (const cell of table.cells) {
    if (cell.row < table.headerRows) continue;
    let list = rows.get(cell.row);
    if (!list) rows.set(cell.row, (list = []));
    list.push(cell);
  }
  const at = (cells: RstCell[], col: number | null): RstCell | undefined =>
    col === null ? undefined : cells.find((c) => c.col <= col && col < c.col + c.colspan);
  return [...rows.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([row, cells]) => ({
      row: row - table.headerRows + 1,
      name: at(cells, columns.name),
      type: at(cells, columns.type),
      mandatory: at(cells, columns.mandatory),
      description: at(cells, columns.description),
      cells,
    }));
}

const has = (text: string, re: RegExp): boolean => re.test(text);

/** The role of a table from one piece of its context; null when that piece says nothing. */
function roleOf(text: string): Role | null {
  const t = text.toLowerCase();
  if (t === '') return null;
  if (has(t, /\bheaders?\b/)) return has(t, /\bresponse|returned|output/) ? 'response-header' : 'header';
  if (has(t, /\bquery\b/)) return 'query';
  if (has(t, /\bpath param/)) return 'path';
  if (has(t, /\b(?:status codes?|error codes?|returned values?)\b/)) return 'none';
  if (has(t, /\b(?:responses?|returned|return|output|normal response|response elements|response body|response message)\b/)) return 'response';
  if (has(t, /\b(?:uri|url|uri format|uri parameters?)\b/)) return 'uri';
  if (has(t, /\b(?:requests?|request body|request elements|request message|input)\b/)) return 'body';
  return null;
}

/** The role of a top-level table: caption first, then list items and sections, innermost first. */
export function tableRole(block: TableBlock): Role {
  const caption = (block.caption ?? '').replace(/^table\s+\d+(?:[-.]\d+)*\s*/i, '');
  const fromCaption = roleOf(caption);
  if (fromCaption !== null && fromCaption !== 'none') return fromCaption;
  for (let i = block.context.trail.length - 1; i >= 0; i--) {
    const role = roleOf(block.context.trail[i]!);
    if (role !== null) return role;
  }
  return fromCaption ?? 'none';
}

/** Caption words that say a table documents a nested object: "**x** field description", "Parameters in the x field", "x object". */
export function nestedNames(caption: string | null): string[] {
  if (caption === null) return [];
  const text = caption
    .replace(/^table\s+\d+(?:[-.]\d+)*\s*[.:]?\s*/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  const out: string[] = [];
  const patterns = [
    /^(?:description of (?:the )?)?([\w.[\]-]+) (?:field|fields|parameter|parameters|object|objects|structure|data structure|element|elements)\b/i,
    /\b(?:in|of) (?:the )?([\w.[\]-]+) (?:field|fields|parameter|object|structure|element|list|array)\b/i,
    /^([\w.[\]-]+)$/,
    /^([\w.-]+)(?: \([^)]*\))?$/,
  ];
  for (const re of patterns) {
    const m = re.exec(text);
    if (m) {
      const name = m[1]!.replace(/\[\]$/, '');
      const last = name.split('.').pop() ?? name;
      if (!out.includes(name)) out.push(name);
      if (!out.includes(last)) out.push(last);
    }
  }
  return out.filter(
    (n) =>
      n !== '' &&
      !/^(?:request|response|parameter|parameters|uri|table|body|query|header|headers|description|descriptions|field|fields|data|structure|none|example)$/i.test(
        n,
      ),
  );
}
