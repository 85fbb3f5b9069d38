/**
 * Inline markup reduced to text, exactly as docutils 0.19 does it: a port of
 * the recognition logic of `docutils.parsers.rst.states.Inliner` (plus the
 * standard roles of `docutils.parsers.rst.roles`, as the oracle
 * `../shared/tools/rst-oracle.py` runs them in its tolerant mode).
 *
 * What is computed is `paragraph.astext()` of the paragraph docutils builds
 * from a text block, and the system messages the Inliner emits:
 *
 *     raw:   "Use **bold**, ``x\*y``, :ref:`Codes <codes>` and *open"
 *     text:  "Use bold, x\*y, Codes and *open"
 *     messages: [WARNING "Inline emphasis start-string without end-string."]
 *
 * docutils' regular expressions are replaced by hand-written scanners with
 * the same semantics (same alternatives in the same order, same look-behind
 * and look-ahead context), so that the work stays linear: docutils itself
 * re-searches the rest of the text for every unmatched start-string (a
 * paragraph of `*a *a *a ...` is quadratic there); here the search for an
 * end-string remembers its answer for later start-strings (Inliner.searchEnd),
 * and stretches of text without a trigger character are skipped by one
 * regular-expression search (Inliner.searchInitial). Text without markup
 * characters is returned as it is (MAY_HOLD_MARKUP).
 *
 * Text is indexed by code points, as Python indexes strings (see `CodePoints`).
 */
import type { Point, Position, RstInline, RstMarked, SystemMessage } from './types.js';
import { escape2null, isPyWs, normalizeName, pyInt, PY_WS } from './block-text.js';
import { systemMessage, type ParseRuleArgs, type ParseRuleId } from './rules.js';

export interface InlineResult {
  /** `paragraph.astext()`: inline markup reduced, whitespace NOT collapsed. */
  text: string;
  messages: SystemMessage[];
  /** Names (as written) of the roles docutils looked up here and did not know, in order (the oracle's `unknown_roles`). */
  unknownRoles: string[];
  /** The inline nodes (only from `inlineNodes`). */
  nodes?: RstInline[];
}

export interface InlineOptions {
  /** Source line of the block's first line (1-based). */
  line: number;
  /** Source column (1-based, UTF-16 units) of the block's first character; default 1. */
  column?: number;
  /**
   * The line docutils gives the Inliner's messages; default `line`. docutils
   * reports the paragraphs of grid- and simple-table cells one line lower
   * than their first line (pass `line + 1` there).
   */
  messageLine?: number;
  /**
   * The line of messages docutils emits without a line (the disabled `raw`
   * role): its state machine's current line. Default: `messageLine` plus the
   * number of line breaks in `raw` (right for body paragraphs and table cells).
   */
  currentLine?: number;
  /** Source column of each line of `raw` (e.g. `SourceLines.columns`), for message columns. */
  lineColumns?: readonly number[];
  /**
   * Source line of each line of `raw`, for the positions of inline nodes;
   * default `line + i` (a paragraph's lines are consecutive source lines).
   */
  lineNumbers?: readonly number[];
}

/** An inline node before `emit` gives it its value and position. */
type InlineSpec =
  | { type: 'text' | 'strong' | 'emphasis' | 'literal' | 'subscript' | 'superscript' | 'math' | 'titleReference' | 'abbreviation' | 'acronym' | 'problematic' }
  | { type: 'reference'; role: string | null; target: string | null; explicit: boolean; refname: string | null; refuri: string | null; anonymous: boolean }
  | { type: 'footnoteReference' | 'citationReference'; refname: string | null }
  | { type: 'substitutionReference'; refname: string }
  | { type: 'inlineTarget'; name: string };


// ---------------------------------------------------------------------------
// Character classes (generated from docutils.utils.punctuation_chars by
// evaluating docutils' own character-class regexes over all code points).

/** `[openers delimiters]`: what may precede a start-string (besides whitespace). */
const START_PREFIX_RANGES = [
  0x22, 0x22, 0x27, 0x28, 0x2d, 0x2d, 0x2f, 0x2f, 0x3a, 0x3a, 0x3c, 0x3c, 0x5b, 0x5b, 0x7b, 0x7b, 0xa1, 0xa1, 0xab,
  0xab, 0xb7, 0xb7, 0xbb, 0xbb, 0xbf, 0xbf, 0x37e, 0x37e, 0x387, 0x387, 0x55a, 0x55f, 0x589, 0x58a, 0x5be, 0x5be,
  0x5c0, 0x5c0, 0x5c3, 0x5c3, 0x5c6, 0x5c6, 0x5f3, 0x5f4, 0x609, 0x60a, 0x60c, 0x60d, 0x61b, 0x61b, 0x61e, 0x61f,
  0x66a, 0x66d, 0x6d4, 0x6d4, 0x700, 0x70d, 0x7f7, 0x7f9, 0x830, 0x83e, 0x964, 0x965, 0x970, 0x970, 0xdf4, 0xdf4,
  0xe4f, 0xe4f, 0xe5a, 0xe5b, 0xf04, 0xf12, 0xf3a, 0xf3a, 0xf3c, 0xf3c, 0xf85, 0xf85, 0xfd0, 0xfd4, 0x104a, 0x104f,
  0x10fb, 0x10fb, 0x1361, 0x1368, 0x1400, 0x1400, 0x166d, 0x166e, 0x169b, 0x169b, 0x16eb, 0x16ed, 0x1735, 0x1736,
  0x17d4, 0x17d6, 0x17d8, 0x17da, 0x1800, 0x180a, 0x1944, 0x1945, 0x19de, 0x19df, 0x1a1e, 0x1a1f, 0x1aa0, 0x1aa6,
  0x1aa8, 0x1aad, 0x1b5a, 0x1b60, 0x1c3b, 0x1c3f, 0x1c7e, 0x1c7f, 0x1cd3, 0x1cd3, 0x2010, 0x2027, 0x2030, 0x203e,
  0x2041, 0x2043, 0x2045, 0x2045, 0x2047, 0x2051, 0x2053, 0x2053, 0x2055, 0x205e, 0x207d, 0x207d, 0x208d, 0x208d,
  0x2329, 0x2329, 0x2768, 0x2768, 0x276a, 0x276a, 0x276c, 0x276c, 0x276e, 0x276e, 0x2770, 0x2770, 0x2772, 0x2772,
  0x2774, 0x2774, 0x27c5, 0x27c5, 0x27e6, 0x27e6, 0x27e8, 0x27e8, 0x27ea, 0x27ea, 0x27ec, 0x27ec, 0x27ee, 0x27ee,
  0x2983, 0x2983, 0x2985, 0x2985, 0x2987, 0x2987, 0x2989, 0x2989, 0x298b, 0x298b, 0x298d, 0x298d, 0x298f, 0x298f,
  0x2991, 0x2991, 0x2993, 0x2993, 0x2995, 0x2995, 0x2997, 0x2997, 0x29d8, 0x29d8, 0x29da, 0x29da, 0x29fc, 0x29fc,
  0x2cf9, 0x2cfc, 0x2cfe, 0x2cff, 0x2e00, 0x2e22, 0x2e24, 0x2e24, 0x2e26, 0x2e26, 0x2e28, 0x2e28, 0x2e2a, 0x2e2e,
  0x2e30, 0x2e31, 0x3001, 0x3003, 0x3008, 0x3008, 0x300a, 0x300a, 0x300c, 0x300c, 0x300e, 0x300e, 0x3010, 0x3010,
  0x3014, 0x3014, 0x3016, 0x3016, 0x3018, 0x3018, 0x301a, 0x301a, 0x301c, 0x301d, 0x3030, 0x3030, 0x303d, 0x303d,
  0x30a0, 0x30a0, 0x30fb, 0x30fb, 0xa4fe, 0xa4ff, 0xa60d, 0xa60f, 0xa673, 0xa673, 0xa67e, 0xa67e, 0xa6f2, 0xa6f7,
  0xa874, 0xa877, 0xa8ce, 0xa8cf, 0xa8f8, 0xa8fa, 0xa92e, 0xa92f, 0xa95f, 0xa95f, 0xa9c1, 0xa9cd, 0xa9de, 0xa9df,
  0xaa5c, 0xaa5f, 0xaade, 0xaadf, 0xabeb, 0xabeb, 0xfd3e, 0xfd3e, 0xfe10, 0xfe17, 0xfe19, 0xfe19, 0xfe30, 0xfe32,
  0xfe35, 0xfe35, 0xfe37, 0xfe37, 0xfe39, 0xfe39, 0xfe3b, 0xfe3b, 0xfe3d, 0xfe3d, 0xfe3f, 0xfe3f, 0xfe41, 0xfe41,
  0xfe43, 0xfe43, 0xfe45, 0xfe47, 0xfe49, 0xfe4c, 0xfe50, 0xfe52, 0xfe54, 0xfe59, 0xfe5b, 0xfe5b, 0xfe5d, 0xfe5d,
  0xfe5f, 0xfe61, 0xfe63, 0xfe63, 0xfe68, 0xfe68, 0xfe6a, 0xfe6b, 0xff01, 0xff03, 0xff05, 0xff08, 0xff0a, 0xff0a,
  0xff0c, 0xff0f, 0xff1a, 0xff1b, 0xff1f, 0xff20, 0xff3b, 0xff3c, 0xff5b, 0xff5b, 0xff5f, 0xff5f, 0xff61, 0xff62,
  0xff64, 0xff65, 0x10100, 0x10101, 0x1039f, 0x1039f, 0x103d0, 0x103d0, 0x10857, 0x10857, 0x1091f, 0x1091f, 0x1093f,
  0x1093f, 0x10a50, 0x10a58, 0x10a7f, 0x10a7f, 0x10b39, 0x10b3f, 0x110bb, 0x110bc, 0x110be, 0x110c1, 0x12470, 0x12473,
];

