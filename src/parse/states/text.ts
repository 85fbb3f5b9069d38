/**
 * The text states (states.py `Text`, `Definition`, `QuotedLiteralBlock`):
 * what a line of text becomes depends on the line after it.
 *
 *   A paragraph.        Text + blank      -> paragraph
 *
 *   term                Text + indent     -> definition_list
 *      definition
 *
 *   Title               Text + underline  -> section (sections.ts)
 *   =====
 *
 *   Text::              paragraph, then an indented (or quoted) literal_block
 */
import { EOF, Machine, TransitionCorrection, UnexpectedIndentation, el, inlineSourceAt, pushAll, spanPos, trimEndBlank, type DNode } from '../block-machine.js';
import { pyRstrip } from '../block-text.js';
import type { NextState, ParserContext, RunState } from '../context.js';
import type { SourceLines } from '../lines.js';
import { columnWidth } from '../text-width.js';
import { unindentWarning } from './body.js';
import { PATTERNS } from './patterns.js';
import { lineState, section } from './sections.js';

/** docutils' `(?<!\\)(\\\\)*::$` in RSTState.paragraph: the paragraph announces a literal block. */
const ENDS_WITH_LITERAL_MARKER = /(?<!\\)(\\\\)*::$/;

/** One line in the Text, Definition or Line state (`forced`: a state correction asked for the text transition). */
export function textState(
  ctx: ParserContext,
  m: Machine,
  state: 'Text' | 'Definition' | 'Line',
  st: RunState,
  context: string[],
  line: string,
  forced: boolean,
): NextState {
  const isBlankLine = !forced && line.length === 0;
  const isIndent = !forced && !isBlankLine && line.charCodeAt(0) === 32;
  const isUnderline = !forced && !isIndent && line.length > 0 && PATTERNS.line.test(line);
  if (state === 'Definition') {
    if (isIndent) {
      const r = definitionListItem(ctx, m, context);
      m.node.children.push(r.item);
      st.blankFinish = r.blankFinish;
      return [[], 'DefinitionList'];
    }
    throw EOF;
  }
  if (state === 'Line') return lineState(ctx, m, st, context, line, isBlankLine, isUnderline);
  if (isBlankLine) {
    textBlank(ctx, m, context);
    return [[], 'Body'];
  }
  if (isIndent) {
    textIndent(ctx, m, context);
    return [[], 'Body'];
  }
  if (isUnderline) return textUnderline(ctx, m, context, line);
  textText(ctx, m, context);
  return [[], 'Body'];
}

/** RSTState.paragraph: paragraph + messages, and whether a literal block follows. */
function paragraph(
  ctx: ParserContext,
  lines: string[],
  lineno: number,
  realLine: number,
  column: number,
  span?: { m: Machine; from: number; to: number },
): { nodes: DNode[]; literalNext: boolean } {
  const data = pyRstrip(lines.join('\n'));
  let text: string;
  let literalNext = false;
  if (data.endsWith('::') && ENDS_WITH_LITERAL_MARKER.test(data)) {
    if (data.length === 2) return { nodes: [], literalNext: true };
    const c = data[data.length - 3];
    text = c === ' ' || c === '\n' ? pyRstrip(data.slice(0, -3)) : data.slice(0, -1);
    literalNext = true;
  } else text = data;
  const r = ctx.inline(text, lineno, { line: realLine, column });
  const p = el('paragraph', [], r.text);
  p.line = realLine;
  if (ctx.doc && span) {
    p.pos = spanPos(span.m, span.from, span.to);
    p.inlineSrc = inlineSourceAt(span.m, span.from, text);
  }
  return { nodes: [p, ...r.messages], literalNext };
}

/** Text.blank (and Text.eof): the context is a paragraph. */
export function textBlank(ctx: ParserContext, m: Machine, context: string[]): void {
  const lineno = m.absLineNumber() - 1;
  const at = m.lineOffset - 1;
  const p = paragraph(ctx, context, lineno, m.realLine(at), m.column(at), { m, from: at, to: at });
  pushAll(m.node.children, p.nodes);
  if (p.literalNext) pushAll(m.node.children, literalBlock(ctx, m));
}

/** Text.text: a paragraph of several lines. */
function textText(ctx: ParserContext, m: Machine, context: string[]): void {
  const startline = m.absLineNumber() - 1;
  const realStart = m.realLine(m.lineOffset - 1);
  const column = m.column(m.lineOffset - 1);
  let block: SourceLines;
  let msg: DNode | null = null;
  try {
    block = m.getTextBlock(true);
  } catch (e) {
    if (!(e instanceof UnexpectedIndentation)) throw e;
    block = e.block;
    msg = ctx.report('unexpected-indentation', {}, { real: e.line });
  }
  const p = paragraph(ctx, [...context, ...block.lines], startline, realStart, column, {
    m,
    from: m.lineOffset - block.lines.length,
    to: m.lineOffset,
  });
  pushAll(m.node.children, p.nodes);
  if (msg) m.node.children.push(msg);
  if (p.literalNext) {
    try {
      m.nextLine();
    } catch (e) {
      if (e !== EOF) throw e;
    }
    pushAll(m.node.children, literalBlock(ctx, m));
  }
}

