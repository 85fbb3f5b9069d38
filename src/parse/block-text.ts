/**
 * The Python and docutils primitives every parser in this folder shares (one
 * home, so each is written once): docutils runs on Python strings, so
 * "whitespace", "blank", "strip", "split" and "split lines" follow Python's
 * definitions, not JavaScript's; and docutils' own small helpers
 * (`string2lines`, `fully_normalize_name`, `escape2null`) are here too.
 */

/**
 * The characters Python's `str.isspace()` accepts (and `str.split()` splits
 * on), as the body of a regular-expression character class. (No astral code
 * point is whitespace.)
 */
export const PY_WS = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const WS_RUN_RE = new RegExp(`[${PY_WS}]+`);
/** Python's `str.splitlines()` separators; `\r\n` counts once. */
const LINE_BREAK_RE = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/;

/** Python `str.isspace()` for one UTF-16 unit. */
export function isPyWs(c: number): boolean {
  if (c === 32) return true;
  if (c < 32) return (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f);
  if (c < 0x85) return false;
  return (
    c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000
  );
}

/** Python `not s.strip()`. */
export function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isPyWs(s.charCodeAt(i))) return false;
  return true;
}

export function pyRstrip(s: string): string {
  let end = s.length;
  while (end > 0 && isPyWs(s.charCodeAt(end - 1))) end--;
  return end === s.length ? s : s.slice(0, end);
}

export function pyLstrip(s: string): string {
  let i = 0;
  while (i < s.length && isPyWs(s.charCodeAt(i))) i++;
  return i === 0 ? s : s.slice(i);
}

export function pyStrip(s: string): string {
  return pyLstrip(pyRstrip(s));
}

/** Python `s.split()` (no argument). */
export function pySplit(s: string): string[] {
  const out: string[] = [];
  for (const part of s.split(WS_RUN_RE)) if (part) out.push(part);
  return out;
}

/**
 * Python `' '.join(s.split())`. Fast path: a text whose only whitespace is
 * single spaces between other characters is its own collapse (the common
 * case for cell text), so it is returned without splitting.
 */
export function pyCollapse(s: string): string {
  return isCollapsed(s) ? s : pySplit(s).join(' ');
}

/**
 * Words of characters that are not Python whitespace (JS `\s` is Python's
 * whitespace less U+001C-U+001F and U+0085, plus U+FEFF, which Python does
 * not count), one space between two: a text `' '.join(s.split())` leaves as
 * it is. Linear: a word cannot hold the space that separates words.
 */
const COLLAPSED = /^(?:(?:[^\s\x1c-\x1f\x85]|\uFEFF)+(?: (?:[^\s\x1c-\x1f\x85]|\uFEFF)+)*)?$/;

/** True when `s` has no Python whitespace but single inner spaces (so `' '.join(s.split()) === s`). */
function isCollapsed(s: string): boolean {
  return COLLAPSED.test(s);
}

/** Python `str.expandtabs(width)` on one line (columns count code points). */
function expandTabs(line: string, width = 8): string {
  if (!line.includes('\t')) return line;
  let out = '';
  let column = 0;
  for (const ch of line) {
    if (ch === '\t') {
      const n = width - (column % width);
      out += ' '.repeat(n);
      column += n;
    } else {
      out += ch;
      column += 1;
    }
  }
  return out;
}

export interface SplitLine {
  /** The line as docutils' state machine sees it (tabs expanded, right-stripped). */
  text: string;
  /** 0-based offset of the line's first character in the source text. */
  offset: number;
  /** The raw line (before tab expansion), for column mapping. */
  raw: string;
}

/**
 * docutils' `string2lines(text, tab_width=8, convert_whitespace=True)`:
 * `\v` and `\f` become spaces, Python's `splitlines()`, tabs expanded to 8,
 * trailing whitespace stripped. A leading BOM is the caller's to drop (the
 * CLI's decoder does; the oracle reads files as `utf-8-sig`).
 */
export function splitSourceLines(source: string): SplitLine[] {
  if (!hasSpecialBreak(source)) return splitAtNewlines(source);
  const text = source.replace(/[\v\f]/g, ' ');
  const out: SplitLine[] = [];
  let pos = 0;
  const re = new RegExp(LINE_BREAK_RE.source, 'g');
  for (;;) {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) {
      if (pos < text.length) {
        const raw = text.slice(pos);
        out.push({ text: pyRstrip(expandTabs(raw)), offset: pos, raw });
      }
      break;
    }
    const raw = text.slice(pos, m.index);
    out.push({ text: pyRstrip(expandTabs(raw)), offset: pos, raw });
    pos = m.index + m[0].length;
  }
  return out;
}

/**
 * The source's lines as docutils numbers them (splitSourceLines: Python's
 * `splitlines()`, `\v` and `\f` staying inside their line), raw: line N of a
 * parsed node's position is element N-1. A final line break leaves one
 * empty element after it.
 */
export function rawSourceLines(source: string): string[] {
  return hasSpecialBreak(source) ? source.split(RAW_BREAK_RE) : source.split('\n');
}