/** `[\x00 closing_delimiters delimiters closers]`: what may follow an end-string (besides whitespace). */
const END_SUFFIX_RANGES = [
  0x0, 0x0, 0x21, 0x22, 0x27, 0x27, 0x29, 0x29, 0x2c, 0x2f, 0x3a, 0x3b, 0x3e, 0x3f, 0x5c, 0x5d, 0x7d, 0x7d, 0xa1,
  0xa1, 0xab, 0xab, 0xb7, 0xb7, 0xbb, 0xbb, 0xbf, 0xbf, 0x37e, 0x37e, 0x387, 0x387, 0x55a, 0x55f, 0x589, 0x58a, 0x5be,
  0x5be, 0x5c0, 0x5c0, 0x5c3, 0x5c3, 0x5c6, 0x5c6, 0x5f3, 0x5f4, 0x609, 0x60a, 0x60c, 0x60d, 0x61b, 0x61b, 0x61e,
  0x61f, 0x66a, 0x66d, 0x6d4, 0x6d4, 0x700, 0x70d, 0x7f7, 0x7f9, 0x830, 0x83e, 0x964, 0x965, 0x970, 0x970, 0xdf4,
  0xdf4, 0xe4f, 0xe4f, 0xe5a, 0xe5b, 0xf04, 0xf12, 0xf3b, 0xf3b, 0xf3d, 0xf3d, 0xf85, 0xf85, 0xfd0, 0xfd4, 0x104a,
  0x104f, 0x10fb, 0x10fb, 0x1361, 0x1368, 0x1400, 0x1400, 0x166d, 0x166e, 0x169c, 0x169c, 0x16eb, 0x16ed, 0x1735,
  0x1736, 0x17d4, 0x17d6, 0x17d8, 0x17da, 0x1800, 0x180a, 0x1944, 0x1945, 0x19de, 0x19df, 0x1a1e, 0x1a1f, 0x1aa0,
  0x1aa6, 0x1aa8, 0x1aad, 0x1b5a, 0x1b60, 0x1c3b, 0x1c3f, 0x1c7e, 0x1c7f, 0x1cd3, 0x1cd3, 0x2010, 0x2027, 0x2030,
  0x203e, 0x2041, 0x2043, 0x2046, 0x2051, 0x2053, 0x2053, 0x2055, 0x205e, 0x207e, 0x207e, 0x208e, 0x208e, 0x232a,
  0x232a, 0x2769, 0x2769, 0x276b, 0x276b, 0x276d, 0x276d, 0x276f, 0x276f, 0x2771, 0x2771, 0x2773, 0x2773, 0x2775,
  0x2775, 0x27c6, 0x27c6, 0x27e7, 0x27e7, 0x27e9, 0x27e9, 0x27eb, 0x27eb, 0x27ed, 0x27ed, 0x27ef, 0x27ef, 0x2984,
  0x2984, 0x2986, 0x2986, 0x2988, 0x2988, 0x298a, 0x298a, 0x298c, 0x298c, 0x298e, 0x298e, 0x2990, 0x2990, 0x2992,
  0x2992, 0x2994, 0x2994, 0x2996, 0x2996, 0x2998, 0x2998, 0x29d9, 0x29d9, 0x29db, 0x29db, 0x29fd, 0x29fd, 0x2cf9,
  0x2cfc, 0x2cfe, 0x2cff, 0x2e00, 0x2e21, 0x2e23, 0x2e23, 0x2e25, 0x2e25, 0x2e27, 0x2e27, 0x2e29, 0x2e2e, 0x2e30,
  0x2e31, 0x3001, 0x3003, 0x3009, 0x3009, 0x300b, 0x300b, 0x300d, 0x300d, 0x300f, 0x300f, 0x3011, 0x3011, 0x3015,
  0x3015, 0x3017, 0x3017, 0x3019, 0x3019, 0x301b, 0x301c, 0x301e, 0x301f, 0x3030, 0x3030, 0x303d, 0x303d, 0x30a0,
  0x30a0, 0x30fb, 0x30fb, 0xa4fe, 0xa4ff, 0xa60d, 0xa60f, 0xa673, 0xa673, 0xa67e, 0xa67e, 0xa6f2, 0xa6f7, 0xa874,
  0xa877, 0xa8ce, 0xa8cf, 0xa8f8, 0xa8fa, 0xa92e, 0xa92f, 0xa95f, 0xa95f, 0xa9c1, 0xa9cd, 0xa9de, 0xa9df, 0xaa5c,
  0xaa5f, 0xaade, 0xaadf, 0xabeb, 0xabeb, 0xfd3f, 0xfd3f, 0xfe10, 0xfe16, 0xfe18, 0xfe19, 0xfe30, 0xfe32, 0xfe36,
  0xfe36, 0xfe38, 0xfe38, 0xfe3a, 0xfe3a, 0xfe3c, 0xfe3c, 0xfe3e, 0xfe3e, 0xfe40, 0xfe40, 0xfe42, 0xfe42, 0xfe44,
  0xfe46, 0xfe48, 0xfe4c, 0xfe50, 0xfe52, 0xfe54, 0xfe58, 0xfe5a, 0xfe5a, 0xfe5c, 0xfe5c, 0xfe5e, 0xfe61, 0xfe63,
  0xfe63, 0xfe68, 0xfe68, 0xfe6a, 0xfe6b, 0xff01, 0xff03, 0xff05, 0xff07, 0xff09, 0xff0a, 0xff0c, 0xff0f, 0xff1a,
  0xff1b, 0xff1f, 0xff20, 0xff3c, 0xff3d, 0xff5d, 0xff5d, 0xff60, 0xff61, 0xff63, 0xff65, 0x10100, 0x10101, 0x1039f,
  0x1039f, 0x103d0, 0x103d0, 0x10857, 0x10857, 0x1091f, 0x1091f, 0x1093f, 0x1093f, 0x10a50, 0x10a58, 0x10a7f, 0x10a7f,
  0x10b39, 0x10b3f, 0x110bb, 0x110bc, 0x110be, 0x110c1, 0x12470, 0x12473,
];