/** Text.literal_block: the indented block after "::", or a quoted one. */
function literalBlock(ctx: ParserContext, m: Machine): DNode[] {
  const start = m.lineOffset;
  const r = m.getIndented();
  const indented = trimEndBlank(r.indented);
  if (!indented.length) return quotedLiteralBlock(ctx, m);
  const lb = el('literal_block', [], indented.lines.join('\n'));
  lb.line = indented.lineNumbers[0] ?? 0;
  if (ctx.doc) lb.pos = spanPos(m, start, m.lineOffset);
  const out: DNode[] = [lb];
  if (!r.blankFinish) out.push(unindentWarning(ctx, m, 'Literal block'));
  return out;
}

/** Text.quoted_literal_block: a nested machine in the QuotedLiteralBlock state. */
function quotedLiteralBlock(ctx: ParserContext, m: Machine): DNode[] {
  const parent = el('element');
  const nm = new Machine(m.src, m.base + Math.max(m.lineOffset, 0), m.absLineOffset(), false, parent);
  ctx.run(nm, 'QuotedLiteralBlock');
  m.gotoLineSafe(nm.absLineOffset());
  return parent.children;
}

/** One line in the QuotedLiteralBlock state: lines starting with the same punctuation character. */
export function quotedState(ctx: ParserContext, m: Machine, st: RunState, context: string[], line: string): NextState {
  if (line.length === 0) {
    if (context.length) throw EOF;
    return [context, 'QuotedLiteralBlock'];
  }
  if (line.charCodeAt(0) === 32) {
    st.qlbMessages.push(ctx.report('unexpected-indentation', {}, { abs: m.absLineNumber() }));
    m.previousLine();
    throw EOF;
  }
  if (st.qlbQuote === null) {
    if (/^[!-/:-@[-`{-~]/.test(line)) {
      st.qlbQuote = line[0] ?? '';
      st.qlbInitialLine = m.realLine(m.lineOffset);
      return [[line], 'QuotedLiteralBlock'];
    }
  } else if (line.startsWith(st.qlbQuote)) {
    return [[...context, line], 'QuotedLiteralBlock'];
  }
  if (context.length) {
    st.qlbMessages.push(ctx.report('inconsistent-literal-quoting', {}, { abs: m.absLineNumber() }));
    m.previousLine();
  }
  throw EOF;
}

/** QuotedLiteralBlock.eof: the literal block, or "Literal block expected; none found.". */
export function quotedEof(ctx: ParserContext, m: Machine, st: RunState, context: string[]): void {
  if (context.length) {
    const lb = el('literal_block', [], context.join('\n'));
    lb.line = st.qlbInitialLine ?? 0;
    m.node.children.push(lb);
  } else {
    m.node.children.push(ctx.report('literal-block-expected', {}, { abs: m.absLineNumber() }));
    m.previousLine();
  }
  pushAll(m.node.children, st.qlbMessages);
}

/** Text.indent: a definition list. */
function textIndent(ctx: ParserContext, m: Machine, context: string[]): void {
  const list = el('definition_list');
  const r = definitionListItem(ctx, m, context);
  list.children.push(r.item);
  m.node.children.push(list);
  const lp = ctx.nestedListParse(m, list, 'DefinitionList', r.blankFinish);
  m.gotoLineSafe(lp.offset);
  if (!lp.blankFinish) m.node.children.push(unindentWarning(ctx, m, 'Definition list'));
}

/** Text.definition_list_item: term, classifiers, definition. */
function definitionListItem(ctx: ParserContext, m: Machine, termline: string[]): { item: DNode; blankFinish: boolean } {
  const termAt = m.lineOffset - 1;
  const r = m.getIndented();
  const item = el('definition_list_item');
  if (ctx.doc) {
    item.pos = spanPos(m, termAt, m.lineOffset);
    item.inlineSrc = inlineSourceAt(m, termAt, termline[0] ?? '');
  }
  const lineno = m.absLineNumber() - 1;
  const term = termline[0] ?? '';
  const inl = ctx.inline(term, lineno);
  const parts = inl.text.split(/ +: +/);
  item.children.push(el('term', [], (parts.length > 1 ? pyRstrip(parts[0] ?? '') : parts[0]) ?? ''));
  for (const part of parts.slice(1)) item.children.push(el('classifier', [], part));
  const definition = el('definition', [...inl.messages]);
  item.children.push(definition);
  if (term.endsWith('::')) {
    definition.children.push(ctx.report('definition-list-literal', {}, { abs: lineno + 1 }));
  }
  ctx.nestedParse(r.indented, r.offset, definition);
  return { item, blankFinish: r.blankFinish };
}

/** Text.underline: a section title (or an error where titles are not allowed). */
function textUnderline(ctx: ParserContext, m: Machine, context: string[], line: string): NextState {
  const lineno = m.absLineNumber();
  const title = pyRstrip(context[0] ?? '');
  const underline = pyRstrip(line);
  const messages: DNode[] = [];
  if (columnWidth(title) > underline.length) {
    if (underline.length < 4) {
      if (m.matchTitles) {
        m.node.children.push(ctx.report('short-title-underline', {}, { abs: lineno }));
      }
      throw new TransitionCorrection('text');
    }
    messages.push(ctx.report('title-underline-too-short', {}, { abs: lineno }));
  }
  if (!m.matchTitles) {
    const msg = ctx.report('unexpected-section-title', {}, { real: m.realLine(m.lineOffset) });
    pushAll(m.node.children, messages);
    m.node.children.push(msg);
    return [[], 'Body'];
  }
  context.length = 0;
  section(ctx, m, title, underline[0] ?? '=', lineno - 1, messages);
  return [[], 'Body'];
}
