/**
 * docutils' start-string and end-string patterns (`Inliner.patterns.initial`
 * and the end patterns of `Inliner.inline_obj`), as hand-written scanners
 * with the same semantics (same alternatives in the same order, same
 * look-behind and look-ahead context), so that the work stays linear:
 * docutils itself re-searches the rest of the text for every unmatched
 * start-string (a paragraph of `*a *a *a ...` is quadratic there); here the
 * search for an end-string remembers its answer for later start-strings
 * (`searchEnd`), and stretches of text without a trigger character are
 * skipped by one regular-expression search (`searchInitial`).
 */
import { cpOf, isChainChar, isEndSuffixCp, isNameChar, isStartPrefixCp, isWs, SIMPLENAME_SEPARATORS } from './chars.js';
import type { CodePoints } from './text.js';

export type EndKind = 'emphasis' | 'strong' | 'literal' | 'target' | 'substitution' | 'interpreted';

/** An end-string found at `start` (docutils' `endmatch.start(1)`), ending at `end` (`endmatch.end(1)`). */
export interface EndMatch {
  start: number;
  end: number;
  /** Interpreted text: index just past a suffix role `:name:`, or -1. */
  roleEnd: number;
}

/** What the initial pattern matched at `start` (`match.start()`), ending at `end` (`match.end()`). */
export type InitialMatch =
  | { kind: 'start'; start: number; end: number; token: '**' | '*' | '``' | '_`' | '|' }
  | { kind: 'reference'; start: number; end: number; nameEnd: number }
  | { kind: 'footnote'; start: number; end: number; labelEnd: number; citation: boolean }
  | { kind: 'backquote'; start: number; end: number; backquote: number; role: string | null };

/** The characters every start-string (or the text before a reference underscore) leads to; see `Inliner.searchInitial`. */
const TRIGGER_CHARS = '*`_|[';
const TRIGGER = /[*`_|[]/g;

/** The first character of each kind of end-string. */
const END_STRING_START: Readonly<Record<EndKind, string>> = {
  emphasis: '*',
  strong: '*',
  literal: '`',
  target: '`',
  substitution: '|',
  interpreted: '`',
};

/** The scanners over one text block; the Inliner builds on them. */
export abstract class InlineScanner {
  /** The text as code points (Python indexes), backslash-escapes turned into NULs. */
  protected readonly s: CodePoints;
  protected readonly n: number;
  // the simplename chain found last (chainEnd's cache)
  private chainFrom = -1;
  private chainTo = -1;
  /** For each end-string kind, the last search past a start-string (see searchEnd). */
  private readonly endMemo: Partial<Record<EndKind, { from: number; found: number }>> = {};

  constructor(s: CodePoints) {
    this.s = s;
    this.n = s.length;
  }

  protected slice(from: number, to: number): string {
    const s = this.s;
    return typeof s === 'string' ? s.slice(from, to) : s.slice(from, to).join('');
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
        return s[q] === '*' && s[q + 1] === '*' && noWsNulBefore && this.suffixOk(q + 2) ? { start: q, end: q + 2, roleEnd: -1 } : null;
      case 'literal':
        return s[q] === '`' && s[q + 1] === '`' && (prev === undefined || !isWs(prev)) && this.suffixOk(q + 2) ? { start: q, end: q + 2, roleEnd: -1 } : null;
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
  protected searchEnd(kind: EndKind, from: number): EndMatch | null {
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
  protected searchInitial(base: number): InitialMatch | null {
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
}
