/**
 * The pieces of docutils' statemachine.py the block parser needs: a cursor
 * over a run of lines (`StateMachineWS`: next_line, previous_line,
 * goto_line, get_text_block, get_indented...) and a tiny document tree
 * (`DNode`) that mirrors docutils' nodes closely enough to reproduce
 * `astext()` and the oracle's cell text.
 *
 * Lines are `SourceLines` (enclosing indentation already removed); a nested
 * machine over "the rest of the input" shares its parent's `SourceLines`
 * and only moves its `base`, so sections and lists never copy the document.
 */
import { SourceLines } from './lines.js';
import type { SystemMessage, TableKind, Position } from './types.js';
import { isBlank, isPyWs } from './block-text.js';

/** Thrown (as a sentinel, no stack) to end a state machine run, like docutils' EOFError. */
export const EOF = { signal: 'eof' } as const;
/** docutils' TransitionCorrection: retry the current line with one transition. */
export class TransitionCorrection {
  constructor(readonly transition: string) {}
}
/** docutils' StateCorrection: retry the current line in another state. */
export class StateCorrection {
  constructor(
    readonly state: string,
    readonly transition: string | null,
  ) {}
}
/** Raised by get_text_block(flush_left) on an indented line. */
export class UnexpectedIndentation {
  constructor(
    readonly block: SourceLines,
    readonly line: number,
  ) {}
}

/** Tags of the internal tree that carry nothing but children, text and the common fields. */
type PlainTag =
  | 'document'
  | 'element'
  | 'section'
  | 'paragraph'
  | 'title'
  | 'comment'
  | 'doctest_block'
  | 'math_block'
  | 'transition'
  | 'block_quote'
  | 'attribution'
  | 'line_block'
  | 'list_item'
  | 'definition_list'
  | 'definition_list_item'
  | 'term'
  | 'classifier'
  | 'definition'
  | 'field_list'
  | 'field'
  | 'field_name'
  | 'field_body'
  | 'option_list'
  | 'option_list_item'
  | 'option_group'
  | 'option'
  | 'description'
  | 'tgroup'
  | 'entry'
  | 'footnote'
  | 'citation'
  | 'label'
  | 'substitution_definition'
  | 'rubric'
  | 'image'
  | 'figure'
  | 'caption'
  | 'legend'
  | 'compound'
  | 'topic'
  | 'sidebar'
  | 'admonition'
  | 'attention'
  | 'caution'
  | 'danger'
  | 'error'
  | 'hint'
  | 'important'
  | 'note'
  | 'tip'
  | 'warning';

/** What every node of the internal tree has. */
interface NodeBase {
  children: DNode[];
  /** For text elements (paragraph, title, literal_block...): their `astext()`. */
  text?: string;
  /** Real source line (1-based), when docutils sets one. */
  line?: number;
  /** docutils' `names` (targets, titles, `:name:` options), normalised. */
  names?: string[];
  /** Source span (document mode only; containers without one span their children). */
  pos?: Position;
  /** The raw inline text of a paragraph, title or term and where it starts (document mode only). */
  inlineSrc?: InlineSource;
}

/**
 * A node of the internal document tree (docutils' tag names): a union over
 * the tags that carry data of their own, each with its fields typed.
 */
export type DNode =
  | (NodeBase & { tag: PlainTag })
  /** system_message: `message` is absent on the node standing for a message left out (Reporter's per-page limit). */
  | (NodeBase & { tag: 'system_message'; message?: SystemMessage })
  | (NodeBase & { tag: 'table'; table?: TableData })
  | (NodeBase & { tag: 'bullet_list'; bullet: string })
  | (NodeBase & { tag: 'enumerated_list'; enumtype: string; start: number })
  | (NodeBase & { tag: 'line'; indent?: number })
  | (NodeBase & { tag: 'target'; refuri?: string; refname?: string; anonymous?: boolean })
  /** literal_block: `directive`, `language` and the verbatim `code` for code directives. */
  | (NodeBase & { tag: 'literal_block'; directive?: string; language?: string | null; code?: string })
  /** container: a `container` directive, or an unknown directive (`directive`, its `argument`). */
  | (NodeBase & { tag: 'container'; directive?: string; argument?: string });

/** The node type of tag `T`. */
export type NodeOf<T extends DNode['tag']> = T extends PlainTag ? NodeBase & { tag: PlainTag } : Extract<DNode, { tag: T }>;

/** Tags whose own fields are all optional, so `el` can make them. */
type BareTag = PlainTag | 'table' | 'line' | 'target' | 'literal_block' | 'container';

/** Raw inline text and the source line and column of each of its lines. */
export interface InlineSource {
  raw: string;
  line: number;
  column: number;
  lineNumbers?: readonly number[];
  lineColumns?: readonly number[];
}

export interface CellData {
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
  entry: DNode;
  position: Position;
}

export interface TableData {
  kind: TableKind;
  line: number;
  directiveLine: number | null;
  title: string | null;
  headerRows: number;
  columns: number;
  rows: number;
  colwidths: number[];
  stubColumns: number;
  cells: CellData[];
  position: Position;
}

