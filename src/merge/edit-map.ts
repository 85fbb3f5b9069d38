/**
 * Edits on one map of the spec: append entries, fill an empty or null value
 * with entries, replace one entry. Block maps get YAML lines at the map's
 * column; flow maps (all of JSON) get `"key": value` members.
 *
 *   responses:                 responses:
 *     '400':           ->        '400':
 *       $ref: ...                  $ref: ...
 *                                '404':               <- appended at the map's end
 *                                  $ref: '#/components/responses/NotFound'
 */
import { isCollection, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Pair, YAMLMap } from 'yaml';
import type { Layout, NewEntry } from './layout.js';
import { renderJsonEntry, renderYamlEntries } from './layout.js';
import { nodeRange } from './spec.js';
import type { Edit } from './text.js';
import { firstOnLine, lineIndent, lineStart, nextLineStart } from './text.js';

export interface EditContext {
  body: string;
  layout: Layout;
}

/** Why an edit could not be planned, at an offset of the body. */
export interface EditProblem {
  reason: string;
  offset: number;
}

export type Planned = { edits: Edit[] } | { problem: EditProblem };

function column(body: string, offset: number): number {
  return offset - lineStart(body, offset);
}

/**
 * Where the text of a node ends, trailing comments left out: the end of the
 * last scalar, flow collection or alias of its last entry. (The `yaml`
 * ranges of a block collection run over the comments and blank lines after
 * it, up to the next key of a parent, or the end of the document.)
 */
function contentEnd(node: unknown): number | undefined {
  let current = node;
  for (;;) {
    if ((isMap(current) || isSeq(current)) && !current.flow && current.items.length > 0) {
      const last = current.items[current.items.length - 1];
      if (isPair(last)) {
        const valueEnd = nodeRange(last.value)?.[1];
        const keyEnd = nodeRange(last.key)?.[1];
        if (valueEnd !== undefined && (keyEnd === undefined || valueEnd > keyEnd)) current = last.value;
        else current = last.key;
      } else current = last;
      continue;
    }
    return nodeRange(current)?.[1];
  }
}

/**
 * The line where entries appended to a block map whose keys start at `keyColumn`
 * go: after its last entry's text and the comment lines indented deeper than
 * its keys (they belong to that entry), before blank lines and comments at the
 * map's column or left of it (they close the map, or the document).
 */
function blockAppendAt(body: string, map: YAMLMap, keyColumn: number): { offset: number; needsEol: boolean } | undefined {
  const end = contentEnd(map);
  if (end === undefined) return undefined;
  let at = nextLineStart(body, end);
  let scan = at.offset;
  while (!at.needsEol && scan < body.length) {
    const lf = body.indexOf('\n', scan);
    const lineEnd = lf < 0 ? body.length : lf + 1;
    const line = body.slice(scan, lineEnd);
    const text = line.trimStart();
    if (text.startsWith('#')) {
      if (line.length - text.length <= keyColumn) break;
      at = { offset: lineEnd, needsEol: lf < 0 };
    } else if (text.trim() !== '') break;
    scan = lineEnd;
  }
  return at;
}

/** Appends `entries` at the end of the non-empty map `map`. */
export function appendEntries(ctx: EditContext, map: YAMLMap, entries: readonly NewEntry[], order: number): Planned {
  const { body, layout } = ctx;
  const first = map.items[0];
  const last = map.items[map.items.length - 1];
  const firstKey = nodeRange(first?.key);
  const lastKey = nodeRange(last?.key);
  if (!first || !last || !firstKey || !lastKey) return { problem: { reason: 'The map has no readable keys.', offset: nodeRange(map)?.[0] ?? 0 } };
  if (!map.flow) {
    const at = blockAppendAt(body, map, column(body, firstKey[0]));
    if (!at) return { problem: { reason: 'The map has no source range.', offset: firstKey[0] } };
    const text = renderYamlEntries(entries, column(body, firstKey[0]), layout);
    return { edits: [{ start: at.offset, end: at.offset, text: (at.needsEol ? layout.eol : '') + text, order }] };
  }
  let anchor = nodeRange(last.value)?.[1] ?? lastKey[1];
  // A trailing comma (YAML flow maps allow one) stays where it is: insert after it.
  const rest = /^[ \t\r\n]*,/.exec(body.slice(anchor));
  let lead = ',';
  if (rest) {
    anchor += rest[0].length;
    lead = '';
  }
  if (firstOnLine(body, lastKey[0])) {
    const indent = lineIndent(body, lastKey[0]);
    const text = entries.map((entry, index) => `${index === 0 ? lead : ','}${layout.eol}${indent}${renderJsonEntry(entry, indent, layout)}`).join('');
    return { edits: [{ start: anchor, end: anchor, text, order }] };
  }
  const compact = { ...layout, unit: null };
  const text = entries.map((entry, index) => `${index === 0 ? lead : ','}${layout.comma.slice(1)}${renderJsonEntry(entry, '', compact)}`).join('');
  return { edits: [{ start: anchor, end: anchor, text, order }] };
}