/** `punctuation_chars.openers` / `.closers` as Python strings (pairs share an index; note the backslash). */
const OPENERS =
  '"\'(<\\[{\u0f3a\u0f3c\u169b\u2045\u207d\u208d\u2329\u2768\u276a\u276c\u276e\u2770\u2772\u2774\u27c5\u27e6\u27e8' +
  '\u27ea\u27ec\u27ee\u2983\u2985\u2987\u2989\u298b\u298d\u298f\u2991\u2993\u2995\u2997\u29d8\u29da\u29fc\u2e22' +
  '\u2e24\u2e26\u2e28\u3008\u300a\u300c\u300e\u3010\u3014\u3016\u3018\u301a\u301d\u301d\ufd3e\ufe17\ufe35\ufe37' +
  '\ufe39\ufe3b\ufe3d\ufe3f\ufe41\ufe43\ufe47\ufe59\ufe5b\ufe5d\uff08\uff3b\uff5b\uff5f\uff62\u00ab\u2018\u201c' +
  '\u2039\u2e02\u2e04\u2e09\u2e0c\u2e1c\u2e20\u201a\u201e\u00bb\u2019\u201d\u203a\u2e03\u2e05\u2e0a\u2e0d\u2e1d' +
  '\u2e21\u201b\u201f';
const CLOSERS =
  '"\')>\\]}\u0f3b\u0f3d\u169c\u2046\u207e\u208e\u232a\u2769\u276b\u276d\u276f\u2771\u2773\u2775\u27c6\u27e7\u27e9' +
  '\u27eb\u27ed\u27ef\u2984\u2986\u2988\u298a\u298c\u298e\u2990\u2992\u2994\u2996\u2998\u29d9\u29db\u29fd\u2e23' +
  '\u2e25\u2e27\u2e29\u3009\u300b\u300d\u300f\u3011\u3015\u3017\u3019\u301b\u301e\u301f\ufd3f\ufe18\ufe36\ufe38' +
  '\ufe3a\ufe3c\ufe3e\ufe40\ufe42\ufe44\ufe48\ufe5a\ufe5c\ufe5e\uff09\uff3d\uff5d\uff60\uff63\u00bb\u2019\u201d' +
  '\u203a\u2e03\u2e05\u2e0a\u2e0d\u2e1d\u2e21\u201b\u201f\u00ab\u2018\u201c\u2039\u2e02\u2e04\u2e09\u2e0c\u2e1c' +
  '\u2e20\u201a\u201e';
/** Each opener's closer: Python's `closers[openers.index(c)]` (the first occurrence wins). */
const CLOSER_OF: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (let i = 0; i < OPENERS.length; i++) {
    const opener = OPENERS[i]!;
    if (!map.has(opener)) map.set(opener, CLOSERS[i]!);
  }
  return map;
})();
const QUOTE_PAIRS: Readonly<Record<string, string>> = {
  '\u00bb': '\u00bb',
  '\u2018': '\u201a',
  '\u2019': '\u2019',
  '\u201a': '\u2018\u2019',
  '\u201c': '\u201e',
  '\u201e': '\u201c\u201d',
  '\u201d': '\u201d',
  '\u203a': '\u203a',
};

function rangeSet(ranges: readonly number[]): (cp: number) => boolean {
  const bmp = new Uint8Array(0x10000);
  const astral: number[] = [];
  for (let i = 0; i + 1 < ranges.length; i += 2) {
    const lo = ranges[i] ?? 0;
    const hi = ranges[i + 1] ?? -1;
    for (let c = lo; c <= hi; c++) {
      if (c < 0x10000) bmp[c] = 1;
      else astral.push(c);
    }
  }
  const astralSet = new Set(astral);
  return (cp) => (cp < 0x10000 ? bmp[cp] === 1 : astralSet.has(cp));
}

const isStartPrefixCp = rangeSet(START_PREFIX_RANGES);
const isEndSuffixCp = rangeSet(END_SUFFIX_RANGES);

const PY_WS_CLASS = `[${PY_WS}]`;
const PY_WS_RUN = new RegExp(`${PY_WS_CLASS}+`, 'gu');

const WORD_RE = /^[\p{L}\p{N}_]$/u;

function cpOf(ch: string | undefined): number {
  return ch === undefined ? -1 : (ch.codePointAt(0) ?? -1);
}

/** Python `ch.isspace()` for one code point (no astral code point is whitespace). */
function isWs(ch: string | undefined): boolean {
  return ch !== undefined && isPyWs(ch.charCodeAt(0));
}

/** Python `\w` (str patterns) minus `_`: the characters of a simplename's parts. */
function isNameChar(ch: string | undefined): boolean {
  if (ch === undefined || ch === '_') return false;
  const c = cpOf(ch);
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  return WORD_RE.test(ch);
}

const SIMPLENAME_SEPARATORS = '-._+:';

// ---------------------------------------------------------------------------
// Python string helpers

/**
 * The text as the Inliner indexes it: one element per code point. Text
 * without surrogates stays a string (its UTF-16 units are its code points,
 * and `s[i]`, `s.slice`, `s.indexOf` behave as on the array of code points);
 * only text with astral characters becomes an array of code points.
 */
type CodePoints = string | readonly string[];

const HAS_SURROGATE = /[\uD800-\uDFFF]/;

/** `escape2null` over the code points of `raw` (see `CodePoints`). */
function toCodePoints(raw: string): CodePoints {
  const escaped = escape2null(raw);
  return HAS_SURROGATE.test(escaped) ? Array.from(escaped) : escaped;
}

/** docutils' `nodes.unescape(text)`: drop escaped whitespace and the remaining NULs. */
function unescape(text: string): string {
  if (!text.includes('\0')) return text;
  return text.split('\0 ').join('').split('\0\n').join('').split('\0').join('');
}

/** docutils' `nodes.unescape(text, restore_backslashes=True)`. */
function restoreBackslashes(text: string): string {
  return text.includes('\0') ? text.split('\0').join('\\') : text;
}

/** Python `int(text)` for the texts a role gets; `null` where Python raises ValueError. */
function pythonInt(text: string): number | null {
  const value = pyInt(text);
  return typeof value === 'string' ? null : Number(value);
}

