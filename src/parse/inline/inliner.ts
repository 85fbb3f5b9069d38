/**
 * docutils' `states.Inliner`: one run of `Inliner.parse` over a text block,
 * on the scanners of `scanner.ts`, building the text (`astext()`), the
 * system messages with their source positions and, for `inlineNodes`, the
 * inline nodes. Roles are run by `roles.ts`.
 */
import { normalizeName } from '../block-text.js';
import { systemMessage, type ParseRuleArgs, type ParseRuleId } from '../rules.js';
import type { Point, Position, RstInline, SystemMessage } from '../types.js';
import { CLOSER_OF, EMAIL_MATCH_RE, isWs, PY_WS_RUN, QUOTE_PAIRS, URI_MATCH_RE } from './chars.js';
import { phraseSpec, simpleSpec, type InlineSpec, type PhraseRef } from './nodes.js';
import { interpretedRole, type RoleInliner } from './roles.js';
import { InlineScanner, type EndKind, type InitialMatch } from './scanner.js';
import { restoreBackslashes, toCodePoints, unescape } from './text.js';
import type { InlineOptions, InlineResult } from './types.js';

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
export class Inliner extends InlineScanner implements RoleInliner {
  private readonly messageLine: number;
  private readonly messages: SystemMessage[] = [];
  readonly unknownRoles: string[] = [];
  private readonly out: string[] = [];
  private textStart = 0;
  // positions for messages (built on first use)
  private lineStarts: number[] | null = null;
  private utf16Before: Int32Array | null = null;
  private lastPoint: Point | null = null;
  private lastPointIndex = -1;
  /** The block's last line (`currentLine`), counted on first use. */
  private lastLine: number | null = null;
  /** The inline nodes, when asked for (`inlineNodes`); null on the plain path. */
  private readonly nodes: RstInline[] | null;
  readonly withNodes: boolean;

  constructor(
    private readonly raw: string,
    private readonly options: InlineOptions,
    withNodes = false,
  ) {
    super(toCodePoints(raw));
    this.messageLine = options.messageLine ?? options.line;
    this.withNodes = withNodes;
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
    return { start: this.sharedPointAt(from), end: this.sharedPointAt(to) };
  }

  /**
   * `pointAt`, sharing the point last made: a node ends where the next one
   * starts, so adjacent nodes share that point (points are never changed).
   */
  private sharedPointAt(index: number): Point {
    if (index !== this.lastPointIndex || this.lastPoint === null) {
      this.lastPoint = this.pointAt(index);
      this.lastPointIndex = index;
    }
    return this.lastPoint;
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
    const lineColumn = (i: number): number => options.lineColumns?.[i] ?? (i === 0 ? (options.column ?? 1) : 1);
    if (lineIndex !== reportedIndex) {
      // The construct is not on the line docutils reports: point at that line's start.
      return reportedIndex >= 0 && reportedIndex < lineStarts.length ? lineColumn(reportedIndex) : (options.column ?? 1);
    }
    const startOfLine = lineStarts[lineIndex] ?? 0;
    return lineColumn(lineIndex) + this.utf16At(index) - this.utf16At(startOfLine);
  }

  /** Reports rule `id`'s message, pointing at code point `at`; false when the page's limit leaves it out (`admit`). */
  report<Id extends ParseRuleId>(id: Id, args: ParseRuleArgs[Id], at: number, line = this.messageLine): boolean {
    const column = this.columnOf(at);
    // asked first, so that a message past the page's limit is never built
    if (this.options.admit && !this.options.admit(id, line, column)) return false;
    const message = systemMessage(id, args, line, column);
    if (message.message.includes('\0')) message.message = unescape(message.message);
    this.messages.push(message);
    return true;
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
    const kept = this.report('inline-markup', { construct: NODE_NAMES[m.token] ?? '' }, m.start);
    // The problematic node's text is its source: without nodes (or past the
    // page's message limit, without a node) the pending text just runs on.
    if (this.nodes !== null && kept) this.emit(m.start, m.token, m.end, { type: 'problematic' });
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
      const source = restoreBackslashes(this.slice(roleStart, textEnd));
      const result = interpretedRole(this, source, this.slice(matchEnd, end.start), role, roleStart);
      this.emit(roleStart, result.text, textEnd, result.spec);
      return textEnd;
    }
    const kept = this.report('inline-markup', { construct: 'interpreted text or phrase reference' }, matchStart);
    if (this.nodes !== null && kept) this.emit(matchStart, '`', matchEnd, { type: 'problematic' });
    return matchEnd;
  }

  /** The state machine's current line: `currentLine`, else the block's last line. */
  currentLine(): number {
    if (this.options.currentLine !== undefined) return this.options.currentLine;
    if (this.lastLine === null) {
      // counted once per block (a block of many `:raw:` roles asks for each)
      let breaks = 0;
      for (let i = this.raw.indexOf('\n'); i >= 0; i = this.raw.indexOf('\n', i + 1)) breaks++;
      this.lastLine = this.messageLine + breaks;
    }
    return this.lastLine;
  }
}
