/**
 * Reads the text of an error-code cell as the code the API sends:
 *
 *   "APIG.0101"                              -> code "APIG.0101"
 *   "IncorrectNumberOf FilesInPostRequest"   -> rejoined "IncorrectNumberOfFilesInPostRequest"
 *   "DCS. 4855", "SVCSTG_ AMS.0001"          -> rejoined "DCS.4855", "SVCSTG_AMS.0001"
 *   "Bad Request", "Request Entity Too Large" -> code as written (plain words: a phrase some APIs do send)
 *   "CBR.0001, CBR.0002", "AccessDenied or NoSuchKey"
 *                                            -> a list: each code on its own, with the row's message
 *   "If other error codes cannot be rectified, contact technical support."
 *                                            -> sentence (a footnote, not a code)
 *
 * A cell's text reaches the model with its line breaks already collapsed to
 * spaces (docutils' reading), so a code wrapped across the cell's lines is
 * told by its shape: the pieces are identifier runs and every break falls
 * where a code cannot have a space, next to a separator (`.`, `_`, `-`)
 * or between two humps of one CamelCase word (a piece with an inner capital:
 * `IncorrectNumberOf` + `FilesInPostRequest`, `MaxMessageLength` + `Exceeded`).
 * Plain capitalised words (`Method Not Allowed`) have no hump and stay apart.
 * Every regular expression here is linear (no nested quantifiers).
 */

/** What an error-code cell holds. */
export type ErrorCodeCell =
  /** One code, exactly as written (it may hold spaces when its words are not a wrapped code). */
  | { kind: 'code'; code: string }
  /** A code wrapped across lines, its pieces joined without the spaces. */
  | { kind: 'rejoined'; code: string }
  /** Several codes listed in one cell (`CBR.0001, CBR.0002`, `AccessDenied or NoSuchKey`). */
  | { kind: 'list'; codes: string[] }
  /** Prose: a footnote or a note, not a code. */
  | { kind: 'sentence'; text: string };

const PIECE = /^[A-Za-z0-9_.:-]+$/;
const ALNUM = /^[A-Za-z0-9]+$/;
/** A lower-case letter or digit followed by a capital, or an acronym before a word (`XMLParse`). */
const HUMP = /[a-z0-9][A-Z]|[A-Z][A-Z][a-z]/;
const SEPARATOR_END = /[._-]$/;
const SEPARATOR_START = /^[._-]/;

/** Whether a line break between `left` and `right` can be inside one code. */
function isWrapBoundary(left: string, right: string): boolean {
  if (SEPARATOR_END.test(left) || SEPARATOR_START.test(right)) return /[A-Za-z0-9]/.test(left) && /[A-Za-z0-9]/.test(right);
  return ALNUM.test(left) && ALNUM.test(right) && /^[A-Z]/.test(right) && (HUMP.test(left) || HUMP.test(right));
}

/** Words that start with a lower-case letter: the mark of running text (`contact technical support`). */
const lowerWords = (words: readonly string[]): number => words.filter((w) => /^[a-z]/.test(w)).length;

/**
 * Prose rather than a code: at least two words, and a sentence's end
 * (`.`, `!`, `?`), a clause break (`, `, `; `, `: `), several lower-case words
 * after the first, or simply many words.
 */
function isSentence(text: string, words: readonly string[]): boolean {
  if (words.length < 2) return false;
  if (/[.!?。]$/.test(text) || /[,;:，；：]\s/.test(text)) return true;
  return (words.length >= 3 && lowerWords(words.slice(1)) >= 2) || words.length >= 8;
}

/** A code by its shape alone: dotted with a digit (`CBR.0001`, `SVCSTG.SWR.4001048`) or one CamelCase word (`NoSuchKey`). */
const CODE_TOKEN = /^(?:[A-Za-z][A-Za-z0-9_-]{0,63}\.[A-Za-z0-9_.-]{0,63}\d[A-Za-z0-9_.-]{0,63}|[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*){1,15})$/;
/** Between listed codes: a comma, a semicolon, a slash, `or`, `and` (ASCII and CJK punctuation). */
const LIST_SEPARATOR = / ?(?:[,;，；、/]| (?:or|and) ) ?/;

/** The codes of a cell that lists several (every part a code by its shape), else null. */
function listedCodes(text: string): string[] | null {
  if (text.length > 2000) return null;
  const parts = text
    .replace(/\s+/g, ' ')
    .split(LIST_SEPARATOR)
    .map((p) => p.trim());
  if (parts.length < 2 || !parts.every((p) => CODE_TOKEN.test(p))) return null;
  return [...new Set(parts)];
}

/** Reads a non-empty error-code cell (see the module comment). */
export function readErrorCodeCell(raw: string): ErrorCodeCell {
  const text = raw.trim();
  const listed = listedCodes(text);
  if (listed) return { kind: 'list', codes: listed };
  const words = text.split(/\s+/).filter((w) => w !== '');
  if (words.length < 2) return { kind: 'code', code: text };
  if (words.every((w) => PIECE.test(w)) && words.every((w, i) => i === 0 || isWrapBoundary(words[i - 1] ?? '', w))) {
    return { kind: 'rejoined', code: words.join('') };
  }
  if (isSentence(text, words)) return { kind: 'sentence', text };
  return { kind: 'code', code: text };
}