const RAW_BREAK_RE = /\r\n|[\n\r\x1c\x1d\x1e\x85\u2028\u2029]/;

/** Line breaks of Python's splitlines() other than `\n`, and the `\v` / `\f` docutils turns into spaces. */
const SPECIAL_BREAKS = ['\r', '\v', '\f', '\x1c', '\x1d', '\x1e', '\x85', '\u2028', '\u2029'] as const;

/**
 * Whether `source` holds one of {@link SPECIAL_BREAKS}: a search for each
 * character, which V8 runs as a fast scan (about 8x faster over the pages
 * than one character-class regular expression, which steps through the
 * text a character at a time).
 */
function hasSpecialBreak(source: string): boolean {
  for (const char of SPECIAL_BREAKS) if (source.includes(char)) return true;
  return false;
}

/** splitSourceLines for a text whose only line break is `\n` (the usual case): no regular expression per line. */
function splitAtNewlines(text: string): SplitLine[] {
  const out: SplitLine[] = [];
  let pos = 0;
  while (pos < text.length) {
    const end = text.indexOf('\n', pos);
    const stop = end < 0 ? text.length : end;
    const raw = text.slice(pos, stop);
    out.push({ text: pyRstrip(expandTabs(raw)), offset: pos, raw });
    pos = stop + 1;
  }
  return out;
}

/** Python `s.split(None, maxsplit)`. */
export function pySplitMax(s: string, maxsplit: number): string[] {
  const out: string[] = [];
  let rest = pyLstrip(s);
  while (rest && out.length < maxsplit) {
    const m = WS_RUN_RE.exec(rest);
    if (!m) break;
    out.push(rest.slice(0, m.index));
    rest = rest.slice(m.index + m[0].length);
  }
  if (rest) out.push(rest);
  return out;
}

/** Python `str.splitlines()`. */
export function pySplitlines(s: string): string[] {
  if (s === '') return [];
  const parts = s.split(LINE_BREAK_RE);
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** Python `repr()` of a str: quotes chosen as Python does, backslashes and unprintable characters escaped. */
export function pyRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    if (ch === '\\' || ch === quote) out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch !== ' ' && UNPRINTABLE_RE.test(ch)) {
      const cp = ch.codePointAt(0) ?? 0;
      const hex = cp.toString(16);
      out += cp < 0x100 ? `\\x${hex.padStart(2, '0')}` : cp < 0x10000 ? `\\u${hex.padStart(4, '0')}` : `\\U${hex.padStart(8, '0')}`;
    } else out += ch;
  }
  return out + quote;
}
/** Python's `str.isprintable()` is false for these categories (the space excepted). */
const UNPRINTABLE_RE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;

/** docutils' `fully_normalize_name`: `' '.join(name.lower().split())`. */
export function normalizeName(name: string): string {
  return pyCollapse(name.toLowerCase());
}

/** docutils' `utils.escape2null`: every backslash becomes NUL, the character after it is kept as it is. */
export function escape2null(text: string): string {
  let i = text.indexOf('\\');
  if (i < 0) return text;
  let out = '';
  let kept = 0;
  for (; i >= 0; i = text.indexOf('\\', i + 2)) {
    out += `${text.slice(kept, i)}\0`;
    kept = i + 1;
  }
  return out + text.slice(kept);
}

const DECIMAL_DIGIT = /^\p{Nd}$/u;
const INT_LITERAL = /^[+-]?\p{Nd}+(?:_\p{Nd}+)*$/u;
/** CPython's default `sys.get_int_max_str_digits()`. */
const INT_MAX_STR_DIGITS = 4300;

/** The value of a Unicode decimal digit (category Nd comes in runs of ten, 0 to 9). */
function digitValue(ch: string): number {
  if (ch >= '0' && ch <= '9') return ch.charCodeAt(0) - 48;
  let cp = ch.codePointAt(0) ?? 0;
  let back = 0;
  while (back < 60 && DECIMAL_DIGIT.test(String.fromCodePoint(cp - 1))) {
    cp--;
    back++;
  }
  return back % 10;
}

/**
 * Python `int(text)` (base 10): the value, or the message of the ValueError
 * Python raises. Surrounding whitespace, a sign, `_` between digits and
 * every Unicode decimal digit are accepted, as in Python.
 */
export function pyInt(text: string): bigint | string {
  const s = pyStrip(text);
  if (!INT_LITERAL.test(s)) return `invalid literal for int() with base 10: ${pyRepr(text)}`;
  const digits = s.replace(/[-+_]/g, '');
  const count = [...digits].length;
  if (count > INT_MAX_STR_DIGITS) {
    return `Exceeds the limit (${INT_MAX_STR_DIGITS} digits) for integer string conversion: value has ${count} digits; use sys.set_int_max_str_digits() to increase the limit`;
  }
  let value = 0n;
  for (const ch of digits) value = value * 10n + BigInt(digitValue(ch));
  return s.startsWith('-') ? -value : value;
}
