/**
 * Section titles and transitions (states.py `RSTState.section`,
 * `check_subsection`, `new_subsection`, and the `Line` state that reads an
 * overlined title or a transition).
 *
 *   =======          Line state: overline, title, underline -> section
 *    Title           (style "==", level from memo.titleStyles)
 *   =======
 *
 *   ----------       Line state followed by a blank line -> transition
 *
 * A section is parsed by a nested machine that ends where a title of the
 * same or a higher level starts (docutils' EOFError protocol: `throw EOF`
 * after moving back to the title).
 */
import { EOF, Machine, StateCorrection, el, spanPos, type DNode } from '../block-machine.js';
import { pyCollapse, pyLstrip, pyRstrip, pyStrip } from '../block-text.js';
import type { NextState, ParserContext, RunState } from '../context.js';
import { columnWidth } from '../text-width.js';
import { PATTERNS } from './patterns.js';

/** RSTState.section: a new section when the title's style fits the current level. */
export function section(ctx: ParserContext, m: Machine, title: string, style: string, lineno: number, messages: DNode[]): void {
  if (checkSubsection(ctx, m, style, lineno)) newSubsection(ctx, m, title, lineno, messages, m.lineOffset - style.length);
}

/** RSTState.check_subsection: true for a subsection; ends the machine for a sibling or higher section. */
function checkSubsection(ctx: ParserContext, m: Machine, style: string, lineno: number): boolean {
  const memo = ctx.memo;
  const level = memo.titleStyles.indexOf(style) + 1;
  const mylevel = memo.sectionLevel;
  if (level === 0) {
    if (memo.titleStyles.length === memo.sectionLevel) {
      memo.titleStyles.push(style);
      return true;
    }
    m.node.children.push(ctx.report('title-level-inconsistent', {}, { abs: lineno }));
    return false;
  }
  if (level <= mylevel) {
    memo.sectionLevel = level;
    if (style.length === 2) memo.sectionBubbleUpKludge = true;
    m.previousLine(style.length + 1);
    throw EOF;
  }
  if (level === mylevel + 1) return true;
  m.node.children.push(ctx.report('title-level-inconsistent', {}, { abs: lineno }));
  return false;
}

/** RSTState.new_subsection: the section node, its implicit target, and a nested machine for its body. */
function newSubsection(ctx: ParserContext, m: Machine, title: string, lineno: number, messages: DNode[], startAt: number): void {
  const memo = ctx.memo;
  const mylevel = memo.sectionLevel;
  memo.sectionLevel += 1;
  const node = el('section');
  node.line = m.realLine(m.lineOffset);
  if (ctx.doc) {
    // from the overline (or the title) to the underline (the current line); the title's own text and where it starts
    node.pos = spanPos(m, startAt, m.lineOffset);
    const titleAt = m.lineOffset - 1;
    const titleLine = m.at(titleAt);
    const lead = titleLine.length - pyLstrip(titleLine).length;
    node.inlineSrc = { raw: title, line: m.realLine(titleAt), column: m.column(titleAt) + lead };
  }
  m.node.children.push(node);
  const inl = ctx.inline(title, lineno);
  const name = pyCollapse(inl.text).toLowerCase();
  node.names = [name];
  node.children.push(el('title', [], inl.text), ...messages, ...inl.messages);
  ctx.noteImplicitTarget(node, node, { real: node.line });
  const nm = new Machine(m.src, m.base + m.lineOffset + 1, m.absLineOffset() + 1, true, node);
  ctx.run(nm, 'Body');
  m.gotoLineSafe(nm.absLineOffset());
  if (memo.sectionLevel <= mylevel) throw EOF;
  memo.sectionLevel = mylevel;
}

// ------------------------------------------------------------ Line state

/** Line state, one line after the overline-or-transition line (kept in `context`). */
export function lineState(ctx: ParserContext, m: Machine, st: RunState, context: string[], line: string, blank: boolean, underline: boolean): NextState {
  if (blank) return lineBlank(ctx, m, context);
  if (underline) return lineUnderline(ctx, m, context);
  return lineText(ctx, m, st, context, line);
}

function stateCorrection(m: Machine, context: string[], lines = 1): never {
  m.previousLine(lines);
  context.length = 0;
  throw new StateCorrection('Body', 'text');
}

/** Line.eof: a transition at the end of input (or text, when too short). */
export function lineEof(ctx: ParserContext, m: Machine, st: RunState, context: string[]): void {
  const marker = pyStrip(context[0] ?? '');
  if (ctx.memo.sectionBubbleUpKludge) ctx.memo.sectionBubbleUpKludge = false;
  else if (marker.length < 4) stateCorrection(m, context);
  if (st.eofcheck) m.node.children.push(el('transition'));
  st.eofcheck = true;
}

/** Line.blank: a transition. */
function lineBlank(ctx: ParserContext, m: Machine, context: string[]): NextState {
  const marker = pyStrip(context[0] ?? '');
  if (marker.length < 4) stateCorrection(m, context);
  m.node.children.push(el('transition'));
  return [[], 'Body'];
}

function shortOverline(ctx: ParserContext, m: Machine, context: string[], lineno: number, lines = 1): never {
  m.node.children.push(ctx.report('short-incomplete-section-title', {}, { abs: lineno }));
  stateCorrection(m, context, lines);
}

/** Line.text: an overlined section title. */
function lineText(ctx: ParserContext, m: Machine, st: RunState, context: string[], titleLine: string): NextState {
  const lineno = m.absLineNumber() - 1;
  let overline = context[0] ?? '';
  let underline = '';
  try {
    underline = m.nextLine();
  } catch (e) {
    if (e !== EOF) throw e;
    if (pyRstrip(overline).length < 4) shortOverline(ctx, m, context, lineno, 2);
    m.node.children.push(ctx.report('incomplete-section-title', {}, { abs: lineno }));
    return [[], 'Body'];
  }
  overline = pyRstrip(overline);
  underline = pyRstrip(underline);
  if (!PATTERNS.line.test(underline)) {
    if (overline.length < 4) shortOverline(ctx, m, context, lineno, 2);
    m.node.children.push(ctx.report('missing-underline', {}, { abs: lineno }));
    return [[], 'Body'];
  } else if (overline !== underline) {
    if (overline.length < 4) shortOverline(ctx, m, context, lineno, 2);
    m.node.children.push(ctx.report('overline-underline-mismatch', {}, { abs: lineno }));
    return [[], 'Body'];
  }
  const title = pyRstrip(titleLine);
  const messages: DNode[] = [];
  if (columnWidth(title) > overline.length) {
    if (overline.length < 4) shortOverline(ctx, m, context, lineno, 2);
    messages.push(ctx.report('title-overline-too-short', {}, { abs: lineno }));
  }
  const style = (overline[0] ?? '') + (underline[0] ?? '');
  st.eofcheck = false;
  section(ctx, m, pyLstrip(title), style, lineno + 1, messages);
  st.eofcheck = true;
  return [[], 'Body'];
}

/** Line.underline: two lines of punctuation. */
function lineUnderline(ctx: ParserContext, m: Machine, context: string[]): NextState {
  const overline = context[0] ?? '';
  const lineno = m.absLineNumber() - 1;
  if (pyRstrip(overline).length < 4) shortOverline(ctx, m, context, lineno, 1);
  m.node.children.push(ctx.report('invalid-section-marker', {}, { abs: lineno }));
  return [[], 'Body'];
}
