/**
 * Explicit markup (states.py `Body.explicit_construct` and the `Explicit`
 * state): footnotes, citations, hyperlink targets, substitution
 * definitions, directives (directives/run.ts), and else comments.
 *
 *   .. [1] A footnote.          footnote (label "1")
 *   .. _name: https://x.org     target (names ["name"], refuri)
 *   .. |sub| replace:: text     substitution_definition
 *   .. note:: Text              directive
 *   .. anything else            comment
 */
import { el, pushAll, spanPos, trimEndBlank, type DNode, type Machine } from '../block-machine.js';
import { escape2null, isBlank, normalizeName, pyRstrip, pyStrip } from '../block-text.js';
import type { ParserContext, RunState } from '../context.js';
import { lookupDirective } from '../directives/registry.js';
import { directive } from '../directives/run.js';
import { unindentWarning } from './body.js';
import { unescape } from '../inline/text.js';

const SIMPLENAME = '(?:[\\p{L}\\p{N}])+(?:[-._+:][\\p{L}\\p{N}]+)*';
const FOOTNOTE_RE = new RegExp(`^\\.\\.[ ]+\\[([0-9]+|#|#${SIMPLENAME}|\\*)\\]([ ]+|$)`, 'u');
const CITATION_RE = new RegExp(`^\\.\\.[ ]+\\[(${SIMPLENAME})\\]([ ]+|$)`, 'u');
const TARGET_RE = /^\.\.[ ]+_(?![ ]|$)/;
const SUBSTITUTION_RE = /^\.\.[ ]+\|(?![ ]|$)/;
const DIRECTIVE_RE = new RegExp(`^\\.\\.[ ]+(${SIMPLENAME})[ ]?::([ ]+|$)`, 'u');
const EXPLICIT_RE = /^\.\.(?: +|$)/;
const TARGET_NAME_RE = /^(?:_|(?!_)(`?)(?![ `])(.+?)(?<![\s\x00])\1)(?<!(?<!\x00):)(?<![\s\x00])[ ]?:([ ]+|$)/;
const EMBEDDED_DIRECTIVE_RE = new RegExp(`^(${SIMPLENAME})::( +|$)`, 'u');

type Construct = { nodes: DNode[]; blankFinish: boolean };

/** A hyperlink target or substitution definition docutils cannot read (its MarkupError): the block becomes a comment. */
class MalformedConstruct {
  constructor(readonly rule: 'malformed-hyperlink-target' | 'malformed-substitution-definition') {}
}

/** Body.explicit_markup / Explicit.explicit_markup: one construct, then (in Body) the Explicit state for the following ones. */
export function explicitMarkup(ctx: ParserContext, m: Machine, st: RunState, line: string, inExplicit: boolean): void {
  const start = m.lineOffset;
  const r = explicitConstruct(ctx, m, line);
  if (ctx.doc) locate(m, start, r);
  finishExplicit(ctx, m, st, r, inExplicit);
}

/** Document mode: the construct's span, for the nodes it made that have none of their own. */
function locate(m: Machine, start: number, r: Construct): void {
  const pos = spanPos(m, start, m.lineOffset);
  for (const node of r.nodes) if (!node.pos && node.tag !== 'system_message') node.pos = pos;
}

/** Body.anonymous / Explicit.anonymous: `__ target`. */
export function anonymous(ctx: ParserContext, m: Machine, st: RunState, match: RegExpExecArray, inExplicit: boolean): void {
  const start = m.lineOffset;
  const r = m.getFirstKnownIndented(match[0].length, true);
  const target = el('target');
  target.anonymous = true;
  if (ctx.doc) target.pos = spanPos(m, start, m.lineOffset);
  finishExplicit(ctx, m, st, { nodes: [target], blankFinish: r.blankFinish }, inExplicit);
}

function finishExplicit(ctx: ParserContext, m: Machine, st: RunState, r: Construct, inExplicit: boolean): void {
  pushAll(m.node.children, r.nodes);
  if (inExplicit) {
    st.blankFinish = r.blankFinish;
    return;
  }
  // Body.explicit_list
  const lp = ctx.nestedListParse(m, m.node, 'Explicit', r.blankFinish, undefined, m.matchTitles);
  m.gotoLineSafe(lp.offset);
  if (!lp.blankFinish) m.node.children.push(unindentWarning(ctx, m, 'Explicit markup'));
}

