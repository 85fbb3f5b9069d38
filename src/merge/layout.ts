/**
 * The user's layout, read from the spec so inserted text looks like the
 * text around it, and the rendering of new map entries in that layout:
 *
 *   YAML block map (column 4, step 2)      JSON / flow map (indent "\t\t")
 *       NotFound:                             ,\n\t\t"NotFound": {
 *         description: Not Found              \t\t\t"description": "Not Found"
 *                                             \t\t}
 */
import { Document, Pair, Scalar, YAMLMap, isMap, isPair, isScalar, isSeq, visit } from 'yaml';
import { GENERATED_MARKER } from '../emit/openapi/document.js';
import type { ParsedSpec } from './spec.js';
import { nodeRange } from './spec.js';
import { detectEol, firstOnLine, indentLines, lineIndent, lineStart } from './text.js';

export interface Layout {
  eol: string;
  /** YAML: spaces per nesting level. */
  step: number;
  /** YAML: whether block sequences are indented under their key (most are). */
  indentSeq: boolean;
  /** YAML: prefer single quotes when a string must be quoted. */
  singleQuote: boolean | null;
  /** YAML: quoting of status keys the spec uses most (`'404'`, `"404"` or `404`). */
  statusKeyType: Scalar.Type;
  /** JSON: one level of indentation (`"\t"`, `"  "`), or null for a one-line (minified) document. */
  unit: string | null;
  /** JSON: what separates a key from its value (`": "`, `":"`) and, on one line, members (`", "`, `","`). */
  colon: string;
  comma: string;
}

/** A map entry to write: its key, the key's quoting and its value. */
export interface NewEntry {
  key: string;
  keyType?: Scalar.Type;
  value: unknown;
}

function column(body: string, offset: number): number {
  return offset - lineStart(body, offset);
}

/** The layout of each parsed spec still in use (readSpec hands out the same spec for the same text). */
const layouts = new WeakMap<ParsedSpec, Layout>();

/** Reads the layout of a parsed spec. */
export function detectLayout(spec: ParsedSpec): Layout {
  let layout = layouts.get(spec);
  if (layout === undefined) {
    layout = readLayout(spec);
    layouts.set(spec, layout);
  }
  return layout;
}

function readLayout(spec: ParsedSpec): Layout {
  const { body, root } = spec;
  const eol = detectEol(body);
  let step = 0;
  let flush = 0;
  let indented = 0;
  let single = 0;
  let double = 0;
  const statusKeys: Record<string, number> = {};
  visit(spec.doc, {
    Pair(_key, pair) {
      const key = pair.key;
      const value = pair.value;
      if (!isScalar(key) || !key.range) return;
      if (isMap(value) && !value.flow && step === 0) {
        const first = value.items[0];
        if (isPair(first) && isScalar(first.key) && first.key.range) {
          const delta = column(body, first.key.range[0]) - column(body, key.range[0]);
          if (delta > 0) step = delta;
        }
      }
      if (isSeq(value) && !value.flow && value.range) {
        if (column(body, value.range[0]) > column(body, key.range[0])) indented++;
        else flush++;
      }
      const text = String(key.value);
      if (/^[1-5](\d\d|XX)$/i.test(text) && key.type) statusKeys[key.type] = (statusKeys[key.type] ?? 0) + 1;
    },
    Scalar(_key, scalar) {
      if (scalar.type === Scalar.QUOTE_SINGLE) single++;
      else if (scalar.type === Scalar.QUOTE_DOUBLE) double++;
    },
  });
  const statusKeyType = (Object.entries(statusKeys).sort((a, b) => b[1] - a[1])[0]?.[0] ?? Scalar.QUOTE_SINGLE) as Scalar.Type;
  const firstKey = root.items[0]?.key;
  const unit = root.flow && isScalar(firstKey) && firstKey.range && firstOnLine(body, firstKey.range[0]) ? lineIndent(body, firstKey.range[0]) || null : null;
  // Separators on one line, read from the first two members of a JSON root (`{"a":1,"b":2}`).
  let colon = ': ';
  let comma = ', ';
  const [first, second] = root.items;
  const firstValue = nodeRange(first?.value);
  const firstKeyEnd = nodeRange(first?.key)?.[1];
  if (root.flow && firstValue && firstKeyEnd !== undefined) {
    colon = /:\s/.test(body.slice(firstKeyEnd, firstValue[0])) ? ': ' : ':';
    const secondKey = nodeRange(second?.key);
    if (secondKey) comma = /^\s*,$/.test(body.slice(firstValue[1], secondKey[0])) ? ',' : ', ';
  }
  return {
    colon,
    comma,
    eol,
    step: step || 2,
    indentSeq: indented >= flush,
    singleQuote: single + double === 0 ? null : single >= double,
    statusKeyType,
    unit,
  };
}

/** Renders YAML block map entries at `column`, each line ending with the layout's end of line. */
export function renderYamlEntries(entries: readonly NewEntry[], column: number, layout: Layout): string {
  const doc = new Document();
  const map = new YAMLMap();
  for (const entry of entries) {
    const numeric = entry.keyType === Scalar.PLAIN && /^\d+$/.test(entry.key);
    const key = new Scalar(numeric ? Number(entry.key) : entry.key);
    if (entry.keyType && !numeric) key.type = entry.keyType;
    map.items.push(new Pair(key, doc.createNode(entry.value, { aliasDuplicateObjects: false })));
  }
  doc.contents = map;
  // The owner marker on one line: `x-generated-by: {tool: rst-codegen, service: evs, sources: [...]}`.
  visit(doc, {
    Pair(_key, pair) {
      if (isScalar(pair.key) && pair.key.value === GENERATED_MARKER.key && isMap(pair.value)) pair.value.flow = true;
    },
  });
  const text = doc.toString({
    indent: layout.step,
    indentSeq: layout.indentSeq,
    lineWidth: 0,
    minContentWidth: 0,
    singleQuote: layout.singleQuote,
  });
  const lines = text.endsWith('\n') ? text.slice(0, -1) : text;
  return indentLines(lines, ' '.repeat(column), layout.eol) + layout.eol;
}

/** Renders one JSON member `"key": value` whose first line starts at `indent` (compact when `unit` is null). */
export function renderJsonEntry(entry: NewEntry, indent: string, layout: Layout): string {
  const value = layout.unit === null ? JSON.stringify(entry.value) : JSON.stringify(entry.value, null, layout.unit);
  const colon = layout.unit === null ? layout.colon : ': ';
  return `${JSON.stringify(entry.key)}${colon}${(value ?? 'null').split('\n').join(layout.eol + indent)}`;
}
