/**
 * Lists (states.py `Body.bullet`, `enumerator`, `field_marker`,
 * `option_marker` and the specialized states `BulletList`,
 * `EnumeratedList`, `FieldList`, `OptionList`, `ExtensionOptions`): the
 * first item is read in the Body state, the following ones by a nested
 * machine in the list's own state, which ends at the first line that is not
 * one of its items.
 *
 *   - one        bullet_list (bullet "-")
 *   - two          ├ list_item -> nested parse of "one"
 *                  └ list_item -> nested parse of "two"
 */
import { TransitionCorrection, el, spanPos, type DNode, type Machine } from '../block-machine.js';
import { isBlank, pyRstrip } from '../block-text.js';
import type { ParserContext, RunState } from '../context.js';
import { invalidInput, unindentWarning } from './body.js';
import { makeEnumerator, parseEnumerator } from './enumerators.js';

type Item = { node: DNode; blankFinish: boolean };

/** Body.bullet: a new bullet list. */
export function bullet(ctx: ParserContext, m: Machine, match: RegExpExecArray): void {
  const list: DNode = { tag: 'bullet_list', children: [], bullet: (m.line ?? '')[0] ?? '' };
  m.node.children.push(list);
  const r = listItem(ctx, m, match[0].length);
  list.children.push(r.node);
  const lp = ctx.nestedListParse(m, list, 'BulletList', r.blankFinish);
  m.gotoLineSafe(lp.offset);
  if (!lp.blankFinish) m.node.children.push(unindentWarning(ctx, m, 'Bullet list'));
}

/** BulletList.bullet: the next item, if it has the list's bullet. */
export function bulletListItem(ctx: ParserContext, m: Machine, st: RunState, match: RegExpExecArray): void {
  if (m.node.tag !== 'bullet_list' || (m.line ?? '')[0] !== m.node.bullet) invalidInput(m);
  const r = listItem(ctx, m, match[0].length);
  m.node.children.push(r.node);
  st.blankFinish = r.blankFinish;
}

/** Body.list_item: the item's indented block, parsed as a nested document. */
function listItem(ctx: ParserContext, m: Machine, indent: number): Item {
  const start = m.lineOffset;
  const line = m.line ?? '';
  const r = line.length > indent ? m.getKnownIndented(indent) : m.getFirstKnownIndented(indent);
  const item = el('list_item');
  item.line = r.indented.lineNumbers[0] ?? m.realLine(m.lineOffset);
  if (ctx.doc) item.pos = spanPos(m, start, m.lineOffset);
  if (r.indented.length) ctx.nestedParse(r.indented, r.offset, item);
  return { node: item, blankFinish: r.blankFinish };
}

/** Body.is_enumerated_list_item: the next line is blank, indented, or the next enumerator. */
function isEnumeratedListItem(m: Machine, ordinal: number | null, sequence: string, format: string): boolean {
  if (ordinal === null) return false;
  const i = m.lineOffset + 1;
  if (i >= m.length) return true;
  const next = m.at(i);
  if (!next.slice(0, 1).trim() || isBlank(next.slice(0, 1))) return true;
  const r = makeEnumerator(ordinal + 1, sequence, format);
  return r !== null && (next.startsWith(r[0]) || next.startsWith(r[1]));
}

/** Body.enumerator: a new enumerated list (or text, when the marker does not start one). */
export function enumerator(ctx: ParserContext, m: Machine, match: RegExpExecArray): void {
  const e = parseEnumerator(match, null);
  if (!isEnumeratedListItem(m, e.ordinal, e.sequence, e.format)) throw new TransitionCorrection('text');
  const list: DNode = { tag: 'enumerated_list', children: [], enumtype: e.sequence === '#' ? 'arabic' : e.sequence, start: e.ordinal ?? 1 };
  m.node.children.push(list);
  const ordinal = e.ordinal ?? 1;
  if (ordinal !== 1) {
    m.node.children.push(ctx.report('enumerated-list-start', { text: e.text, ordinal }, { none: true }));
  }
  const r = listItem(ctx, m, match[0].length);
  list.children.push(r.node);
  const lp = ctx.nestedListParse(m, list, 'EnumeratedList', r.blankFinish, {
    lastOrdinal: ordinal,
    format: e.format,
    auto: e.sequence === '#',
  });
  m.gotoLineSafe(lp.offset);
  if (!lp.blankFinish) m.node.children.push(unindentWarning(ctx, m, 'Enumerated list'));
}