/** Body.explicit_construct: footnote, citation, target, substitution, directive, else comment. */
function explicitConstruct(ctx: ParserContext, m: Machine, line: string): Construct {
  const errors: DNode[] = [];
  const constructs: [RegExp, (match: RegExpExecArray) => Construct][] = [
    [FOOTNOTE_RE, (mm) => footnote(ctx, m, mm, 'footnote')],
    [CITATION_RE, (mm) => footnote(ctx, m, mm, 'citation')],
    [TARGET_RE, (mm) => hyperlinkTarget(ctx, m, mm)],
    [SUBSTITUTION_RE, (mm) => substitutionDef(ctx, m, mm)],
    [DIRECTIVE_RE, (mm) => directive(ctx, m, mm)],
  ];
  for (const [re, method] of constructs) {
    const mm = re.exec(line);
    if (mm) {
      try {
        return method(mm);
      } catch (e) {
        if (!(e instanceof MalformedConstruct)) throw e;
        errors.push(ctx.report(e.rule, {}, { abs: m.absLineNumber() }));
        break;
      }
    }
  }
  const r = comment(m, EXPLICIT_RE.exec(line)?.[0].length ?? 2);
  return { nodes: [...r.nodes, ...errors], blankFinish: r.blankFinish };
}

/** Body.comment. */
function comment(m: Machine, end: number): Construct {
  const line = m.line ?? '';
  if (m.isNextLineBlank() && isBlank(line.slice(end))) return { nodes: [el('comment', [], '')], blankFinish: true };
  const r = m.getFirstKnownIndented(end);
  const text = trimEndBlank(r.indented).lines.join('\n');
  return { nodes: [el('comment', [], text)], blankFinish: r.blankFinish };
}

/** Body.footnote / Body.citation. */
function footnote(ctx: ParserContext, m: Machine, match: RegExpExecArray, tag: 'footnote' | 'citation'): Construct {
  const realLine = m.realLine(m.lineOffset);
  const r = m.getFirstKnownIndented(match[0].length);
  const label = match[1] ?? '';
  let name = normalizeName(label);
  const node = el(tag);
  node.line = realLine;
  const names: string[] = [];
  if (tag === 'footnote' && name.startsWith('#')) {
    name = name.slice(1);
    if (name) names.push(name);
  } else if (tag === 'footnote' && name === '*') {
    name = '';
  } else {
    node.children.push(el('label', [], label));
    names.push(name);
  }
  node.names = names;
  if (name) ctx.noteExplicitTarget(node, node, { real: realLine });
  if (r.indented.length) ctx.nestedParse(r.indented, r.offset, node);
  return { nodes: [node], blankFinish: r.blankFinish };
}

/** Body.hyperlink_target + make_target. */
function hyperlinkTarget(ctx: ParserContext, m: Machine, match: RegExpExecArray): Construct {
  const lineno = m.absLineNumber();
  const r = m.getFirstKnownIndented(match[0].length, true, false);
  const block = r.indented.lines.map(escape2null);
  let escaped = block[0] ?? '';
  let index = 0;
  let tm: RegExpExecArray | null;
  for (;;) {
    tm = TARGET_NAME_RE.exec(escaped);
    if (tm) break;
    index += 1;
    if (index >= block.length) throw new MalformedConstruct('malformed-hyperlink-target');
    escaped += block[index];
  }
  const rest = block.slice(index);
  rest[0] = pyStrip(((rest[0] ?? '') + ' ').slice(tm[0].length - escaped.length - 1 + (rest[0] ?? '').length + 1));
  const target = el('target');
  const rawName = tm[2];
  const refuri = rest
    .map((l) => l.trim())
    .join('')
    .replace(/\x00/g, '');
  // docutils' add_target sets refuri only when there is one (so two empty `.. _a:` are a level-2 duplicate)
  if (refuri) target.refuri = refuri;
  if (rawName !== undefined) {
    target.names = [normalizeName(rawName.replace(/\x00/g, ''))];
    if (refuri.endsWith('_')) {
      // an indirect target (`.. _a: b_`): docutils keeps the reference name
      delete target.refuri;
      target.refname = normalizeName(refuri.slice(0, -1).replace(/^`([^]*)`$/, '$1'));
    }
    ctx.noteExplicitTarget(target, m.node, { abs: lineno });
  }
  return { nodes: [target], blankFinish: r.blankFinish };
}

