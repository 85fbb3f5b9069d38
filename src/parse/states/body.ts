/**
 * The `Body` state's own constructs (states.py `Body`): block quotes with
 * their attributions, doctest blocks, line blocks, and lines of punctuation
 * that are neither titles nor transitions where titles are not allowed.
 * Lists, explicit markup and tables have their own modules.
 *
 *   Some text.              Body.indent -> block_quote
 *
 *      Quoted text.         (parsed as a nested document)
 *
 *      -- Attribution       -> attribution
 */
import { EOF, TransitionCorrection, el, pushAll, spanPos, type DNode, type Machine } from '../block-machine.js';
import { pyLstrip, pyRstrip, pyStrip } from '../block-text.js';
import type { NextState, ParserContext, RunState } from '../context.js';
import type { SourceLines } from '../lines.js';

/** The current line does not belong to this (specialized) state: end the machine, the line is read again by the parent. */
export function invalidInput(m: Machine): never {
  m.previousLine();
  throw EOF;
}

/** "<what> ends without a blank line; unexpected unindent." at the line after the current one. */
export function unindentWarning(ctx: ParserContext, m: Machine, what: string): DNode {
  return ctx.report('unexpected-unindent', { construct: what }, { abs: m.absLineNumber() + 1 });
}

/** Body.indent: a block quote. */
export function bodyIndent(ctx: ParserContext, m: Machine): void {
  const r = m.getIndented();
  pushAll(m.node.children, blockQuote(ctx, r.indented, r.offset));
  if (!r.blankFinish) m.node.children.push(unindentWarning(ctx, m, 'Block quote'));
}

/** Body.block_quote: block quotes (one per attribution) parsed from `indented`. */
export function blockQuote(ctx: ParserContext, indented: SourceLines, lineOffset: number): DNode[] {
  const elements: DNode[] = [];
  let block = indented;
  while (block.length) {
    const bq = el('block_quote');
    const split = splitAttribution(block);
    ctx.nestedParse(split ? block.slice(0, split.start) : block, lineOffset, bq);
    elements.push(bq);
    if (!split) break;
    const text = pyRstrip(split.lines.join('\n'));
    const r = ctx.inline(text, lineOffset + split.start + 1);
    bq.children.push(el('attribution', [], r.text));
    pushAll(elements, r.messages);
    lineOffset += split.end;
    block = block.slice(split.end);
    while (block.length && !block.lines[0]) {
      block = block.slice(1);
      lineOffset += 1;
    }
  }
  return elements;
}

const ATTRIBUTION_RE = /^(---?(?!-)|\u2014) *(?=[^ \n])/;

/** Body.split_attribution: where a block quote's attribution starts and ends. */
function splitAttribution(block: SourceLines): { start: number; end: number; lines: string[] } | null {
  let blank: number | null = null;
  let nonblankSeen = false;
  const lines = block.lines;
  for (let i = 0; i < lines.length; i++) {
    const line = pyRstrip(lines[i] ?? '');
    if (line) {
      if (nonblankSeen && blank === i - 1) {
        const match = ATTRIBUTION_RE.exec(line);
        if (match) {
          const check = checkAttribution(lines, i);
          if (check) {
            const a = lines.slice(i, check.end).map((l, k) => (k === 0 ? l.slice(match[0].length) : l.slice(check.indent)));
            return { start: i, end: check.end, lines: a };
          }
        }
      }
      nonblankSeen = true;
    } else blank = i;
  }
  return null;
}

/** Body.check_attribution: the attribution's end and the indentation of its continuation lines. */
function checkAttribution(lines: readonly string[], start: number): { end: number; indent: number } | null {
  let indent: number | null = null;
  let i = start + 1;
  let broke = false;
  for (; i < lines.length; i++) {
    const line = pyRstrip(lines[i] ?? '');
    if (!line) {
      broke = true;
      break;
    }
    const ind = line.length - pyLstrip(line).length;
    if (indent === null) indent = ind;
    else if (ind !== indent) return null;
  }
  if (!broke) i = lines.length;
  return { end: i, indent: indent ?? 0 };
}