export function el<T extends BareTag>(tag: T, children: DNode[] = [], text?: string): NodeOf<T> {
  return (text === undefined ? { tag, children } : { tag, children, text }) as NodeOf<T>;
}

/**
 * A state machine's view of its input: `src.lines[base..]`, with docutils'
 * `line_offset` and `input_offset`.
 */
export class Machine {
  lineOffset = -1;
  /** Current line text, or null past the ends. */
  line: string | null = null;
  readonly length: number;

  constructor(
    readonly src: SourceLines,
    readonly base: number,
    readonly inputOffset: number,
    readonly matchTitles: boolean,
    public node: DNode,
  ) {
    this.length = src.lines.length - base;
  }

  at(i: number): string {
    return this.src.lines[this.base + i] ?? '';
  }

  /** Real 1-based source line of machine line `i` (clamped). */
  realLine(i: number): number {
    const n = this.src.lineNumbers;
    const k = Math.min(Math.max(this.base + i, 0), n.length - 1);
    const v = n[k] ?? 1;
    return this.base + i >= n.length ? v + (this.base + i - n.length + 1) : v;
  }

  /** The leading Python whitespace of machine line `i` (its length when blank); 0 past the ends. */
  lead(i: number): number {
    const k = this.base + i;
    return k >= 0 && k < this.src.lines.length ? this.src.lead(k) : 0;
  }

  column(i: number): number {
    return this.src.columns[Math.min(this.base + i, this.src.columns.length - 1)] ?? 1;
  }

  nextLine(n = 1): string {
    this.lineOffset += n;
    if (this.lineOffset >= this.length || this.lineOffset < 0) {
      this.line = null;
      throw EOF;
    }
    this.line = this.at(this.lineOffset);
    return this.line;
  }

  previousLine(n = 1): string | null {
    this.lineOffset -= n;
    this.line = this.lineOffset < 0 || this.lineOffset >= this.length ? null : this.at(this.lineOffset);
    return this.line;
  }

  gotoLine(absLineOffset: number): void {
    this.lineOffset = absLineOffset - this.inputOffset;
    if (this.lineOffset >= this.length || this.lineOffset < 0) {
      this.line = null;
      throw EOF;
    }
    this.line = this.at(this.lineOffset);
  }

  /** RSTState.goto_line: ignore jumps past the end. */
  gotoLineSafe(absLineOffset: number): void {
    try {
      this.gotoLine(absLineOffset);
    } catch (e) {
      if (e !== EOF) throw e;
    }
  }

  absLineOffset(): number {
    return this.lineOffset + this.inputOffset;
  }

  absLineNumber(): number {
    return this.lineOffset + this.inputOffset + 1;
  }

  isNextLineBlank(): boolean {
    const i = this.lineOffset + 1;
    return i >= this.length ? true : isBlank(this.at(i));
  }

  atEof(): boolean {
    return this.lineOffset >= this.length - 1;
  }

  /** Lines `from..to` (machine indices) as SourceLines, optionally trimming `trim(i)` characters. */
  slice(from: number, to: number, trim?: (i: number) => number): SourceLines {
    const lines: string[] = [];
    const lineNumbers: number[] = [];
    const columns: number[] = [];
    const leads = new Int32Array(Math.max(to - from, 0));
    for (let i = from; i < to; i++) {
      const k = this.base + i;
      const t = trim ? trim(i) : 0;
      const text = this.src.lines[k] ?? '';
      lines.push(t ? text.slice(t) : text);
      lineNumbers.push(this.src.lineNumbers[k] ?? 0);
      columns.push((this.src.columns[k] ?? 1) + t);
      // the indentation already counted, less what is removed (no count again per nesting level)
      leads[i - from] = this.src.leadAfter(k, t);
    }
    return new SourceLines(lines, lineNumbers, columns, leads);
  }

  /**
   * StringList.get_text_block + StateMachine.get_text_block: lines up to the
   * next blank line; with `flushLeft`, an indented line ends the block with
   * `UnexpectedIndentation`.
   */
  getTextBlock(flushLeft = false): SourceLines {
    const start = this.lineOffset;
    let end = start;
    while (end < this.length) {
      const line = this.at(end);
      if (isBlank(line)) break;
      if (flushLeft && line.charCodeAt(0) === 32) {
        const block = this.slice(start, end);
        this.lineOffset += block.lines.length - 1;
        this.line = this.at(this.lineOffset);
        throw new UnexpectedIndentation(block, this.realLine(end));
      }
      end++;
    }
    const block = this.slice(start, end);
    this.nextLine(block.lines.length - 1);
    return block;
  }