/**
 * explicit.patterns.substitution (`(?![ ])(.+?)(?<![\s\x00])\|([ ]+|$)`) at the start of the lines joined so
 * far, looked for in the last line joined only (`line`, not the first: after the joining space): the closing
 * bar's index in `line` and the end of the spaces after it, or null. A bar of an earlier line was followed by
 * a character that is not a space (else the pattern had matched there), and joining more lines does not change
 * that; so each line is scanned once, and a marker never closed over 1,000,000 lines is read in linear time.
 */
function substitutionEnd(line: string, first: boolean): { bar: number; end: number } | null {
  for (let bar = line.indexOf('|', first ? 1 : 0); bar >= 0; bar = line.indexOf('|', bar + 1)) {
    // before the bar: the name's last character (the joining space before a line's first character)
    if (bar === 0 || /[\s\x00]/.test(line[bar - 1]!)) continue;
    let end = bar + 1;
    while (line[end] === ' ') end++;
    if (end > bar + 1 || end === line.length) return { bar, end };
  }
  return null;
}

/**
 * Body.substitution_def: the marker `|name|` (over as many lines as it
 * takes), then the contents. Contents that are not an embedded directive are
 * "empty or invalid" for docutils (its SubstitutionDef state makes nothing of
 * text); a directive's contents are read as text here.
 */
function substitutionDef(ctx: ParserContext, m: Machine, match: RegExpExecArray): Construct {
  const srcLine = m.realLine(m.lineOffset);
  const r = m.getFirstKnownIndented(match[0].length, false, false);
  let block = [...r.indented.lines];
  // the lines joined by spaces (docutils' `escaped`), kept as parts: joined once, when the bar is found
  const parts = [escape2null(pyRstrip(block[0] ?? ''))];
  // (?![ ]): a first line led by a space never matches, however many lines are joined
  if (parts[0]!.startsWith(' ')) throw new MalformedConstruct('malformed-substitution-definition');
  let index = 0;
  let sub: { bar: number; end: number } | null;
  while (!(sub = substitutionEnd(parts[index]!, index === 0))) {
    index += 1;
    if (index >= block.length) throw new MalformedConstruct('malformed-substitution-definition');
    parts.push(escape2null(pyStrip(block[index]!)));
  }
  const last = parts[index]!;
  const escaped = parts.join(' ');
  block = block.slice(index);
  const start = sub.end - last.length - 1;
  block[0] = `${pyStrip(block[0]!)} `.slice(start, -1);
  if (!block[0]) block.shift();
  while (block.length && isBlank(block[block.length - 1]!)) block.pop();
  // the name as docutils prints it: its message's text goes through astext(), which unescapes
  const name = unescape(escaped.slice(0, escaped.length - last.length + sub.bar));
  if (!block.length) {
    return { nodes: [ctx.report('substitution-definition-missing-contents', { name }, { real: srcLine })], blankFinish: r.blankFinish };
  }
  block[0] = pyStrip(block[0]!);
  const rest = block.join('\n');
  if (!EMBEDDED_DIRECTIVE_RE.test(block[0])) {
    // SubstitutionDef.text: nothing made; blank_finish is whether the block's next line is blank
    const blankFinish = block.length === 1 ? r.blankFinish : isBlank(block[1]!);
    return { nodes: [ctx.report('substitution-definition-empty', { name }, { real: srcLine })], blankFinish };
  }
  noteEmbeddedDirective(ctx, rest);
  const inl = ctx.inline(rest, m.absLineNumber());
  return { nodes: [el('substitution_definition', [], inl.text), ...inl.messages], blankFinish: r.blankFinish };
}

/**
 * docutils parses a substitution definition's contents in its SubstitutionDef
 * state, whose `embedded_directive` transition (`simplename::` at the start
 * of the first line) looks the directive up: an unknown one is recorded as
 * the oracle records it. (The contents themselves are read as text here.)
 */
function noteEmbeddedDirective(ctx: ParserContext, contents: string): void {
  const m = EMBEDDED_DIRECTIVE_RE.exec(contents.split('\n', 1)[0] ?? '');
  if (!m) return;
  const typeName = m[1] ?? '';
  if (!lookupDirective(typeName).known) ctx.unknownDirectives.add(typeName);
}
