/**
 * Explicit markup (states.py Body.explicit_construct) and the directives
 * rst-codegen needs, ported from docutils' parsers/rst/directives:
 *
 *   .. table:: **Table 1** Status codes      -> title "Table 1 Status codes",
 *      :widths: 20 80                           colwidths [20, 80], the grid or
 *                                               simple table of its content
 *      +------+------+
 *      ...
 *
 *   .. list-table:: / .. csv-table::          -> tables built from a bullet
 *                                               list / CSV data
 *   .. note:: / .. warning:: ...              -> admonitions (content parsed)
 *   .. code-block:: / .. code::               -> literal blocks (verbatim)
 *   .. anything-else::                        -> generic container whose
 *                                               content is parsed (the oracle's
 *                                               tolerant mode)
 *
 * Footnotes, citations, hyperlink targets, substitution definitions and
 * comments are handled here too, as in docutils.
 */
import type { SourceLines } from './lines.js';
import type { SystemMessageLevel } from './types.js';
import type { BlockParser } from './blocks.js';
import { el, trimEndBlank, trimStart, type CellData, type DNode, type Machine } from './block-machine.js';
import { isBlank, pyRstrip, pySplit, pyStrip } from './block-text.js';
import { parseCsv, type CsvCell } from './csv.js';

/** What the directives need from the block parser. */
export type DirectiveHost = Pick<
  BlockParser,
  'report' | 'inline' | 'nestedParse' | 'blockQuote' | 'noteExplicitTarget' | 'listParseBlock' | 'path'
>;