  /**
   * StringList.get_indented from the current line. Returns the block (with
   * its first line index), the indent, and whether it ended with a blank line.
   */
  private indented(
    untilBlank: boolean,
    stripIndent: boolean,
    blockIndent: number | null,
    firstIndent: number | null,
  ): { block: SourceLines; indent: number; blankFinish: boolean } {
    const start = this.lineOffset;
    let indent = blockIndent;
    let end = start;
    if (blockIndent !== null && firstIndent === null) firstIndent = blockIndent;
    if (firstIndent !== null) end += 1;
    const last = this.length;
    let blankFinish = true;
    let broke = false;
    while (end < last) {
      const line = this.at(end);
      // (counted once per line and kept: pyLstrip(line) would make a string, and count again, at every level)
      const lead = this.lead(end);
      if (line && (line.charCodeAt(0) !== 32 || (blockIndent !== null && lead < Math.min(blockIndent, line.length)))) {
        blankFinish = end > start && isBlank(this.at(end - 1));
        broke = true;
        break;
      }
      if (lead === line.length) {
        if (untilBlank) {
          blankFinish = true;
          broke = true;
          break;
        }
      } else if (blockIndent === null) {
        indent = indent === null ? lead : Math.min(indent, lead);
      }
      end += 1;
    }
    if (!broke) blankFinish = true;
    const fi = firstIndent;
    const ind = indent ?? 0;
    const block = this.slice(start, end, (i) => {
      if (fi !== null && i === start) return fi;
      return ind && stripIndent ? ind : 0;
    });
    return { block, indent: ind, blankFinish };
  }

  private advanceAndStripTop(block: SourceLines, stripTop: boolean): { block: SourceLines; offset: number } {
    let offset = this.absLineOffset();
    const n = block.lines.length;
    // next_line(len - 1): for an empty block this moves back one line
    this.lineOffset += n - 1;
    this.line = this.lineOffset >= 0 && this.lineOffset < this.length ? this.at(this.lineOffset) : null;
    let skip = 0;
    if (stripTop) while (skip < n && isBlank(block.lines[skip] ?? '')) skip++;
    offset += skip;
    return { block: block.slice(skip), offset };
  }

  /** StateMachineWS.get_indented. */
  getIndented(untilBlank = false, stripIndent = true) {
    const r = this.indented(untilBlank, stripIndent, null, null);
    if (r.block.lines.length === 0) {
      return { indented: r.block, indent: r.indent, offset: this.absLineOffset(), blankFinish: r.blankFinish };
    }
    const { block, offset } = this.advanceAndStripTop(r.block, true);
    return { indented: block, indent: r.indent, offset, blankFinish: r.blankFinish };
  }

  /** StateMachineWS.get_known_indented. */
  getKnownIndented(indent: number, untilBlank = false, stripIndent = true) {
    const r = this.indented(untilBlank, stripIndent, indent, null);
    const { block, offset } = this.advanceAndStripTop(r.block, true);
    return { indented: block, offset, blankFinish: r.blankFinish };
  }

  /** StateMachineWS.get_first_known_indented. */
  getFirstKnownIndented(indent: number, untilBlank = false, stripIndent = true, stripTop = true) {
    const r = this.indented(untilBlank, stripIndent, null, indent);
    const { block, offset } = this.advanceAndStripTop(r.block, stripTop);
    return { indented: block, indent: r.indent, offset, blankFinish: r.blankFinish };
  }
}

/**
 * The span of machine lines `from..to` (inclusive), blank lines at both ends
 * skipped: from the first non-blank character to the end of the last
 * non-blank line.
 */
export function spanPos(m: Machine, from: number, to: number): Position {
  let a = Math.max(from, 0);
  let b = Math.min(to, m.length - 1);
  while (a < b && isBlank(m.at(a))) a++;
  while (b > a && isBlank(m.at(b))) b--;
  // the lengths pyLstrip / pyRstrip would leave, without making the strings (this runs for every block)
  const first = m.at(a);
  let lead = 0;
  while (lead < first.length && isPyWs(first.charCodeAt(lead))) lead++;
  const lastLine = m.at(b);
  let lastLength = lastLine.length;
  while (lastLength > 0 && isPyWs(lastLine.charCodeAt(lastLength - 1))) lastLength--;
  return {
    start: { line: m.realLine(a), column: m.column(a) + (lead < first.length ? lead : 0) },
    end: { line: m.realLine(b), column: m.column(b) + lastLength },
  };
}

/** Raw inline text spread over machine lines from `from` on (one line per line of `raw`). */
export function inlineSourceAt(m: Machine, from: number, raw: string): InlineSource {
  // one line (most paragraphs and table cells): its line and column say it all
  if (!raw.includes('\n')) return { raw, line: m.realLine(from), column: m.column(from) };
  let n = 1;
  for (let at = raw.indexOf('\n'); at !== -1; at = raw.indexOf('\n', at + 1)) n++;
  const lineNumbers = Array.from({ length: n }, (_, i) => m.realLine(from + i));
  const lineColumns = Array.from({ length: n }, (_, i) => m.column(from + i));
  return { raw, line: lineNumbers[0] ?? 1, column: lineColumns[0] ?? 1, lineNumbers, lineColumns };
}

/** The block without its trailing blank lines. */
export function trimEndBlank(block: SourceLines): SourceLines {
  let end = block.lines.length;
  while (end > 0 && isBlank(block.lines[end - 1] ?? '')) end--;
  return block.slice(0, end);
}

/**
 * Appends `items` to `target` one by one: `target.push(...items)` passes every
 * item as an argument and overflows the call stack past ~100,000 items (a
 * page of 140,000 line-block lines did).
 */
export function pushAll<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}