// URI and e-mail patterns of the Inliner (used for embedded `<...>` targets).
const URIC = "[-_.!~*'()[\\];/:@&=+$,%a-zA-Z0-9\\x00]";
const URILAST = '[_~*/=+a-zA-Z0-9]';
const URI_END = `(?:${URILAST}|${URIC}(?=[>]))`;
const EMAILC = "[-_!~*'{|}/#?^`&=+$%a-zA-Z0-9\\x00]";
const EMAIL_PATTERN = `${EMAILC}+(?:\\.${EMAILC}+)*(?<!\\x00)@${EMAILC}+(?:\\.${EMAILC}*)*${URI_END}`;
const END_SUFFIX_CLASS = (() => {
  let cls = '';
  for (let i = 0; i + 1 < END_SUFFIX_RANGES.length; i += 2) {
    const lo = END_SUFFIX_RANGES[i] ?? 0;
    const hi = END_SUFFIX_RANGES[i + 1] ?? 0;
    cls += lo === hi ? `\\u{${lo.toString(16)}}` : `\\u{${lo.toString(16)}}-\\u{${hi.toString(16)}}`;
  }
  return `[${cls}]`;
})();
/** Python's `$` (end, or before a final newline). */
const PY_END = '(?=\\n?$)';
const EMAIL_MATCH_RE = new RegExp(`^${EMAIL_PATTERN}${PY_END}`, 'u');
const URI_MATCH_RE = new RegExp(
  `^(?:[a-zA-Z][a-zA-Z0-9.+-]*:(?:(?://?)?${URIC}*${URI_END})(?:\\?${URIC}*${URI_END})?(?:#${URIC}*${URI_END})?` +
    `|${EMAIL_PATTERN})(?:${PY_END}|(?=${PY_WS_CLASS}|${END_SUFFIX_CLASS}))`,
  'u',
);

// Roles ---------------------------------------------------------------------

/** docutils.parsers.rst.languages.en.roles, plus the registry-only canonical name. */
const ROLE_CANONICAL: Readonly<Record<string, string>> = {
  abbreviation: 'abbreviation',
  ab: 'abbreviation',
  acronym: 'acronym',
  ac: 'acronym',
  code: 'code',
  index: 'index',
  i: 'index',
  subscript: 'subscript',
  sub: 'subscript',
  superscript: 'superscript',
  sup: 'superscript',
  'title-reference': 'title-reference',
  title: 'title-reference',
  t: 'title-reference',
  'pep-reference': 'pep-reference',
  pep: 'pep-reference',
  'rfc-reference': 'rfc-reference',
  rfc: 'rfc-reference',
  emphasis: 'emphasis',
  strong: 'strong',
  literal: 'literal',
  math: 'math',
  'named-reference': 'named-reference',
  'anonymous-reference': 'anonymous-reference',
  'footnote-reference': 'footnote-reference',
  'citation-reference': 'citation-reference',
  'substitution-reference': 'substitution-reference',
  target: 'target',
  'uri-reference': 'uri-reference',
  uri: 'uri-reference',
  url: 'uri-reference',
  raw: 'raw',
  'restructuredtext-unimplemented-role': 'restructuredtext-unimplemented-role',
};

const UNIMPLEMENTED_ROLES = new Set([
  'index',
  'named-reference',
  'anonymous-reference',
  'uri-reference',
  'footnote-reference',
  'citation-reference',
  'substitution-reference',
  'target',
  'restructuredtext-unimplemented-role',
]);

/** The oracle's `ROLE_TITLE_RE = ^(.+?)\s*<([^<>]+)>$` (re.S), returning group 1 or null. */
function roleTitle(text: string): string | null {
  const chars = Array.from(text);
  let gt = chars.length - 1;
  if (chars[gt] === '\n' && chars[gt - 1] === '>') gt -= 1;
  if (chars[gt] !== '>') return null;
  let lt = gt - 1;
  while (lt >= 0 && chars[lt] !== '<' && chars[lt] !== '>') lt--;
  if (lt < 1 || chars[lt] !== '<' || lt + 1 >= gt) return null;
  let k = lt;
  while (k > 1 && isWs(chars[k - 1])) k--;
  return chars.slice(0, k).join('');
}

// Inline nodes ----------------------------------------------------------------

/** What `phraseText` found: the shown text and where the reference leads. */
interface PhraseRef {
  text: string;
  refname: string | null;
  refuri: string | null;
  /** `text <target>` form. */
  embedded: boolean;
}

type SimpleType = RstMarked['type'];

const SIMPLE_ROLE_TYPES: Readonly<Record<string, SimpleType>> = {
  abbreviation: 'abbreviation',
  acronym: 'acronym',
  emphasis: 'emphasis',
  literal: 'literal',
  strong: 'strong',
  subscript: 'subscript',
  superscript: 'superscript',
  'title-reference': 'titleReference',
};

/** The node of a simple start-string (`**`, `*`, ` `` `, `` _` ``, `|`) whose end-string was found. */
function simpleSpec(token: string, text: string, endString: string): InlineSpec {
  switch (token) {
    case '**':
      return { type: 'strong' };
    case '*':
      return { type: 'emphasis' };
    case '``':
      return { type: 'literal' };
    case '_`':
      return { type: 'inlineTarget', name: normalizeName(text) };
    default:
      // `|name|`, `|name|_`, `|name|__`: the substitution reference (the reference around it is not kept)
      void endString;
      return { type: 'substitutionReference', refname: normalizeName(text) };
  }
}

function phraseSpec(phrase: PhraseRef, anonymous: boolean): InlineSpec {
  const bare = anonymous && !phrase.embedded;
  return {
    type: 'reference',
    role: null,
    target: null,
    explicit: false,
    refname: bare ? null : phrase.refname,
    refuri: bare ? null : phrase.refuri,
    anonymous: bare,
  };
}

function numberRefSpec(role: string, target: string): InlineSpec {
  return { type: 'reference', role, target, explicit: false, refname: null, refuri: null, anonymous: false };
}

/** Sphinx roles whose target is lower-cased (`XRefRole(lowercase=True)` in the std domain). */
const LOWERCASE_TARGET_ROLES = new Set(['ref', 'numref', 'term']);

/**
 * An unknown (Sphinx) role's reference, as Sphinx's `ReferenceRole` reads
 * it: `explicit_title_re = ^(.+?)\s*(?<!\x00)<(.*?)>$` (DOTALL) on the
 * escaped text splits `Title <target>`; the target is unescaped, lower-cased
 * for `ref`, `numref` and `term`, and its whitespace runs become one space
 * (`XRefRole.process_link`).
 */
function sphinxRoleSpec(role: string, escaped: string): InlineSpec {
  const chars = Array.from(escaped);
  let target = escaped;
  let explicit = false;
  if (chars[chars.length - 1] === '>') {
    for (let i = 1; i < chars.length - 1; i++) {
      if (chars[i] === '<' && chars[i - 1] !== '\0') {
        target = chars.slice(i + 1, -1).join('');
        explicit = true;
        break;
      }
    }
  }
  if (escaped.startsWith('!')) {
    // Sphinx: "if the first character is a bang, don't cross-reference at all"
    return { type: 'reference', role, target: null, explicit, refname: null, refuri: null, anonymous: false };
  }
  let t = unescape(target);
  if (LOWERCASE_TARGET_ROLES.has(role.toLowerCase().split(':').pop() ?? '')) t = t.toLowerCase();
  t = t.replace(PY_WS_RUN, ' ');
  return { type: 'reference', role, target: t, explicit, refname: null, refuri: null, anonymous: false };
}