/**
 * Fills the value of `pair` (of map `parent`), which is null, `~` or an empty
 * `{}`, with `entries`. A comment after the value stays.
 */
export function fillEntries(ctx: EditContext, parent: YAMLMap, pair: Pair, entries: readonly NewEntry[], order: number): Planned {
  const { body, layout } = ctx;
  const keyRange = nodeRange(pair.key);
  if (!keyRange) return { problem: { reason: 'The key has no source range.', offset: nodeRange(parent)?.[0] ?? 0 } };
  const valueRange = nodeRange(pair.value) ?? [keyRange[1], keyRange[1], keyRange[1]];
  const [start, end] = valueRange;
  if (parent.flow) {
    const indent = lineIndent(body, keyRange[0]);
    const inner = layout.unit === null ? '' : indent + layout.unit;
    const text =
      layout.unit === null
        ? `{${entries.map((entry) => renderJsonEntry(entry, '', layout)).join(layout.comma)}}`
        : `{${layout.eol}${entries.map((entry) => inner + renderJsonEntry(entry, inner, layout)).join(`,${layout.eol}`)}${layout.eol}${indent}}`;
    if (start === end) return { edits: [{ start, end, text: ` ${text}`, order }] };
    return { edits: [{ start, end, text, order }] };
  }
  if (!firstOnLine(body, keyRange[0])) return { problem: { reason: 'The key does not start its line.', offset: keyRange[0] } };
  let cut = start;
  while (cut > keyRange[1] && (body[cut - 1] === ' ' || body[cut - 1] === '\t')) cut--;
  const edits: Edit[] = [];
  if (end > start) edits.push({ start: cut, end, text: '', order });
  const at = nextLineStart(body, Math.max(end, keyRange[1]));
  const text = renderYamlEntries(entries, column(body, keyRange[0]) + layout.step, layout);
  edits.push({ start: at.offset, end: at.offset, text: (at.needsEol ? layout.eol : '') + text, order });
  return { edits };
}

/** Replaces the entry `pair` of map `parent` with `entry` (same key column, new key text and value). */
export function replaceEntry(ctx: EditContext, parent: YAMLMap, pair: Pair, entry: NewEntry, order: number): Planned {
  const { body, layout } = ctx;
  const keyRange = nodeRange(pair.key);
  const valueRange = nodeRange(pair.value);
  if (!keyRange) return { problem: { reason: 'The key has no source range.', offset: nodeRange(parent)?.[0] ?? 0 } };
  if (parent.flow) {
    if (!valueRange) return { problem: { reason: 'The value has no source range.', offset: keyRange[0] } };
    const indent = firstOnLine(body, keyRange[0]) ? lineIndent(body, keyRange[0]) : '';
    const rendering = firstOnLine(body, keyRange[0]) ? layout : { ...layout, unit: null };
    return { edits: [{ start: keyRange[0], end: valueRange[1], text: renderJsonEntry(entry, indent, rendering), order }] };
  }
  if (!firstOnLine(body, keyRange[0])) return { problem: { reason: 'The key does not start its line.', offset: keyRange[0] } };
  const end = nextLineStart(body, Math.max(contentEnd(pair.value) ?? keyRange[1], keyRange[1]));
  let text = renderYamlEntries([entry], column(body, keyRange[0]), layout);
  if (end.needsEol) text = text.slice(0, text.length - layout.eol.length);
  // A block value on the lines below its key: keep the key's line (and a comment on it), replace the lines below.
  const keyLineEnd = nextLineStart(body, keyRange[1]);
  const firstBreak = text.indexOf(layout.eol);
  const renderedKeyLine = firstBreak < 0 ? '' : text.slice(0, firstBreak);
  if (
    isCollection(pair.value) &&
    !pair.value.flow &&
    valueRange &&
    valueRange[0] >= keyLineEnd.offset &&
    !keyLineEnd.needsEol &&
    /^\s*[^\s].*:$/.test(renderedKeyLine) &&
    /^[^:#]*:[ \t]*(#.*)?\r?\n$/.test(body.slice(keyRange[1], keyLineEnd.offset))
  ) {
    return { edits: [{ start: keyLineEnd.offset, end: end.offset, text: text.slice(firstBreak + layout.eol.length), order }] };
  }
  return { edits: [{ start: lineStart(body, keyRange[0]), end: end.offset, text, order }] };
}

/** Whether the value of a pair is empty: null, `~`, or an empty map. */
export function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (isScalar(value)) return value.value === null;
  return isMap(value) && value.items.length === 0;
}
