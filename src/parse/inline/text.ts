/**
 * The code-point text view of the Inliner and docutils' escape handling:
 * backslash-escapes become NULs (`escape2null`), `nodes.unescape` drops them.
 */
import { escape2null } from '../block-text.js';

/**
 * The text as the Inliner indexes it: one element per code point. Text
 * without surrogates stays a string (its UTF-16 units are its code points,
 * and `s[i]`, `s.slice`, `s.indexOf` behave as on the array of code points);
 * only text with astral characters becomes an array of code points.
 */
export type CodePoints = string | readonly string[];

const HAS_SURROGATE = /[\uD800-\uDFFF]/;

/** `escape2null` over the code points of `raw` (see `CodePoints`). */
export function toCodePoints(raw: string): CodePoints {
  const escaped = escape2null(raw);
  return HAS_SURROGATE.test(escaped) ? Array.from(escaped) : escaped;
}

/** docutils' `nodes.unescape(text)`: drop escaped whitespace and the remaining NULs. */
export function unescape(text: string): string {
  if (!text.includes('\0')) return text;
  return text.split('\0 ').join('').split('\0\n').join('').split('\0').join('');
}

/** docutils' `nodes.unescape(text, restore_backslashes=True)`. */
export function restoreBackslashes(text: string): string {
  return text.includes('\0') ? text.split('\0').join('\\') : text;
}