// ---------------------------------------------------------------------------

type EndKind = 'emphasis' | 'strong' | 'literal' | 'target' | 'substitution' | 'interpreted';

/** An end-string found at `start` (docutils' `endmatch.start(1)`), ending at `end` (`endmatch.end(1)`). */
interface EndMatch {
  start: number;
  end: number;
  /** Interpreted text: index just past a suffix role `:name:`, or -1. */
  roleEnd: number;
}

/** What the initial pattern matched at `start` (`match.start()`), ending at `end` (`match.end()`). */
type InitialMatch =
  | { kind: 'start'; start: number; end: number; token: '**' | '*' | '``' | '_`' | '|' }
  | { kind: 'reference'; start: number; end: number; nameEnd: number }
  | { kind: 'footnote'; start: number; end: number; labelEnd: number; citation: boolean }
  | { kind: 'backquote'; start: number; end: number; backquote: number; role: string | null };

/**
 * Fast path: text without any of these characters comes out unchanged and
 * without messages. Every alternative of docutils' initial pattern needs one
 * of `*`, `` ` ``, `_`, `|` or `[` (a role `:name:` must be followed by a
 * backquote; a reference `name_` or `name__` needs its underscore), and
 * `escape2null` / `unescape` only change text holding a backslash or a NUL.
 */
