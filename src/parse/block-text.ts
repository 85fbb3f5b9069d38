/**
 * Python-compatible text helpers used by the block parser: docutils runs on
 * Python strings, so "blank", "strip" and "split lines" must follow Python's
 * idea of whitespace and line breaks, not JavaScript's.
 */

/** Characters Python's `str.isspace()` accepts (and `str.split()` splits on). */
const PY_WS = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
/** Python's `str.splitlines()` separators; `\r\n` counts once. */
const WS_RUN_RE = new RegExp(`[${PY_WS}]+`);
const LINE_BREAK_RE = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/;

/** Python `str.isspace()` for one UTF-16 unit. */
export function isPyWs(c: number): boolean {
  if (c === 32) return true;
  if (c < 32) return (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f);
  if (c < 0x85) return false;
  return (
    c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000
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

/** True when `s` has no Python whitespace but single inner spaces (so `' '.join(s.split()) === s`). */
function isCollapsed(s: string): boolean {
  let previousSpace = true; // a leading space is not collapsed
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (previousSpace) return false;
      previousSpace = true;
    } else if (isPyWs(c)) return false;
    else previousSpace = false;
  }
  return !previousSpace || s.length === 0;
}

/** Python `str.expandtabs(width)` on one line (columns count code points). */
export function expandTabs(line: string, width = 8): string {
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
 * trailing whitespace stripped. A leading BOM is dropped first (the oracle
 * reads files as `utf-8-sig`).
 */
export function splitSourceLines(source: string): SplitLine[] {
  if (!SPECIAL_BREAK_RE.test(source)) return splitAtNewlines(source);
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

/** Line breaks of Python's splitlines() other than `\n`, and the `\v` / `\f` docutils turns into spaces. */
const SPECIAL_BREAK_RE = /[\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/;

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

/** Number of leading spaces (docutils indents are spaces only, tabs being expanded). */
export function indentOf(line: string): number {
  let i = 0;
  while (i < line.length && line.charCodeAt(i) === 32) i++;
  return i;
}
