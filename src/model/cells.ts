/**
 * Readers for single cell values: status cells (`200 OK`, `400/404`, `4xx`,
 * `N/A`) and the shape tests the classifier uses on whole columns.
 */

/** One HTTP status read from a cell, with the phrase written beside it (`200 OK` -> 200, "OK"). */
export interface CodeWithPhrase {
  code: number;
  /** Text after the code in the same cell, or null when the cell holds only the number. */
  phrase: string | null;
}

/** What a status cell says. */
export type StatusCell =
  | { kind: 'blank' }
  /** `N/A`, `-`, `None`: the docs say there is no status. */
  | { kind: 'none'; text: string }
  /** `200 OK` -> one code; `400/404/500` -> three. */
  | { kind: 'codes'; codes: CodeWithPhrase[] }
  /** `4xx`, `2XX Success` -> class "4xx". */
  | { kind: 'class'; class: string; phrase: string | null }
  | { kind: 'unreadable'; text: string };

const NONE = /^(?:n\/?a|none|null|-+|—|–)$/i;
const CLASS = /^([1-5])xx(?![a-z0-9])\s*(.*)$/is;
const SINGLE = /^(\d{3})(?!\d)\s*(.*)$/s;
const LIST_SEPARATOR = /\s*(?:\/|,|;|\n+|\bor\b|\band\b)\s*/i;

/** Trailing punctuation and wrapping parentheses around a phrase: `(OK)` -> `OK`. */
function cleanPhrase(text: string): string | null {
  const phrase = text
    .trim()
    .replace(/^[-–—:(]\s*/, '')
    .replace(/\s*[)]$/, '')
    .trim();
  return phrase === '' ? null : phrase;
}

/**
 * Reads a status cell.
 *
 *   "200 OK"          -> codes [{code: 200, phrase: "OK"}]
 *   "401Unauthorized" -> codes [{code: 401, phrase: "Unauthorized"}]
 *   "400/404/500"     -> codes [{400, null}, {404, null}, {500, null}]
 *   "4XX"             -> class "4xx"
 *   "N/A", "-"        -> none
 *   ""                -> blank
 */
export function readStatusCell(raw: string): StatusCell {
  const text = raw.trim();
  if (text === '') return { kind: 'blank' };
  if (NONE.test(text)) return { kind: 'none', text };
  const cls = CLASS.exec(text);
  if (cls) return { kind: 'class', class: `${cls[1] ?? ''}xx`, phrase: cleanPhrase(cls[2] ?? '') };
  const parts = text.split(LIST_SEPARATOR).filter((p) => p !== '');
  if (parts.length > 1 && parts.every((p) => /^\d{3}$/.test(p))) {
    return { kind: 'codes', codes: parts.map((p) => ({ code: Number(p), phrase: null })) };
  }
  const single = SINGLE.exec(text);
  if (single) {
    const code = Number(single[1]);
    if (code >= 100) return { kind: 'codes', codes: [{ code, phrase: cleanPhrase(single[2] ?? '') }] };
  }
  return { kind: 'unreadable', text };
}

/** True for a value that reads as a status (or explicitly none): the test for "a column of status codes". */
export function isStatusLike(text: string): boolean {
  const kind = readStatusCell(text).kind;
  return kind === 'codes' || kind === 'class';
}

/**
 * Error-code shaped tokens, used to find an error-code column by its values
 * when its header does not name it: dotted (`BackupService.0001`,
 * `SVCSTG.SWR.4001048`), underscored (`SVCSTG_AMS_4000115`), or 4+ digits (`1100`).
 */
export function isErrorCodeShaped(text: string): boolean {
  const t = text.trim();
  return /^[A-Za-z][A-Za-z0-9_-]*(?:\.\s?[A-Za-z0-9_-]+)+$/.test(t) || /^[A-Z][A-Z0-9]*(?:_[A-Za-z0-9]+)+$/.test(t) || /^\d{4,}$/.test(t);
}

/** Words a cell uses for "no value": `-`, `N/A`, `None`. */
export function isNoValue(text: string): boolean {
  return NONE.test(text.trim());
}