/** EnumeratedList.enumerator: the next item, if its enumerator continues the list. */
export function enumeratedListItem(ctx: ParserContext, m: Machine, st: RunState, match: RegExpExecArray): void {
  const enumtype = m.node.tag === 'enumerated_list' ? m.node.enumtype : 'arabic';
  const e = parseEnumerator(match, enumtype);
  if (
    e.format !== st.format ||
    (e.sequence !== '#' && (e.sequence !== enumtype || st.auto || e.ordinal !== st.lastOrdinal + 1)) ||
    !isEnumeratedListItem(m, e.ordinal, e.sequence, e.format)
  ) {
    invalidInput(m);
  }
  if (e.sequence === '#') st.auto = true;
  const r = listItem(ctx, m, match[0].length);
  m.node.children.push(r.node);
  st.blankFinish = r.blankFinish;
  st.lastOrdinal = e.ordinal ?? 0;
}

/** Body.field_marker: a new field list. */
export function fieldMarker(ctx: ParserContext, m: Machine, match: RegExpExecArray): void {
  const list = el('field_list');
  m.node.children.push(list);
  const r = field(ctx, m, match, false);
  list.children.push(r.node);
  const lp = ctx.nestedListParse(m, list, 'FieldList', r.blankFinish);
  m.gotoLineSafe(lp.offset);
  if (!lp.blankFinish) m.node.children.push(unindentWarning(ctx, m, 'Field list'));
}

/** FieldList.field_marker / ExtensionOptions.field_marker: the next field. */
export function fieldListItem(ctx: ParserContext, m: Machine, st: RunState, match: RegExpExecArray, extension: boolean): void {
  const r = field(ctx, m, match, extension);
  m.node.children.push(r.node);
  st.blankFinish = r.blankFinish;
}

/**
 * Body.field: name and body. In a directive's option block
 * (ExtensionOptions.parse_field_body) the body is not parsed: each run of
 * non-blank lines becomes a paragraph of raw text.
 */
function field(ctx: ParserContext, m: Machine, match: RegExpExecArray, extension: boolean): Item {
  const marker = match[0].slice(1);
  const name = marker.slice(0, marker.lastIndexOf(':'));
  const lineno = m.absLineNumber();
  const realLine = m.realLine(m.lineOffset);
  const start = m.lineOffset;
  const r = m.getFirstKnownIndented(match[0].length);
  const nameInline = ctx.inline(name, lineno);
  const fieldNode = el('field');
  fieldNode.line = realLine;
  if (ctx.doc) fieldNode.pos = spanPos(m, start, m.lineOffset);
  const body = el('field_body', [...nameInline.messages]);
  fieldNode.children.push(el('field_name', [], nameInline.text), body);
  if (r.indented.length) {
    if (extension) {
      let lines: string[] = [];
      for (const line of [...r.indented.lines, '']) {
        if (!isBlank(line)) lines.push(line);
        else if (lines.length) {
          body.children.push(el('paragraph', [], lines.join('\n')));
          lines = [];
        }
      }
    } else ctx.nestedParse(r.indented, r.offset, body);
  }
  return { node: fieldNode, blankFinish: r.blankFinish };
}

/** Body.option_marker: a new option list (or text, when the marker has no description). */
export function optionMarker(ctx: ParserContext, m: Machine, match: RegExpExecArray): void {
  const r = optionListItem(ctx, m, match);
  if (r === null) throw new TransitionCorrection('text');
  const list = el('option_list');
  m.node.children.push(list);
  list.children.push(r.node);
  const lp = ctx.nestedListParse(m, list, 'OptionList', r.blankFinish);
  m.gotoLineSafe(lp.offset);
  if (!lp.blankFinish) m.node.children.push(unindentWarning(ctx, m, 'Option list'));
}

/** OptionList.option_marker: the next option. */
export function optionListNext(ctx: ParserContext, m: Machine, st: RunState, match: RegExpExecArray): void {
  const r = optionListItem(ctx, m, match);
  if (r === null) invalidInput(m);
  m.node.children.push(r.node);
  st.blankFinish = r.blankFinish;
}

/** Body.option_list_item: options and description, or null when there is no description. */
function optionListItem(ctx: ParserContext, m: Machine, match: RegExpExecArray): Item | null {
  const offset = m.absLineOffset();
  const optionText = pyRstrip(match[0]);
  const r = m.getFirstKnownIndented(match[0].length);
  if (!r.indented.length) {
    m.gotoLineSafe(offset);
    return null;
  }
  const options = optionText.split(', ').map((o) => el('option', [], o.trim()));
  const group = el('option_group', options);
  group.text = options.map((o) => o.text ?? '').join(', ');
  const description = el('description');
  ctx.nestedParse(r.indented, r.offset, description);
  return { node: el('option_list_item', [group, description]), blankFinish: r.blankFinish };
}