// ------------------------------------------------------------- patterns
const SIMPLENAME = '(?:[\\p{L}\\p{N}])+(?:[-._+:][\\p{L}\\p{N}]+)*';
const FOOTNOTE_RE = new RegExp(`^\\.\\.[ ]+\\[([0-9]+|#|#${SIMPLENAME}|\\*)\\]([ ]+|$)`, 'u');
const CITATION_RE = new RegExp(`^\\.\\.[ ]+\\[(${SIMPLENAME})\\]([ ]+|$)`, 'u');
const TARGET_RE = /^\.\.[ ]+_(?![ ]|$)/;
const SUBSTITUTION_RE = /^\.\.[ ]+\|(?![ ]|$)/;
const DIRECTIVE_RE = new RegExp(`^\\.\\.[ ]+(${SIMPLENAME})[ ]?::([ ]+|$)`, 'u');
const EXPLICIT_RE = /^\.\.(?: +|$)/;
const FIELD_MARKER_RE = /^:(?![: ])(?:[^:\\]|\\.|:(?!(?:[ `]|$)))*(?<! ):(?: +|$)/;
const TARGET_NAME_RE =
  /^(?:_|(?!_)(`?)(?![ `])(.+?)(?<![\s\x00])\1)(?<!(?<!\x00):)(?<![\s\x00])[ ]?:([ ]+|$)/;

class DirectiveError {
  constructor(
    readonly level: SystemMessageLevel,
    readonly message: string,
  ) {}
}
class MarkupError {
  constructor(readonly message: string) {}
}

function normalizeName(name: string): string {
  return pySplit(name).join(' ').toLowerCase();
}

function escape2null(text: string): string {
  return text.replace(/\\(.)/gs, '\x00$1');
}

// -------------------------------------------------------- explicit markup

/** Body.explicit_construct: footnote, citation, target, substitution, directive, else comment. */
export function explicitConstruct(p: BlockParser, m: Machine, line: string): { nodes: DNode[]; blankFinish: boolean } {
  const errors: DNode[] = [];
  const constructs: [RegExp, (match: RegExpExecArray) => { nodes: DNode[]; blankFinish: boolean }][] = [
    [FOOTNOTE_RE, (mm) => footnote(p, m, mm, 'footnote')],
    [CITATION_RE, (mm) => footnote(p, m, mm, 'citation')],
    [TARGET_RE, (mm) => hyperlinkTarget(p, m, mm)],
    [SUBSTITUTION_RE, (mm) => substitutionDef(p, m, mm)],
    [DIRECTIVE_RE, (mm) => directive(p, m, mm)],
  ];
  for (const [re, method] of constructs) {
    const mm = re.exec(line);
    if (mm) {
      try {
        return method(mm);
      } catch (e) {
        if (!(e instanceof MarkupError)) throw e;
        errors.push(p.report(2, e.message, { abs: m.absLineNumber() }));
        break;
      }
    }
  }
  const r = comment(m, EXPLICIT_RE.exec(line)?.[0].length ?? 2);
  return { nodes: [...r.nodes, ...errors], blankFinish: r.blankFinish };
}

function comment(m: Machine, end: number): { nodes: DNode[]; blankFinish: boolean } {
  const line = m.line ?? '';
  if (m.isNextLineBlank()) {
    const first = line.slice(end);
    if (isBlank(first)) return { nodes: [el('comment', [], '')], blankFinish: true };
  }
  const r = m.getFirstKnownIndented(end);
  const text = trimEndBlank(r.indented).lines.join('\n');
  return { nodes: [el('comment', [], text)], blankFinish: r.blankFinish };
}

function footnote(p: BlockParser, m: Machine, match: RegExpExecArray, tag: 'footnote' | 'citation'): { nodes: DNode[]; blankFinish: boolean } {
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
  node.attrs = { names };
  if (name) p.noteExplicitTarget(node, node, { real: realLine });
  if (r.indented.lines.length) p.nestedParse(r.indented, r.offset, node);
  return { nodes: [node], blankFinish: r.blankFinish };
}

function hyperlinkTarget(p: BlockParser, m: Machine, match: RegExpExecArray): { nodes: DNode[]; blankFinish: boolean } {
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
    if (index >= block.length) throw new MarkupError('malformed hyperlink target.');
    escaped += block[index];
  }
  const rest = block.slice(index);
  rest[0] = pyStrip(((rest[0] ?? '') + ' ').slice(tm[0].length - escaped.length - 1 + (rest[0] ?? '').length + 1));
  const target = el('target');
  const rawName = tm[2];
  const refuri = rest.map((l) => l.trim()).join('').replace(/\x00/g, '');
  target.attrs = { refuri };
  if (rawName !== undefined) {
    target.attrs.names = [normalizeName(rawName.replace(/\x00/g, ''))];
    const isRef = refuri.endsWith('_');
    if (isRef) delete target.attrs.refuri;
    p.noteExplicitTarget(target, m.node, { abs: lineno });
  }
  return { nodes: [target], blankFinish: r.blankFinish };
}

function substitutionDef(p: BlockParser, m: Machine, match: RegExpExecArray): { nodes: DNode[]; blankFinish: boolean } {
  const r = m.getFirstKnownIndented(match[0].length, false, false);
  const text = r.indented.lines.join('\n');
  const close = /(?<![\s\x00])\|([ ]+|$)/.exec(escape2null(text));
  if (!close) throw new MarkupError('malformed substitution definition.');
  const rest = text.slice(close.index + close[0].length);
  noteEmbeddedDirective(p, pyStrip(rest));
  const inl = p.inline(pyStrip(rest), m.absLineNumber());
  return { nodes: [el('substitution_definition', [], inl.text), ...inl.messages], blankFinish: r.blankFinish };
}

/**
 * docutils parses a substitution definition's contents in its SubstitutionDef
 * state, whose `embedded_directive` transition (`simplename::` at the start
 * of the first line) looks the directive up: an unknown one is recorded as
 * the oracle records it. (The contents themselves are read as text here.)
 */
function noteEmbeddedDirective(p: BlockParser, contents: string): void {
  const m = EMBEDDED_DIRECTIVE_RE.exec(contents.split('\n', 1)[0] ?? '');
  if (!m) return;
  const typeName = m[1] ?? '';
  const lower = typeName.toLowerCase();
  const canonical = ALIASES[lower] ?? lower;
  if (DIRECTIVES[canonical] === undefined && !KNOWN_SILENT.has(canonical)) p.unknownDirectives.add(typeName);
}
const EMBEDDED_DIRECTIVE_RE = new RegExp(`^(${SIMPLENAME})::( +|$)`, 'u');

// -------------------------------------------------------------- options
type Convertor = (value: string | null) => unknown;

class OptionValueError {
  constructor(readonly message: string) {}
}

const conv = {
  unchanged: (v: string | null) => (v === null ? '' : v),
  unchangedRequired: (v: string | null) => {
    if (v === null) throw new OptionValueError('argument required but none supplied');
    return v;
  },
  flag: (v: string | null) => {
    if (v && v.trim()) throw new OptionValueError(`no argument is allowed; "${v}" supplied`);
    return null;
  },
  nonnegativeInt: (v: string | null) => {
    const n = pyInt(v);
    if (n < 0) throw new OptionValueError('negative value; must be positive or zero');
    return n;
  },
  positiveIntList: (v: string | null) => {
    const s = v ?? '';
    const entries = s.includes(',') ? s.split(',') : pySplit(s);
    return entries.map((e) => {
      const n = pyInt(e);
      if (n < 1) throw new OptionValueError('negative or zero value; must be positive');
      return n;
    });
  },
  classOption: (v: string | null) => {
    if (v === null) throw new OptionValueError('argument required but none supplied');
    return pySplit(v);
  },
  singleCharOrWhitespace: (v: string | null) => {
    if (v === 'tab') return '\t';
    if (v === 'space') return ' ';
    return conv.singleChar(v);
  },
  singleChar: (v: string | null): string => {
    const s = unicodeCode(v ?? '');
    if ([...s].length > 1) throw new OptionValueError(`${pyRepr(s)} invalid; must be a single character or a Unicode code`);
    return s;
  },
  any: (v: string | null) => (v === null ? '' : v),
};

function pyRepr(s: string): string {
  return s.includes("'") && !s.includes('"') ? `"${s}"` : `'${s.replace(/'/g, "\\'")}'`;
}

function pyInt(v: string | null): number {
  if (v === null) throw new OptionValueError("int() argument must be a string, a bytes-like object or a real number, not 'NoneType'");
  const s = v.trim();
  if (!/^[+-]?\d+(_\d+)*$/.test(s)) throw new OptionValueError(`invalid literal for int() with base 10: ${pyRepr(v)}`);
  return parseInt(s.replace(/_/g, ''), 10);
}

function valueOr(values: string[], other: Convertor): Convertor {
  return (v) => {
    if (v !== null && values.includes(v)) return v;
    return other(v);
  };
}

const ALIGN_VALUES = ['left', 'center', 'right'];
function choice(values: string[]): Convertor {
  return (v) => {
    const value = (v ?? '').toLowerCase().trim();
    if (!v) throw new OptionValueError(`must supply an argument; choose from ${formatValues(values)}`);
    if (!values.includes(value)) throw new OptionValueError(`"${v}" unknown; choose from ${formatValues(values)}`);
    return value;
  };
}
function formatValues(values: string[]): string {
  return `${values.slice(0, -1).map((s) => `"${s}"`).join(', ')}, or "${values[values.length - 1]}"`;
}

const TABLE_OPTIONS: Record<string, Convertor> = {
  class: conv.classOption,
  name: conv.unchanged,
  align: choice(ALIGN_VALUES),
  width: conv.unchanged,
  widths: valueOr(['auto', 'grid'], conv.positiveIntList),
};
const LIST_TABLE_OPTIONS: Record<string, Convertor> = {
  'header-rows': conv.nonnegativeInt,
  'stub-columns': conv.nonnegativeInt,
  width: conv.unchanged,
  widths: valueOr(['auto'], conv.positiveIntList),
  class: conv.classOption,
  name: conv.unchanged,
  align: choice(ALIGN_VALUES),
};
const CSV_TABLE_OPTIONS: Record<string, Convertor> = {
  ...LIST_TABLE_OPTIONS,
  header: conv.unchanged,
  file: conv.unchangedRequired,
  url: conv.unchangedRequired,
  encoding: conv.unchanged,
  delim: (v: string | null) => conv.singleCharOrWhitespace(v),
  keepspace: conv.flag,
  quote: conv.singleChar,
  escape: conv.singleChar,
};
const BASIC_OPTIONS: Record<string, Convertor> = { class: conv.classOption, name: conv.unchanged };

// ------------------------------------------------------------ directives
interface DirectiveRun {
  name: string;
  arguments: string[];
  options: Record<string, unknown>;
  content: SourceLines;
  contentOffset: number;
  /** docutils' abs line number of the directive. */
  lineno: number;
  /** Real source line of the directive. */
  realLine: number;
  blockText: string;
  matchTitles: boolean;
  node: DNode;
}

interface DirectiveSpec {
  required: number;
  optional: number;
  finalWhitespace: boolean;
  options: Record<string, Convertor> | 'any' | null;
  hasContent: boolean;
  run(p: BlockParser, d: DirectiveRun): DNode[];
}

const ADMONITIONS = ['attention', 'caution', 'danger', 'error', 'hint', 'important', 'note', 'tip', 'warning'];

/** docutils' English directive names (languages/en.py) -> canonical names. */
const ALIASES: Record<string, string> = { 'code-block': 'code', sourcecode: 'code', 'section-numbering': 'sectnum' };
const KNOWN_SILENT = new Set([
  'contents', 'sectnum', 'header', 'footer', 'target-notes', 'meta', 'replace', 'unicode', 'class', 'role',
  'default-role', 'title', 'date', 'restructuredtext-test-directive', 'line-block',
]);

function spec(partial: Partial<DirectiveSpec> & Pick<DirectiveSpec, 'run'>): DirectiveSpec {
  return { required: 0, optional: 0, finalWhitespace: false, options: null, hasContent: false, ...partial };
}

function assertHasContent(d: DirectiveRun): void {
  if (!d.content.lines.length) throw new DirectiveError(3, `Content block expected for the "${d.name}" directive; none found.`);
}

function addName(p: BlockParser, d: DirectiveRun, node: DNode): void {
  if (typeof d.options.name === 'string') {
    node.attrs = { ...node.attrs, names: [normalizeName(d.options.name)] };
    p.noteExplicitTarget(node, node, { none: true });
  }
}

function makeTitle(p: BlockParser, d: DirectiveRun): { title: string | null; messages: DNode[] } {
  if (!d.arguments.length) return { title: null, messages: [] };
  const r = p.inline(d.arguments[0] ?? '', d.lineno);
  return { title: r.text, messages: r.messages };
}

function errorNode(p: BlockParser, d: DirectiveRun, level: SystemMessageLevel, text: string): DNode {
  return p.report(level, text, { abs: d.lineno }, [el('literal_block', [], d.blockText)]);
}

const DIRECTIVES: Record<string, DirectiveSpec> = {
  table: spec({
    optional: 1,
    finalWhitespace: true,
    options: TABLE_OPTIONS,
    hasContent: true,
    run(p, d) {
      if (!d.content.lines.length) {
        return [errorNode(p, d, 2, `Content block expected for the "${d.name}" directive; none found.`)];
      }
      const { title, messages } = makeTitle(p, d);
      const node = el('element');
      p.nestedParse(d.content, d.contentOffset, node);
      const table = node.children[0];
      if (node.children.length !== 1 || !table || table.tag !== 'table' || !table.table) {
        return [errorNode(p, d, 3, `Error parsing content block for the "${d.name}" directive: exactly one table expected.`)];
      }
      const widths = d.options.widths;
      if (Array.isArray(widths)) {
        if (widths.length !== table.table.columns) {
          return [errorNode(p, d, 3, `"${d.name}" widths do not match the number of columns in table (${table.table.columns}).`)];
        }
        table.table.colwidths = widths as number[];
      }
      addName(p, d, table);
      table.table.title = title;
      table.table.directiveLine = d.realLine;
      if (title !== null) table.children.unshift(el('title', [], title));
      return [table, ...messages];
    },
  }),
  'list-table': spec({
    optional: 1,
    finalWhitespace: true,
    options: LIST_TABLE_OPTIONS,
    hasContent: true,
    run: listTable,
  }),
  'csv-table': spec({
    optional: 1,
    finalWhitespace: true,
    options: CSV_TABLE_OPTIONS,
    hasContent: true,
    run: csvTable,
  }),
  code: spec({
    optional: 1,
    options: { ...BASIC_OPTIONS, 'number-lines': conv.unchanged },
    hasContent: true,
    run(p, d) {
      assertHasContent(d);
      const node = el('literal_block', [], d.content.lines.join('\n'));
      addName(p, d, node);
      return [node];
    },
  }),
  'parsed-literal': spec({
    options: BASIC_OPTIONS,
    hasContent: true,
    run(p, d) {
      assertHasContent(d);
      const r = p.inline(d.content.lines.join('\n'), d.lineno);
      const node = el('literal_block', [], r.text);
      addName(p, d, node);
      return [node, ...r.messages];
    },
  }),
  math: spec({
    options: BASIC_OPTIONS,
    hasContent: true,
    run(_p, d) {
      assertHasContent(d);
      const text = d.content.lines.join('\n');
      return text
        .split(/\n\s*\n/)
        .filter((b) => b)
        .map((b) => el('math_block', [], b));
    },
  }),
  admonition: spec({
    required: 1,
    finalWhitespace: true,
    options: BASIC_OPTIONS,
    hasContent: true,
    run(p, d) {
      assertHasContent(d);
      const node = el('admonition');
      addName(p, d, node);
      const r = p.inline(d.arguments[0] ?? '', d.lineno);
      node.children.push(el('title', [], r.text), ...r.messages);
      p.nestedParse(d.content, d.contentOffset, node);
      return [node];
    },
  }),
  container: spec({
    optional: 1,
    finalWhitespace: true,
    options: { name: conv.unchanged },
    hasContent: true,
    run(p, d) {
      assertHasContent(d);
      const node = el('container');
      addName(p, d, node);
      p.nestedParse(d.content, d.contentOffset, node);
      return [node];
    },
  }),
  compound: spec({
    options: BASIC_OPTIONS,
    hasContent: true,
    run(p, d) {
      assertHasContent(d);
      const node = el('compound');
      addName(p, d, node);
      p.nestedParse(d.content, d.contentOffset, node);
      return [node];
    },
  }),
  topic: spec({ required: 1, finalWhitespace: true, options: BASIC_OPTIONS, hasContent: true, run: pseudoSection('topic') }),
  sidebar: spec({
    optional: 1,
    finalWhitespace: true,
    options: { ...BASIC_OPTIONS, subtitle: conv.unchangedRequired },
    hasContent: true,
    run: pseudoSection('sidebar'),
  }),
  rubric: spec({
    required: 1,
    finalWhitespace: true,
    options: BASIC_OPTIONS,
    run(p, d) {
      const r = p.inline(d.arguments[0] ?? '', d.lineno);
      const node = el('rubric', [], r.text);
      addName(p, d, node);
      return [node, ...r.messages];
    },
  }),
  image: spec({ required: 1, finalWhitespace: true, options: 'any', run: () => [el('image', [], '')] }),
  figure: spec({
    required: 1,
    finalWhitespace: true,
    options: 'any',
    hasContent: true,
    run(p, d) {
      const figure = el('figure', [el('image', [], '')]);
      if (d.content.lines.length) {
        const node = el('element');
        p.nestedParse(d.content, d.contentOffset, node);
        const first = node.children[0];
        if (first && first.tag === 'paragraph') {
          figure.children.push(el('caption', [], first.text ?? ''));
        } else if (!(first && first.tag === 'comment' && !first.children.length && !first.text)) {
          return [figure, errorNode(p, d, 3, 'Figure caption must be a paragraph or empty comment.')];
        }
        if (node.children.length > 1) figure.children.push(el('legend', node.children.slice(1)));
      }
      return [figure];
    },
  }),
  raw: spec({
    required: 1,
    finalWhitespace: true,
    options: 'any',
    hasContent: true,
    run(_p, d) {
      throw new DirectiveError(2, `"${d.name}" directive disabled.`);
    },
  }),
  include: spec({
    required: 1,
    finalWhitespace: true,
    options: 'any',
    run(_p, d) {
      throw new DirectiveError(2, `"${d.name}" directive disabled.`);
    },
  }),
};
for (const name of ADMONITIONS) {
  DIRECTIVES[name] = spec({
    finalWhitespace: true,
    options: BASIC_OPTIONS,
    hasContent: true,
    run(p, d) {
      assertHasContent(d);
      const node = el(name);
      addName(p, d, node);
      p.nestedParse(d.content, d.contentOffset, node);
      return [node];
    },
  });
}
for (const name of ['epigraph', 'highlights', 'pull-quote']) {
  DIRECTIVES[name] = spec({
    hasContent: true,
    run(p, d) {
      return p.blockQuote(d.content, d.contentOffset);
    },
  });
}

function pseudoSection(tag: 'topic' | 'sidebar'): DirectiveSpec['run'] {
  return (p, d) => {
    if (!(d.matchTitles || (tag === 'sidebar' && d.node.tag === 'sidebar'))) {
      throw new DirectiveError(3, `The "${d.name}" directive may not be used within topics or body elements.`);
    }
    assertHasContent(d);
    const node = el(tag);
    if (d.arguments.length) {
      const r = p.inline(d.arguments[0] ?? '', d.lineno);
      node.children.push(el('title', [], r.text), ...r.messages);
    }
    addName(p, d, node);
    p.nestedParse(d.content, d.contentOffset, node);
    return [node];
  };
}

/** GenericDirective of the oracle's tolerant mode: a container whose content is parsed. */
const GENERIC: DirectiveSpec = spec({
  optional: 100,
  finalWhitespace: true,
  options: 'any',
  hasContent: true,
  run(p, d) {
    const node = el('container');
    node.attrs = { directive: d.name };
    if (d.content.lines.length) p.nestedParse(d.content, d.contentOffset, node);
    return [node];
  },
});

const SILENT: DirectiveSpec = spec({ optional: 100, finalWhitespace: true, options: 'any', hasContent: true, run: () => [] });

function listTable(p: BlockParser, d: DirectiveRun): DNode[] {
  if (!d.content.lines.length) {
    return [errorNode(p, d, 3, `The "${d.name}" directive is empty; content required.`)];
  }
  const { title, messages } = makeTitle(p, d);
  const node = el('element');
  p.nestedParse(d.content, d.contentOffset, node);
  const fail = (text: string) => [errorNode(p, d, 3, text)];
  const list = node.children[0];
  if (node.children.length !== 1 || !list || list.tag !== 'bullet_list') {
    return fail(`Error parsing content block for the "${d.name}" directive: exactly one bullet list expected.`);
  }
  let numCols = 0;
  for (let i = 0; i < list.children.length; i++) {
    const item = list.children[i];
    const sub = item?.children[0];
    if (!item || item.children.length !== 1 || !sub || sub.tag !== 'bullet_list') {
      return fail(
        `Error parsing content block for the "${d.name}" directive: two-level bullet list expected, but row ${i + 1} does not contain a second-level bullet list.`,
      );
    }
    if (i) {
      if (sub.children.length !== numCols) {
        return fail(
          `Error parsing content block for the "${d.name}" directive: uniform two-level bullet list expected, but row ${i + 1} does not contain the same number of items as row 1 (${sub.children.length} vs ${numCols}).`,
        );
      }
    } else numCols = sub.children.length;
  }
  const widths = d.options.widths;
  let colwidths: number[];
  if (Array.isArray(widths)) {
    if (widths.length !== numCols) return fail(`"${d.name}" widths do not match the number of columns in table (${numCols}).`);
    colwidths = widths as number[];
  } else if (numCols) colwidths = new Array<number>(numCols).fill(Math.floor(100 / numCols));
  else return fail('No table data detected in CSV file.');
  const rows = list.children.map((item) => item.children[0]?.children ?? []);
  const headerRows = (d.options['header-rows'] as number | undefined) ?? 0;
  const stubColumns = (d.options['stub-columns'] as number | undefined) ?? 0;
  const dim = checkDimensions(d, rows.map((r) => r.length), headerRows, stubColumns);
  if (dim) return fail(dim);
  const table = el('table');
  const tgroup = el('tgroup');
  table.children.push(tgroup);
  const cells: CellData[] = [];
  rows.forEach((row, r) => {
    row.forEach((item, c) => {
      const entry = el('entry', item.children);
      tgroup.children.push(entry);
      const line = item.line ?? d.realLine;
      cells.push({ row: r, col: c, rowspan: 1, colspan: 1, entry, position: { start: { line, column: 1 }, end: { line, column: 1 } } });
    });
  });
  addName(p, d, table);
  table.table = {
    kind: 'list-table',
    line: d.realLine,
    directiveLine: d.realLine,
    title,
    headerRows,
    columns: numCols,
    rows: rows.length,
    colwidths,
    stubColumns: Math.min(stubColumns, numCols),
    cells,
    position: { start: { line: d.realLine, column: 1 }, end: { line: d.content.lineNumbers[d.content.lines.length - 1] ?? d.realLine, column: 1 } },
  };
  if (title !== null) table.children.unshift(el('title', [], title));
  return [table, ...messages];
}

function checkDimensions(d: DirectiveRun, rowLengths: number[], headerRows: number, stubColumns: number): string | null {
  const n = rowLengths.length;
  if (n < headerRows) {
    return `${headerRows} header row(s) specified but only ${n} row(s) of data supplied ("${d.name}" directive).`;
  }
  if (n === headerRows && headerRows > 0) {
    return `Insufficient data supplied (${n} row(s)); no data remaining for table body, required by "${d.name}" directive.`;
  }
  for (const len of rowLengths) {
    if (len < stubColumns) {
      return `${stubColumns} stub column(s) specified but only ${len} columns(s) of data supplied ("${d.name}" directive).`;
    }
    if (len === stubColumns && stubColumns > 0) {
      return `Insufficient data supplied (${len} columns(s)); no data remaining for table body, required by "${d.name}" directive.`;
    }
  }
  return null;
}

/** Body.directive + run_directive + parse_directive_block. */
function directive(p: BlockParser, m: Machine, match: RegExpExecArray): { nodes: DNode[]; blankFinish: boolean } {
  const typeName = match[1] ?? '';
  const lower = typeName.toLowerCase();
  const canonical = ALIASES[lower] ?? lower;
  const known = DIRECTIVES[canonical];
  const d = known ?? (KNOWN_SILENT.has(canonical) ? SILENT : GENERIC);
  if (d === GENERIC) p.unknownDirectives.add(typeName);
  const lineno = m.absLineNumber();
  const realLine = m.realLine(m.lineOffset);
  const initial = m.lineOffset;
  const r = m.getFirstKnownIndented(match[0].length, false, true, false);
  const blockLines: string[] = [];
  for (let i = initial; i <= m.lineOffset; i++) blockLines.push(m.at(i));
  const blockText = blockLines.join('\n');
  let parsed: { arguments: string[]; options: Record<string, unknown>; content: SourceLines; contentOffset: number };
  try {
    parsed = parseDirectiveBlock(p, r.indented, r.offset, d);
  } catch (e) {
    if (!(e instanceof MarkupError)) throw e;
    const error = p.report(3, `Error in "${typeName}" directive:\n${e.message}.`, { abs: lineno }, [el('literal_block', [], blockText)]);
    return { nodes: [error], blankFinish: r.blankFinish };
  }
  const run: DirectiveRun = {
    name: typeName,
    ...parsed,
    lineno,
    realLine,
    blockText,
    matchTitles: m.matchTitles,
    node: m.node,
  };
  let result: DNode[];
  try {
    result = d.run(p, run);
  } catch (e) {
    if (!(e instanceof DirectiveError)) throw e;
    result = [p.report(e.level, e.message, { abs: lineno }, [el('literal_block', [], blockText)])];
  }
  return { nodes: result, blankFinish: r.blankFinish || m.isNextLineBlank() };
}

function parseDirectiveBlock(
  p: BlockParser,
  indented0: SourceLines,
  lineOffset: number,
  d: DirectiveSpec,
): { arguments: string[]; options: Record<string, unknown>; content: SourceLines; contentOffset: number } {
  let indented = indented0;
  if (indented.lines.length && isBlank(indented.lines[0] ?? '')) {
    indented = trimStart(indented);
    lineOffset += 1;
  }
  indented = trimEndBlank(indented);
  let argBlock: SourceLines;
  let content: SourceLines;
  let contentOffset: number;
  let i = 0;
  const hasArgs = d.required > 0 || d.optional > 0;
  if (indented.lines.length && (hasArgs || d.options)) {
    i = indented.lines.findIndex((l) => isBlank(l));
    if (i < 0) i = indented.lines.length;
    argBlock = sliceLines(indented, 0, i);
    content = sliceLines(indented, i + 1, indented.lines.length);
    contentOffset = lineOffset + i + 1;
  } else {
    content = indented;
    contentOffset = lineOffset;
    argBlock = sliceLines(indented, 0, 0);
  }
  let options: Record<string, unknown> = {};
  if (d.options) {
    const k = argBlock.lines.findIndex((l) => FIELD_MARKER_RE.test(l));
    if (k >= 0) {
      const optBlock = sliceLines(argBlock, k, argBlock.lines.length);
      argBlock = sliceLines(argBlock, 0, k);
      options = parseExtensionOptions(p, d.options, optBlock);
    }
  }
  if (argBlock.lines.length && !hasArgs) {
    content = { lines: [...argBlock.lines, ...indented.lines.slice(i)], lineNumbers: [...argBlock.lineNumbers, ...indented.lineNumbers.slice(i)], columns: [...argBlock.columns, ...indented.columns.slice(i)] };
    contentOffset = lineOffset;
    argBlock = sliceLines(argBlock, 0, 0);
  }
  while (content.lines.length && isBlank(content.lines[0] ?? '')) {
    content = trimStart(content);
    contentOffset += 1;
  }
  let args: string[] = [];
  if (hasArgs) {
    const argText = argBlock.lines.join('\n');
    args = pySplit(argText);
    if (args.length < d.required) throw new MarkupError(`${d.required} argument(s) required, ${args.length} supplied`);
    if (args.length > d.required + d.optional) {
      if (d.finalWhitespace) args = pySplitMax(argText, d.required + d.optional - 1);
      else throw new MarkupError(`maximum ${d.required + d.optional} argument(s) allowed, ${args.length} supplied`);
    }
  }
  if (content.lines.length && !d.hasContent) throw new MarkupError('no content permitted');
  return { arguments: args, options, content, contentOffset };
}

/** Python `s.split(None, maxsplit)`. */
function pySplitMax(s: string, maxsplit: number): string[] {
  const out: string[] = [];
  let rest = s.replace(/^\s+/, '');
  while (rest && out.length < maxsplit) {
    const m = /\s+/.exec(rest);
    if (!m) break;
    out.push(rest.slice(0, m.index));
    rest = rest.slice(m.index + m[0].length);
  }
  if (rest) out.push(rest);
  return out;
}

function sliceLines(src: SourceLines, from: number, to: number): SourceLines {
  return { lines: src.lines.slice(from, to), lineNumbers: src.lineNumbers.slice(from, to), columns: src.columns.slice(from, to) };
}

function parseExtensionOptions(p: BlockParser, spec: Record<string, Convertor> | 'any', block: SourceLines): Record<string, unknown> {
  const node = el('field_list');
  const r = p.listParseBlock(block, 0, node, 'ExtensionOptions');
  if (r.offset !== block.lines.length) throw new MarkupError('invalid option block');
  const options: Record<string, unknown> = {};
  for (const field of node.children) {
    const nameText = field.children[0]?.text ?? '';
    if (pySplit(nameText).length !== 1) {
      throw new MarkupError('invalid option data: extension option field name may not contain multiple words');
    }
    const name = nameText.toLowerCase();
    const body = field.children[1];
    const paras = body?.children.filter((c) => c.tag !== 'system_message') ?? [];
    let data: string | null;
    if (!paras.length) data = null;
    else if (paras.length > 1 || paras[0]?.tag !== 'paragraph') {
      throw new MarkupError(`invalid option data: extension option field body may contain\na single paragraph only (option "${name}")`);
    } else data = paras[0]?.text ?? '';
    const convertor = spec === 'any' ? conv.any : spec[name];
    if (!convertor) throw new MarkupError(`unknown option: "${name}"`);
    if (name in options) throw new MarkupError(`invalid option data: duplicate option "${name}"`);
    try {
      options[name] = convertor(data);
    } catch (e) {
      if (!(e instanceof OptionValueError)) throw e;
      throw new MarkupError(`invalid option value: (option: "${name}"; value: ${data === null ? 'None' : pyRepr(data)})\n${e.message}`);
    }
  }
  if (!r.blankFinish) throw new MarkupError('option data incompletely parsed');
  return options;
}

const UNICODE_RE = /^(?:0x|x|\\x|U\+?|\\u)([0-9a-f]+)$|^&#x([0-9a-f]+);$/i;
/** directives.unicode_code. */
function unicodeCode(code: string): string {
  if (/^[0-9]+$/.test(code)) return String.fromCodePoint(Math.min(parseInt(code, 10), 0x10ffff));
  const m = UNICODE_RE.exec(code);
  if (m) return String.fromCodePoint(Math.min(parseInt(m[1] ?? m[2] ?? '0', 16), 0x10ffff));
  return code;
}

/** Python `str.splitlines()` (the separators a csv cell value can contain). */
function splitlines(s: string): string[] {
  const parts = s.split(/\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/);
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return s === '' ? [] : parts;
}

/** CSVTable.run with content (file and URL access are refused, as the oracle runs docutils). */
function csvTable(p: BlockParser, d: DirectiveRun): DNode[] {
  if ('file' in d.options || 'url' in d.options) {
    return [errorNode(p, d, 2, `File and URL access deactivated; ignoring "${d.name}" directive.`)];
  }
  const { title, messages } = makeTitle(p, d);
  if (!d.content.lines.length) {
    return [errorNode(p, d, 2, `The "${d.name}" directive requires content; none supplied.`)];
  }
  const fail = (text: string) => [errorNode(p, d, 3, text)];
  type Row = { cells: CsvCell[]; base: SourceLines | null };
  let head: Row[] = [];
  let maxHeader = 0;
  if (typeof d.options.header === 'string') {
    const r = parseCsv(d.options.header, { escape: '\\', directive: d.name });
    if (r.error) return fail(r.error.message);
    head = r.rows.map((cells) => ({ cells, base: null }));
    maxHeader = r.maxColumns;
  }
  const csvOptions: Parameters<typeof parseCsv>[1] = { directive: d.name };
  if (typeof d.options.delim === 'string') csvOptions.delim = d.options.delim;
  if (typeof d.options.quote === 'string') csvOptions.quote = d.options.quote;
  if (typeof d.options.escape === 'string') csvOptions.escape = d.options.escape;
  if ('keepspace' in d.options) csvOptions.keepspace = true;
  const body = parseCsv(d.content.lines.join('\n'), csvOptions);
  if (body.error) return fail(body.error.message);
  const rows: Row[] = body.rows.map((cells) => ({ cells, base: d.content }));
  const maxCols = Math.max(body.maxColumns, maxHeader);
  const headerRows = (d.options['header-rows'] as number | undefined) ?? 0;
  const stubColumns = (d.options['stub-columns'] as number | undefined) ?? 0;
  const dim = checkDimensions(d, rows.map((r) => r.cells.length), headerRows, stubColumns);
  if (dim) return fail(dim);
  head = [...head, ...rows.slice(0, headerRows)];
  const all = [...head, ...rows.slice(headerRows)];
  const widths = d.options.widths;
  let colwidths: number[];
  if (Array.isArray(widths)) {
    if (widths.length !== maxCols) return fail(`"${d.name}" widths do not match the number of columns in table (${maxCols}).`);
    colwidths = widths as number[];
  } else if (maxCols) colwidths = new Array<number>(maxCols).fill(Math.floor(100 / maxCols));
  else return fail('No table data detected in CSV file.');
  const table = el('table');
  const tgroup = el('tgroup');
  table.children.push(tgroup);
  const cells: CellData[] = [];
  all.forEach((row, r) => {
    for (let c = 0; c < maxCols; c++) {
      const cell = row.cells[c];
      const entry = el('entry');
      tgroup.children.push(entry);
      const lines = cell ? splitlines(cell.value) : [];
      const firstLine = cell && row.base ? (row.base.lineNumbers[cell.line] ?? d.realLine) : d.realLine;
      const column = cell && row.base ? (row.base.columns[cell.line] ?? 1) + cell.column : 1;
      const content: SourceLines = {
        lines,
        lineNumbers: lines.map((_, i) => firstLine + i),
        columns: lines.map((_, i) => (i === 0 ? column : 1)),
      };
      if (lines.join('')) p.nestedParse(content, d.contentOffset, entry);
      const last = lines.length ? lines.length - 1 : 0;
      cells.push({
        row: r,
        col: c,
        rowspan: 1,
        colspan: 1,
        entry,
        position: {
          start: { line: firstLine, column },
          end: { line: firstLine + last, column: (last === 0 ? column : 1) + (lines[last] ?? '').length },
        },
      });
    }
  });
  addName(p, d, table);
  table.table = {
    kind: 'csv-table',
    line: d.realLine,
    directiveLine: d.realLine,
    title,
    headerRows: head.length,
    columns: maxCols,
    rows: all.length,
    colwidths,
    stubColumns: Math.min(stubColumns, maxCols),
    cells,
    position: {
      start: { line: d.realLine, column: 1 },
      end: { line: d.content.lineNumbers[d.content.lines.length - 1] ?? d.realLine, column: 1 },
    },
  };
  if (title !== null) table.children.unshift(el('title', [], title));
  return [table, ...messages];
}