/** Body.doctest: the text block as it is. */
export function doctest(ctx: ParserContext, m: Machine): void {
  const start = m.lineOffset;
  const block = m.getTextBlock();
  const node = el('doctest_block', [], block.lines.join('\n'));
  if (ctx.doc) node.pos = spanPos(m, start, m.lineOffset);
  m.node.children.push(node);
}

/** Body.line_block: the first line, then the LineBlock state for the others. */
export function lineBlock(ctx: ParserContext, m: Machine, match: RegExpExecArray): void {
  const block = el('line_block');
  m.node.children.push(block);
  const lineno = m.absLineNumber();
  const r = lineBlockLine(ctx, m, match, lineno);
  block.children.push(r.line);
  pushAll(m.node.children, r.messages);
  let blankFinish = r.blankFinish;
  if (!blankFinish) {
    const lp = ctx.nestedListParse(m, block, 'LineBlock', false, { messageParent: m.node });
    m.gotoLineSafe(lp.offset);
    blankFinish = lp.blankFinish;
  }
  if (!blankFinish) m.node.children.push(ctx.report('line-block-unterminated', {}, { abs: lineno + 1 }));
  if (block.children.length) nestLineBlock(block);
}

/** LineBlock.line_block: one more line of the block. */
export function lineBlockItem(ctx: ParserContext, m: Machine, st: RunState, match: RegExpExecArray): void {
  const r = lineBlockLine(ctx, m, match, m.absLineNumber());
  m.node.children.push(r.line);
  pushAll((st.messageParent ?? m.node).children, r.messages);
  st.blankFinish = r.blankFinish;
}

/** Body.line_block_line. */
function lineBlockLine(ctx: ParserContext, m: Machine, match: RegExpExecArray, lineno: number): { line: DNode; messages: DNode[]; blankFinish: boolean } {
  const full = m.line ?? '';
  const r = m.getFirstKnownIndented(match[0].length, true);
  const inl = ctx.inline(r.indented.lines.join('\n'), lineno);
  const line = el('line', [], inl.text);
  if (pyRstrip(full) !== '|') line.indent = (match[1] ?? '').length - 1;
  return { line, messages: inl.messages, blankFinish: r.blankFinish };
}

/** A line's indentation within its line block (0 for anything else). */
function indentOf(node: DNode): number {
  return node.tag === 'line' ? (node.indent ?? 0) : 0;
}

/** Body.nest_line_block_lines / nest_line_block_segment. */
function nestLineBlock(block: DNode): void {
  let prev = 0;
  for (let i = 0; i < block.children.length; i++) {
    const child = block.children[i];
    if (child?.tag !== 'line') continue;
    child.indent ??= i === 0 ? 0 : prev;
    prev = child.indent;
  }
  nestSegment(block);
}

function nestSegment(block: DNode): void {
  let least = Infinity;
  for (const c of block.children) least = Math.min(least, indentOf(c));
  const items: DNode[] = [];
  let nb = el('line_block');
  for (const item of block.children) {
    if (indentOf(item) > least) nb.children.push(item);
    else {
      if (nb.children.length) {
        nestSegment(nb);
        items.push(nb);
        nb = el('line_block');
      }
      items.push(item);
    }
  }
  if (nb.children.length) {
    nestSegment(nb);
    items.push(nb);
  }
  block.children = items;
}

/** Body.line: a line of punctuation (section overline or transition, or an error where titles are not allowed). */
export function bodyLine(ctx: ParserContext, m: Machine, line: string): NextState {
  if (m.matchTitles) return [[line], 'Line'];
  const stripped = pyStrip(line);
  if (stripped === '::') throw new TransitionCorrection('text');
  if (stripped.length < 4) {
    m.node.children.push(ctx.report('unexpected-title-overline', {}, { abs: m.absLineNumber() }));
    throw new TransitionCorrection('text');
  }
  m.node.children.push(ctx.report('unexpected-section-title-or-transition', {}, { abs: m.absLineNumber() }));
  return [[], 'Body'];
}