const MAY_HOLD_MARKUP = /[*`_|[\\\0]/;

/**
 * Reduces a text block's inline markup to text, as docutils'
 * `Inliner.parse` + `paragraph.astext()` do, with docutils' messages.
 *
 *     inlineText('See `Errors <errors_>`_ and [1]_', { line: 3 })
 *       -> { text: 'See Errors and 1', messages: [] }
 */
export function inlineText(raw: string, options: InlineOptions): InlineResult {
  if (!MAY_HOLD_MARKUP.test(raw)) return { text: raw, messages: [], unknownRoles: [] };
  return new Inliner(raw, options).parse();
}

/**
 * `inlineText` that also returns the inline nodes docutils builds (text,
 * strong, emphasis, literal, references with their role and target...),
 * each with its source position. `nodes` values joined give `text`.
 *
 *     inlineNodes('Array of :ref:`Tag <tag_1>` objects', { line: 4, column: 7 }).nodes
 *       -> [text "Array of ", reference {role "ref", value "Tag", target "tag_1"}, text " objects"]
 */
export function inlineNodes(raw: string, options: InlineOptions): InlineResult & { nodes: RstInline[] } {
  if (!MAY_HOLD_MARKUP.test(raw)) {
    // no markup: one text node (most table cells: "String", "Yes", ...)
    if (raw === '') return { text: raw, messages: [], unknownRoles: [], nodes: [] };
    const lines = raw.split('\n');
    const last = lines.length - 1;
    const lastColumn = options.lineColumns?.[last] ?? (last === 0 ? (options.column ?? 1) : 1);
    const position: Position = {
      start: { line: options.lineNumbers?.[0] ?? options.line, column: options.lineColumns?.[0] ?? options.column ?? 1 },
      end: { line: options.lineNumbers?.[last] ?? options.line + last, column: lastColumn + (lines[last] ?? '').length },
    };
    return { text: raw, messages: [], unknownRoles: [], nodes: [{ type: 'text', value: raw, position }] };
  }
  const r = new Inliner(raw, options, true).parse();
  return { ...r, nodes: r.nodes ?? [] };
}

/** The characters every start-string (or the text before a reference underscore) leads to; see `Inliner.searchInitial`. */
const TRIGGER_CHARS = '*`_|[';
const TRIGGER = /[*`_|[]/g;

/** A character a simplename (or the `:` of a role) can hold, the underscore excepted. */
function isChainChar(ch: string | undefined): boolean {
  return ch === '-' || ch === '.' || ch === '+' || ch === ':' || isNameChar(ch);
}

/** The first character of each kind of end-string. */
const END_STRING_START: Readonly<Record<EndKind, string>> = {
  emphasis: '*',
  strong: '*',
  literal: '`',
  target: '`',
  substitution: '|',
  interpreted: '`',
};

const NODE_NAMES: Readonly<Record<string, string>> = {
  '**': 'strong',
  '*': 'emphasis',
  '``': 'literal',
  '_`': 'target',
  '|': 'substitution_reference',
};
const END_KINDS: Readonly<Record<string, EndKind>> = {
  '**': 'strong',
  '*': 'emphasis',
  '``': 'literal',
  '_`': 'target',
  '|': 'substitution',
};

/**
 * One run of docutils' `Inliner.parse` over one text block. (A class rather
 * than closures inside `inlineText`: the scanner's helpers are created once,
 * not once per text block.)
 */
class Inliner {
  /** The text as code points (Python indexes), backslash-escapes turned into NULs. */
  private readonly s: CodePoints;
  private readonly n: number;
  private readonly messageLine: number;
  private readonly messages: SystemMessage[] = [];
  private readonly unknownRoles: string[] = [];
  private readonly out: string[] = [];
  private textStart = 0;
  // positions for messages (built on first use)
  private lineStarts: number[] | null = null;
  private utf16Before: Int32Array | null = null;
  // the simplename chain found last (chainEnd's cache)
  private chainFrom = -1;
  private chainTo = -1;
  /** For each end-string kind, the last search past a start-string (see searchEnd). */
  private readonly endMemo: Partial<Record<EndKind, { from: number; found: number }>> = {};
  /** The inline nodes, when asked for (`inlineNodes`); null on the plain path. */
  private readonly nodes: RstInline[] | null;
  /** What the role function of the last `interpreted` call built (nodes mode). */
  private roleSpec: InlineSpec | null = null;

  constructor(
    private readonly raw: string,
    private readonly options: InlineOptions,
    withNodes = false,
  ) {
    this.s = toCodePoints(raw);
    this.n = this.s.length;
    this.messageLine = options.messageLine ?? options.line;
    this.nodes = withNodes ? [] : null;
  }

  parse(): InlineResult {
    const { n } = this;
    let base = 0;
    while (base < n) {
      const m = this.searchInitial(base);
      if (!m) break;
      switch (m.kind) {
        case 'start':
          base = this.inlineObj(m, base);
          break;
        case 'backquote':
          base = this.interpretedOrPhraseRef(m, base);
          break;
        case 'reference': {
          const name = this.slice(m.start, m.nameEnd);
          this.emit(
            m.start,
            name,
            m.end,
            this.nodes && {
              type: 'reference',
              role: null,
              target: null,
              explicit: false,
              refname: normalizeName(unescape(name)),
              refuri: null,
              anonymous: m.end - m.nameEnd === 2,
            },
          );
          base = m.end;
          break;
        }
        case 'footnote': {
          const label = this.slice(m.start + 1, m.labelEnd);
          const auto = !m.citation && (label.startsWith('#') || label === '*');
          this.emit(
            m.start,
            auto ? '' : label,
            m.end,
            this.nodes && {
              type: m.citation ? 'citationReference' : 'footnoteReference',
              refname: label === '*' || label === '#' ? null : normalizeName(label.startsWith('#') && !m.citation ? label.slice(1) : label),
            },
          );
          base = m.end;
          break;
        }
      }
    }
    const rest = unescape(this.slice(this.textStart, n));
    this.out.push(rest);
    if (this.nodes !== null && rest !== '') this.nodes.push({ type: 'text', value: rest, position: this.span(this.textStart, n) });
    if (this.nodes !== null) {
      return { text: this.out.join(''), messages: this.messages, unknownRoles: this.unknownRoles, nodes: this.nodes };
    }
    return { text: this.out.join(''), messages: this.messages, unknownRoles: this.unknownRoles };
  }

  /** Source point of code point `index` of the text (nodes mode). */
  private pointAt(index: number): Point {
    const { n, options } = this;
    if (this.lineStarts === null) this.indexLines();
    const lineStarts = this.lineStarts ?? [0];
    const at = Math.min(Math.max(index, 0), n);
    let lineIndex = 0;
    let hi = lineStarts.length - 1;
    while (lineIndex < hi) {
      const mid = (lineIndex + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= at) lineIndex = mid;
      else hi = mid - 1;
    }
    const column = options.lineColumns?.[lineIndex] ?? (lineIndex === 0 ? (options.column ?? 1) : 1);
    return {
      line: options.lineNumbers?.[lineIndex] ?? options.line + lineIndex,
      column: column + this.utf16At(at) - this.utf16At(lineStarts[lineIndex] ?? 0),
    };
  }

  /** UTF-16 units before code point `i` (the text's own index when it has no astral character). */
  private utf16At(i: number): number {
    return this.utf16Before === null ? i : (this.utf16Before[i] ?? 0);
  }

  private span(from: number, to: number): Position {
    return { start: this.pointAt(from), end: this.pointAt(to) };
  }

  private indexLines(): void {
    const { s, n } = this;
    const starts = [0];
    if (typeof s === 'string') {
      // no astral character: code points are UTF-16 units
      for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      const before = new Int32Array(n + 1);
      for (let i = 0; i < n; i++) {
        before[i + 1] = (before[i] ?? 0) + (s[i] ?? '').length;
        if (s[i] === '\n') starts.push(i + 1);
      }
      this.utf16Before = before;
    }
    this.lineStarts = starts;
  }

  private slice(from: number, to: number): string {
    const s = this.s;
    return typeof s === 'string' ? s.slice(from, to) : s.slice(from, to).join('');
  }

  private columnOf(index: number): number {
    const { options } = this;
    if (this.lineStarts === null) this.indexLines();
    const lineStarts = this.lineStarts ?? [0];
    let lineIndex = 0;
    let hi = lineStarts.length - 1;
    while (lineIndex < hi) {
      const mid = (lineIndex + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= index) lineIndex = mid;
      else hi = mid - 1;
    }
    const reportedIndex = this.messageLine - options.line;
    const lineColumn = (i: number): number =>
      options.lineColumns?.[i] ?? (i === 0 ? (options.column ?? 1) : 1);
    if (lineIndex !== reportedIndex) {
      // The construct is not on the line docutils reports: point at that line's start.
      return reportedIndex >= 0 && reportedIndex < lineStarts.length ? lineColumn(reportedIndex) : (options.column ?? 1);
    }
    const startOfLine = lineStarts[lineIndex] ?? 0;
    return lineColumn(lineIndex) + this.utf16At(index) - this.utf16At(startOfLine);
  }

  private report<Id extends ParseRuleId>(id: Id, args: ParseRuleArgs[Id], at: number, line = this.messageLine): void {
    const message = systemMessage(id, args, line, this.columnOf(at));
    this.messages.push({ ...message, message: unescape(message.message) });
  }

  /** Ends the pending plain text at `at` and appends an inline node's text (and, in nodes mode, the nodes). */
  private emit(at: number, nodeText: string, resume: number, spec?: InlineSpec | null): void {
    const before = unescape(this.slice(this.textStart, at));
    this.out.push(before, nodeText);
    if (this.nodes !== null) {
      if (before !== '') this.nodes.push({ type: 'text', value: before, position: this.span(this.textStart, at) });
      const type = spec?.type ?? 'text';
      if (type !== 'text' || nodeText !== '') {
        // keys in one fixed order: type, value, the rest, position
        const node = Object.assign({ type, value: nodeText }, spec, { position: this.span(at, resume) });
        this.nodes.push(node as RstInline);
      }
    }
    this.textStart = resume;
  }

  // -- context rules
  private suffixOk(q: number): boolean {
    const s = this.s;
    return q >= this.n || isWs(s[q]) || isEndSuffixCp(cpOf(s[q]));
  }

  private nonWsAfter(q: number): boolean {
    return q >= this.n || !isWs(this.s[q]);
  }

  private prefixOk(p: number, base: number): boolean {
    const s = this.s;
    return p === base || isWs(s[p - 1]) || isStartPrefixCp(cpOf(s[p - 1]));
  }

  /** simplename: (?:(?!_)\w)+(?:[-._+:](?:(?!_)\w)+)*  (greedy; only its full extent can ever match) */
  private chainEnd(i: number): number {
    const { s, n } = this;
    if (!isNameChar(s[i])) return -1;
    if (i > this.chainFrom && i < this.chainTo) return this.chainTo;
    let j = i;
    for (;;) {
      while (j < n && isNameChar(s[j])) j++;
      if (j + 1 < n && SIMPLENAME_SEPARATORS.includes(s[j] ?? 'x') && isNameChar(s[j + 1])) j++;
      else break;
    }
    this.chainFrom = i;
    this.chainTo = j;
    return j;
  }

  /** The end-string of `kind` at `q`. `sliceStart`: docutils searches `string[matchend:]`, whose look-behind sees nothing at 0. */
  private endAt(kind: EndKind, q: number, sliceStart: number): EndMatch | null {
    const s = this.s;
    const prev = q > sliceStart ? s[q - 1] : undefined;
    const noWsNulBefore = prev === undefined || !(isWs(prev) || prev === '\0');
    switch (kind) {
      case 'emphasis':
        return s[q] === '*' && noWsNulBefore && this.suffixOk(q + 1) ? { start: q, end: q + 1, roleEnd: -1 } : null;
      case 'strong':
        return s[q] === '*' && s[q + 1] === '*' && noWsNulBefore && this.suffixOk(q + 2)
          ? { start: q, end: q + 2, roleEnd: -1 }
          : null;
      case 'literal':
        return s[q] === '`' && s[q + 1] === '`' && (prev === undefined || !isWs(prev)) && this.suffixOk(q + 2)
          ? { start: q, end: q + 2, roleEnd: -1 }
          : null;
      case 'target':
        return s[q] === '`' && noWsNulBefore && this.suffixOk(q + 1) ? { start: q, end: q + 1, roleEnd: -1 } : null;
      case 'substitution': {
        if (s[q] !== '|' || !noWsNulBefore) return null;
        for (const k of [2, 1, 0]) {
          let underscores = true;
          for (let u = 1; u <= k; u++) if (s[q + u] !== '_') underscores = false;
          if (underscores && this.suffixOk(q + 1 + k)) return { start: q, end: q + 1 + k, roleEnd: -1 };
        }
        return null;
      }
      case 'interpreted': {
        if (s[q] !== '`') return null;
        // (?<!(?<!\x00)[\s\x00])
        if (prev !== undefined && (isWs(prev) || prev === '\0')) {
          const prev2 = q - 1 > sliceStart ? s[q - 2] : undefined;
          if (prev2 !== '\0') return null;
        }
        if (s[q + 1] === ':') {
          const e = this.chainEnd(q + 2);
          if (e > 0 && s[e] === ':') {
            const m = this.withRefend(q, e + 1, e + 1);
            if (m) return m;
          }
        }
        return this.withRefend(q, q + 1, -1);
      }
    }
  }

  /** The end of an interpreted-text end-string at `q`: an optional `_` or `__` after `from`. */
  private withRefend(q: number, from: number, roleEnd: number): EndMatch | null {
    const s = this.s;
    if (s[from] === '_' && s[from + 1] === '_' && this.suffixOk(from + 2)) return { start: q, end: from + 2, roleEnd };
    if (s[from] === '_' && this.suffixOk(from + 1)) return { start: q, end: from + 1, roleEnd };
    if (this.suffixOk(from)) return { start: q, end: from, roleEnd };
    return null;
  }

  /** docutils' `end_pattern.search(string[matchend:])`. */
  private searchEnd(kind: EndKind, from: number): EndMatch | null {
    const first = this.endAt(kind, from, from);
    if (first) return first;
    // Past `from` itself the look-behind sees the whole text, so whether an
    // end-string matches at q > from does not depend on `from`: the answer
    // is the first such q. The last search (from0 -> q0) answers for every
    // later `from` in [from0, q0) too (or for all later ones, if it found
    // nothing); starts move forward only, so each kind's text is scanned
    // about once, however many start-strings stay unmatched (`*a *a *a`).
    const memo = this.endMemo[kind];
    let q: number;
    if (memo !== undefined && from >= memo.from && (memo.found < 0 || from < memo.found)) {
      q = memo.found;
    } else {
      q = this.scanEnd(kind, from + 1);
      this.endMemo[kind] = { from, found: q };
    }
    return q < 0 ? null : this.endAt(kind, q, 0);
  }

  /** The first index at or after `from` where an end-string of `kind` matches (look-behind over the whole text), or -1. */
  private scanEnd(kind: EndKind, from: number): number {
    // Every end-string starts with its kind's character: only look there.
    const key = END_STRING_START[kind];
    for (let q = this.s.indexOf(key, from); q >= 0; q = this.s.indexOf(key, q + 1)) if (this.endAt(kind, q, 0)) return q;
    return -1;
  }

  /** The initial pattern, tried at `p`. */
  private initialAt(p: number): InitialMatch | null {
    const s = this.s;
    const c = s[p];
    const c1 = s[p + 1];
    if (c === '*') {
      if (c1 === '*' && this.nonWsAfter(p + 2)) return { kind: 'start', start: p, end: p + 2, token: '**' };
      if (c1 !== '*' && this.nonWsAfter(p + 1)) return { kind: 'start', start: p, end: p + 1, token: '*' };
    } else if (c === '`') {
      if (c1 === '`') {
        if (this.nonWsAfter(p + 2)) return { kind: 'start', start: p, end: p + 2, token: '``' };
      } else if (this.nonWsAfter(p + 1)) {
        return { kind: 'backquote', start: p, end: p + 1, backquote: p, role: null };
      }
    } else if (c === '_') {
      if (c1 === '`' && this.nonWsAfter(p + 2)) return { kind: 'start', start: p, end: p + 2, token: '_`' };
    } else if (c === '|') {
      if (c1 !== '|' && this.nonWsAfter(p + 1)) return { kind: 'start', start: p, end: p + 1, token: '|' };
    } else if (c === '[') {
      return this.footnoteAt(p);
    } else if (c === ':') {
      const e = this.chainEnd(p + 1);
      if (e > 0 && s[e] === ':' && s[e + 1] === '`' && s[e + 2] !== '`' && this.nonWsAfter(e + 2)) {
        return { kind: 'backquote', start: p, end: e + 2, backquote: e + 1, role: this.slice(p + 1, e) };
      }
    } else {
      const e = this.chainEnd(p);
      if (e > 0 && s[e] === '_') {
        if (s[e + 1] === '_' && this.suffixOk(e + 2)) return { kind: 'reference', start: p, end: e + 2, nameEnd: e };
        if (this.suffixOk(e + 1)) return { kind: 'reference', start: p, end: e + 1, nameEnd: e };
      }
    }
    return null;
  }

  private footnoteAt(p: number): InitialMatch | null {
    const { s, n } = this;
    const close = (labelEnd: number, citation: boolean): InitialMatch | null =>
      s[labelEnd] === ']' && s[labelEnd + 1] === '_' && this.suffixOk(labelEnd + 2)
        ? { kind: 'footnote', start: p, end: labelEnd + 2, labelEnd, citation }
        : null;
    let d = p + 1;
    while (d < n && (s[d] ?? '') >= '0' && (s[d] ?? '') <= '9') d++;
    if (d > p + 1) {
      const m = close(d, false);
      if (m) return m;
    }
    if (s[p + 1] === '#') {
      const e = this.chainEnd(p + 2);
      const m = (e > 0 ? close(e, false) : null) ?? close(p + 2, false);
      if (m) return m;
    }
    if (s[p + 1] === '*') {
      const m = close(p + 2, false);
      if (m) return m;
    }
    const e = this.chainEnd(p + 1);
    return e > 0 ? close(e, true) : null;
  }

  /**
   * docutils' `patterns.initial.search(remaining)`: the leftmost start of
   * any inline construct at or after `base`.
   *
   * Only stretches that end at a trigger character (`*`, `` ` ``, `_`, `|`,
   * `[`) are tried. Every alternative of the initial pattern needs a trigger
   * at or after its start `p`: the start-strings and `[` are triggers
   * themselves; a role `:name:` is followed by a backquote; a reference
   * `name_` ends with an underscore. And what lies between `p` and the first
   * trigger `t` after it is made of characters a simplename or role prefix
   * can hold (word characters, `-`, `.`, `+`, `:`): so a start before the
   * run of such characters that ends at `t` cannot match, and is skipped.
   */
  private searchInitial(base: number): InitialMatch | null {
    let from = base;
    for (;;) {
      const t = this.nextTrigger(from);
      if (t < 0) return null;
      let p = t;
      while (p > from && isChainChar(this.s[p - 1])) p--;
      for (; p <= t; p++) {
        if (!this.prefixOk(p, base)) continue;
        const m = this.initialAt(p);
        if (m) return m;
      }
      from = t + 1;
    }
  }

  /** The first index at or after `from` holding a trigger character (see searchInitial), or -1. */
  private nextTrigger(from: number): number {
    const s = this.s;
    if (typeof s === 'string') {
      TRIGGER.lastIndex = from;
      return TRIGGER.exec(s)?.index ?? -1;
    }
    for (let i = from; i < s.length; i++) if (TRIGGER_CHARS.includes(s[i] ?? '')) return i;
    return -1;
  }

  /** `Inliner.quoted_start`: the start-string is enclosed in matching punctuation, or ends the text. */
  private quotedStart(m: InitialMatch, base: number): boolean {
    if (m.start === base) return false;
    if (m.end >= this.n) return true;
    const pre = this.s[m.start - 1] ?? '';
    const post = this.s[m.end] ?? '';
    const closer = CLOSER_OF.get(pre);
    if (closer === undefined) return false;
    return post === closer || (QUOTE_PAIRS[pre] ?? '').includes(post);
  }

  /** `Inliner.inline_obj` for the simple start-strings; returns where parsing resumes. */
  private inlineObj(m: Extract<InitialMatch, { kind: 'start' }>, base: number): number {
    if (this.quotedStart(m, base)) return m.end;
    const end = this.searchEnd(END_KINDS[m.token] ?? 'emphasis', m.end);
    if (end && end.start > m.end) {
      const body = this.slice(m.end, end.start);
      const text = m.token === '``' ? restoreBackslashes(body) : unescape(body);
      this.emit(m.start, text, end.end, this.nodes && simpleSpec(m.token, text, this.slice(end.start, end.end)));
      return end.end;
    }
    this.report('inline-markup', { construct: NODE_NAMES[m.token] ?? '' }, m.start);
    this.emit(m.start, m.token, m.end, this.nodes && { type: 'problematic' });
    return m.end;
  }

  /** `Inliner.phrase_ref`: the text of `` `escaped`_ `` / `` `escaped <target>`_ `` and where it leads. */
  private phraseText(from: number, to: number): PhraseRef {
    const s = this.s;
    // embedded_link: ((?:[ \n]+|^)<(?!\s)(([^<>]|\x00[<>])+)(?<![\s\x00])>)$
    const gt = to - 1;
    let linkStart = -1;
    let lt = -1;
    if (gt > from && s[gt] === '>' && !isWs(s[gt - 1]) && s[gt - 1] !== '\0') {
      let j = gt - 1;
      while (j >= from && !((s[j] === '<' || s[j] === '>') && !(j - 1 > from && s[j - 1] === '\0'))) j--;
      // j: the last unescaped angle bracket before `gt` (an escaped one needs its NUL inside the target)
      if (j >= from && s[j] === '<' && j + 1 < gt && !isWs(s[j + 1])) {
        if (j === from) linkStart = from;
        else if (s[j - 1] === ' ' || s[j - 1] === '\n') {
          let k = j - 1;
          while (k > from && (s[k - 1] === ' ' || s[k - 1] === '\n')) k--;
          linkStart = k;
        }
        if (linkStart >= 0) lt = j;
      }
    }
    if (lt < 0) {
      const text = unescape(this.slice(from, to));
      return { text, refname: normalizeName(text), refuri: null, embedded: false };
    }
    const text = this.slice(from, linkStart);
    const aliasText = this.slice(lt + 1, gt);
    const underscoreEscaped = restoreBackslashes(aliasText).endsWith('\\_');
    let alias: string;
    let isName = false;
    if (aliasText.endsWith('_') && !(underscoreEscaped || URI_MATCH_RE.test(aliasText))) {
      alias = normalizeName(unescape(aliasText.slice(0, -1)));
      isName = true;
    } else {
      const parts = aliasText.split('\0 ').flatMap((part) => part.split('\0\n'));
      alias = unescape(parts.map((part) => part.replace(PY_WS_RUN, '')).join(' '));
      if (EMAIL_MATCH_RE.test(alias)) alias = `mailto:${alias}`;
      if (alias.endsWith('\\_')) alias = `${alias.slice(0, -2)}_`;
    }
    const shown = text !== '' ? unescape(text) : alias;
    return isName ? { text: shown, refname: alias, refuri: null, embedded: true } : { text: shown, refname: null, refuri: alias, embedded: true };
  }

  /** `Inliner.interpreted` + the role functions (tolerant mode of the oracle). */
  private interpreted(rawSource: string, from: number, to: number, role: string, at: number): string {
    const escaped = this.slice(from, to);
    const canonical = role === '' ? 'title-reference' : ROLE_CANONICAL[role.toLowerCase()];
    if (canonical === undefined) {
      this.unknownRoles.push(role);
      // the oracle's generic_role: the title of `title <target>`, else the text without leading ~ or !
      const text = unescape(escaped);
      if (this.nodes !== null) this.roleSpec = sphinxRoleSpec(role, escaped);
      return roleTitle(text) ?? text.replace(/^[~!]+/, '');
    }
    if (this.nodes !== null) this.roleSpec = { type: 'problematic' };
    if (UNIMPLEMENTED_ROLES.has(canonical)) {
      this.report('role-not-implemented', { role }, at);
      return rawSource;
    }
    switch (canonical) {
      case 'code':
      case 'math':
        if (this.nodes !== null) this.roleSpec = { type: canonical === 'code' ? 'literal' : 'math' };
        return restoreBackslashes(escaped);
      case 'raw': {
        const currentLine = this.options.currentLine ?? this.messageLine + (this.raw.match(/\n/g)?.length ?? 0);
        this.report('raw-role-disabled', {}, at, currentLine);
        return rawSource;
      }
      case 'pep-reference': {
        const num = pythonInt(unescape(escaped));
        if (num === null || num < 0 || num > 9999) {
          this.report('pep-number', { text: escaped }, at);
          return rawSource;
        }
        if (this.nodes !== null) this.roleSpec = numberRefSpec(role, String(num));
        return unescape(`PEP ${escaped}`);
      }
      case 'rfc-reference': {
        const plain = unescape(escaped);
        const num = pythonInt(escaped.includes('#') ? plain.slice(0, plain.indexOf('#')) : plain);
        if (num === null || num < 1) {
          this.report('rfc-number', { text: escaped }, at);
          return rawSource;
        }
        if (this.nodes !== null) this.roleSpec = numberRefSpec(role, String(num));
        return `RFC ${num}`;
      }
      default:
        // abbreviation, acronym, emphasis, literal, strong, subscript, superscript, title-reference
        if (this.nodes !== null) this.roleSpec = { type: SIMPLE_ROLE_TYPES[canonical] ?? 'text' };
        return unescape(escaped);
    }
  }

  /** `Inliner.interpreted_or_phrase_ref`; returns where parsing resumes. */
  private interpretedOrPhraseRef(m: Extract<InitialMatch, { kind: 'backquote' }>, base: number): number {
    const matchStart = m.backquote;
    const matchEnd = m.backquote + 1;
    const roleStart = m.start;
    let role = m.role ?? '';
    let position = m.role !== null ? 'prefix' : '';
    if (m.role === null && this.quotedStart(m, base)) return matchEnd;
    const end = this.searchEnd('interpreted', matchEnd);
    if (end && end.start > matchEnd) {
      const textEnd = end.end;
      if (end.roleEnd >= 0) {
        if (role !== '') {
          this.report('multiple-roles', {}, roleStart);
          this.emit(roleStart, restoreBackslashes(this.slice(roleStart, textEnd)), textEnd, this.nodes && { type: 'problematic' });
          return textEnd;
        }
        role = this.slice(end.start + 2, end.end - 1);
        position = 'suffix';
      }
      const rawSource = restoreBackslashes(this.slice(matchStart, textEnd));
      if (rawSource.endsWith('_')) {
        if (role !== '') {
          this.report('role-and-reference', { position }, roleStart);
          this.emit(roleStart, restoreBackslashes(this.slice(roleStart, textEnd)), textEnd, this.nodes && { type: 'problematic' });
          return textEnd;
        }
        const phrase = this.phraseText(matchEnd, end.start);
        this.emit(matchStart, phrase.text, textEnd, this.nodes && phraseSpec(phrase, rawSource.endsWith('__')));
        return textEnd;
      }
      this.roleSpec = null;
      const text = this.interpreted(restoreBackslashes(this.slice(roleStart, textEnd)), matchEnd, end.start, role, roleStart);
      this.emit(roleStart, text, textEnd, this.roleSpec);
      return textEnd;
    }
    this.report('inline-markup', { construct: 'interpreted text or phrase reference' }, matchStart);
    this.emit(matchStart, '`', matchEnd, this.nodes && { type: 'problematic' });
    return matchEnd;
  }
}
