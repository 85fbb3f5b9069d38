/**
 * The block parser: a port of docutils' reStructuredText body parser
 * (parsers/rst/states.py: Body, SpecializedBody, Text, Line, ... and the
 * indentation logic of statemachine.py), reduced to what rst-codegen needs:
 * find every table where docutils finds one, read every cell as docutils'
 * `nested_parse` does, and report every system message docutils reports,
 * with the same level, line and text.
 *
 *   Status Codes              section "Status Codes"
 *   ============                └ bullet_list
 *                                   └ list_item
 *   -  Normal                          ├ paragraph "Normal"
 *                                      └ table (grid, line 8)
 *      +------+------+                      └ entry -> nested parse of
 *      | Code | Text |                                 "Code" -> paragraph
 *      +======+======+
 *      | 200  | OK   |
 *      +------+------+
 *
 * The output is an internal tree of `DNode`s (docutils' tag names), which
 * `index.ts` turns into the public `RstRoot`. Everything here is pure: text
 * in, tree and messages out; bad input yields system messages, never throws.
 */
import type { SourceLines } from './lines.js';
import type { SystemMessage, SystemMessageLevel, SystemMessageType, Position } from './types.js';
import type { TableScan } from './table-structure.js';
import {
  EOF,
  Machine,
  StateCorrection,
  TransitionCorrection,
  UnexpectedIndentation,
  el,
  trimEndBlank,
  type CellData,
  type DNode,
  type TableData,
} from './block-machine.js';
import { isBlank, pyCollapse, pyRstrip, pyStrip } from './block-text.js';
import { scanGridTable } from './grid-table.js';
import { scanSimpleTable } from './simple-table.js';
import { inlineText } from './inline.js';
import { columnWidth } from './text-width.js';
import { explicitConstruct, type DirectiveHost } from './directives.js';

// ------------------------------------------------------------------ patterns
const ENUM = '(?:[0-9]+|[a-z]|[A-Z]|[ivxlcdm]+|[IVXLCDM]+|#)';
const PATTERNS = {
  bullet: /^[-+*\u2022\u2023\u2043](?: +|$)/,
  enumerator: new RegExp(`^(?:(\\(${ENUM}\\))|(${ENUM}\\))|(${ENUM}\\.))(?: +|$)`),
  field_marker: /^:(?![: ])(?:[^:\\]|\\.|:(?!(?:[ `]|$)))*(?<! ):(?: +|$)/,
  option_marker: (() => {
    const optarg = '(?:[a-zA-Z][a-zA-Z0-9_-]*|<[^<>]+>)';
    const shortopt = `(?:-|\\+)[a-zA-Z0-9](?: ?${optarg})?`;
    const longopt = `(?:--|/)[a-zA-Z0-9][a-zA-Z0-9_-]*(?:[ =]${optarg})?`;
    const option = `(?:${shortopt}|${longopt})`;
    return new RegExp(`^${option}(?:, ${option})*(?:  +| ?$)`);
  })(),
  doctest: /^>>>(?: +|$)/,
  line_block: /^\|( +|$)/,
  grid_table_top: /^\+-[-+]+-\+ *$/,
  simple_table_top: /^=+(?: +=+)+ *$/,
  explicit_markup: /^\.\.(?: +|$)/,
  anonymous: /^__(?: +|$)/,
  line: /^([!-/:-@[-`{-~])\1* *$/,
} as const;

type BodyTransition = keyof typeof PATTERNS | 'text';
const BODY_ORDER: readonly BodyTransition[] = [
  'bullet',
  'enumerator',
  'field_marker',
  'option_marker',
  'doctest',
  'line_block',
  'grid_table_top',
  'simple_table_top',
  'explicit_markup',
  'anonymous',
  'line',
  'text',
];

type StateName =
  | 'Body'
  | 'BulletList'
  | 'DefinitionList'
  | 'EnumeratedList'
  | 'FieldList'
  | 'OptionList'
  | 'LineBlock'
  | 'ExtensionOptions'
  | 'Explicit'
  | 'Text'
  | 'Definition'
  | 'Line'
  | 'QuotedLiteralBlock';

/** The one transition each specialized body state accepts. */
const SPECIALIZED: Partial<Record<StateName, BodyTransition>> = {
  BulletList: 'bullet',
  DefinitionList: 'text',
  EnumeratedList: 'enumerator',
  FieldList: 'field_marker',
  ExtensionOptions: 'field_marker',
  OptionList: 'option_marker',
  LineBlock: 'line_block',
  Explicit: 'explicit_markup',
};

/** Per-machine state attributes (docutils keeps them on the State objects). */
interface RunState {
  blankFinish: boolean;
  lastOrdinal: number;
  format: string;
  auto: boolean;
  eofcheck: boolean;
  qlbMessages: DNode[];
  qlbInitialLine: number | null;
  qlbQuote: string | null;
}

/**
 * The characters each body pattern can start with (read off the patterns
 * above). A line whose first character is not among them cannot match, so
 * the regular expression is not run: most lines are text, and would
 * otherwise go through eleven failing patterns.
 */
const ASCII_PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
const FIRST_CHARS: Readonly<Record<Exclude<BodyTransition, 'text'>, string>> = {
  bullet: '-+*\u2022\u2023\u2043',
  enumerator: '(#0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
  field_marker: ':',
  option_marker: '-+/',
  doctest: '>',
  line_block: '|',
  grid_table_top: '+',
  simple_table_top: '=',
  explicit_markup: '.',
  anonymous: '_',
  line: ASCII_PUNCTUATION,
};

function matchBody(line: string, only: readonly BodyTransition[] | null): { name: BodyTransition; m: RegExpExecArray | null } {
  const first = line.charAt(0);
  for (const name of only ?? BODY_ORDER) {
    if (name === 'text') return { name, m: null };
    if (first !== '' && !FIRST_CHARS[name].includes(first)) continue;
    const m = PATTERNS[name].exec(line);
    if (m) return { name, m };
  }
  return { name: 'text', m: null };
}

export interface BlockParseResult {
  document: DNode;
  messages: SystemMessage[];
  /** Source lines as the parser saw them (for positions). */
  lines: SourceLines;
  lineOffsets: number[];
}

// --------------------------------------------------------------- enumerators
const ENUM_SEQUENCES = ['arabic', 'loweralpha', 'upperalpha', 'lowerroman', 'upperroman'] as const;
const ENUM_SEQ_RE: Record<string, RegExp> = {
  arabic: /^[0-9]+$/,
  loweralpha: /^[a-z]$/,
  upperalpha: /^[A-Z]$/,
  lowerroman: /^[ivxlcdm]+$/,
  upperroman: /^[IVXLCDM]+$/,
};
const FORMAT_INFO: Record<string, { prefix: string; suffix: string }> = {
  parens: { prefix: '(', suffix: ')' },
  rparen: { prefix: '', suffix: ')' },
  period: { prefix: '', suffix: '.' },
};

const ROMAN_RE = /^M{0,4}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;
const ROMAN_VALUES: Record<string, number> = { M: 1000, D: 500, C: 100, L: 50, X: 10, V: 5, I: 1 };
/** roman.fromRoman (docutils' bundled roman.py), null when invalid. */
function fromRoman(s: string): number | null {
  if (!s || !ROMAN_RE.test(s)) return null;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN_VALUES[s[i] ?? ''] ?? 0;
    const next = ROMAN_VALUES[s[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}
function toRoman(n: number): string | null {
  if (n <= 0 || n >= 5000) return null;
  const table: [string, number][] = [
    ['M', 1000], ['CM', 900], ['D', 500], ['CD', 400], ['C', 100], ['XC', 90],
    ['L', 50], ['XL', 40], ['X', 10], ['IX', 9], ['V', 5], ['IV', 4], ['I', 1],
  ];
  let out = '';
  for (const [sym, val] of table) {
    while (n >= val) {
      out += sym;
      n -= val;
    }
  }
  return out;
}

interface Enumerator {
  format: string;
  sequence: string;
  text: string;
  ordinal: number | null;
}

function parseEnumerator(m: RegExpExecArray, expected: string | null): Enumerator {
  const format = m[1] ? 'parens' : m[2] ? 'rparen' : 'period';
  const whole = (m[1] ?? m[2] ?? m[3] ?? '') as string;
  const text = format === 'parens' ? whole.slice(1, -1) : whole.slice(0, -1);
  let sequence = '';
  if (text === '#') sequence = '#';
  else if (expected) {
    if (ENUM_SEQ_RE[expected]?.test(text)) sequence = expected;
  } else if (text === 'i') sequence = 'lowerroman';
  else if (text === 'I') sequence = 'upperroman';
  if (!sequence) {
    sequence = 'upperroman';
    for (const s of ENUM_SEQUENCES) {
      if (ENUM_SEQ_RE[s]?.test(text)) {
        sequence = s;
        break;
      }
    }
  }
  let ordinal: number | null;
  if (sequence === '#') ordinal = 1;
  else if (sequence === 'arabic') ordinal = parseInt(text, 10);
  else if (sequence === 'loweralpha') ordinal = text.charCodeAt(0) - 96;
  else if (sequence === 'upperalpha') ordinal = text.charCodeAt(0) - 64;
  else if (sequence === 'lowerroman') ordinal = fromRoman(text.toUpperCase());
  else ordinal = fromRoman(text);
  return { format, sequence, text, ordinal };
}

function makeEnumerator(ordinal: number, sequence: string, format: string): [string, string] | null {
  let e: string;
  if (sequence === '#') e = '#';
  else if (sequence === 'arabic') e = String(ordinal);
  else {
    if (sequence.endsWith('alpha')) {
      if (ordinal > 26) return null;
      e = String.fromCharCode(ordinal + 96);
    } else {
      const r = toRoman(ordinal);
      if (r === null) return null;
      e = r;
    }
    e = sequence.startsWith('lower') ? e.toLowerCase() : e.toUpperCase();
  }
  const fi = FORMAT_INFO[format] ?? { prefix: '', suffix: '.' };
  return [fi.prefix + e + fi.suffix + ' ', fi.prefix + '#' + fi.suffix + ' '];
}

/** docutils' `(?<!\\)(\\\\)*::$` in RSTState.paragraph: the paragraph announces a literal block. */
const ENDS_WITH_LITERAL_MARKER = /(?<!\\)(\\\\)*::$/;

// ------------------------------------------------------------------ messages
const LEVEL_TYPES: Record<SystemMessageLevel, SystemMessageType> = { 1: 'INFO', 2: 'WARNING', 3: 'ERROR', 4: 'SEVERE' };

const RULE_IDS: [RegExp, string][] = [
  [/^Malformed table\./, 'malformed-table'],
  [/^Blank line required after table\./, 'blank-line-after-table'],
  [/^Enumerated list start value not ordinal-1/, 'enumerated-list-start'],
  [/^Unexpected possible title overline or transition\./, 'unexpected-title-overline'],
  [/^Unexpected section title or transition\./, 'unexpected-section-title-or-transition'],
  [/^Unexpected section title\./, 'unexpected-section-title'],
  [/^Unexpected indentation\./, 'unexpected-indentation'],
  [/ends without a blank line; unexpected unindent\./, 'unexpected-unindent'],
  [/^Duplicate implicit target name/, 'duplicate-implicit-target'],
  [/^Duplicate explicit target name/, 'duplicate-explicit-target'],
  [/^Title underline too short\./, 'title-underline-too-short'],
  [/^Title level inconsistent/, 'title-level-inconsistent'],
  [/^Error in "[^"]*" directive/, 'directive-error'],
  [/^Error parsing content block for the "[^"]*" directive/, 'directive-content-error'],
  [/^Content block expected for the "[^"]*" directive/, 'directive-content-missing'],
  [/^Literal block expected; none found\./, 'literal-block-expected'],
  [/^Inline .* start-string without end-string\./, 'inline-unclosed'],
];

export function ruleIdFor(message: string): string {
  for (const [re, id] of RULE_IDS) if (re.test(message)) return id;
  const first = (message.split('\n')[0] ?? '').replace(/"[^"]*"/g, ' ').replace(/\([^)]*\)/g, ' ');
  const words = first.toLowerCase().match(/[a-z0-9]+/g) ?? ['rst', 'message'];
  return words.slice(0, 6).join('-');
}

/** How docutils determines a message's line. */
type LineSpec = { abs: number } | { real: number } | { none: true };

// -------------------------------------------------------------------- parser

/**
 * One parse of one document. Holds docutils' `memo` (section styles and
 * level, the root machine for line numbers) and the document's name tables.
 */
export class BlockParser implements DirectiveHost {
  readonly messages: SystemMessage[] = [];
  /** Roles docutils looked up and did not know (as written; the oracle's `unknown_roles`). */
  readonly unknownRoles = new Set<string>();
  /** Directives docutils looked up and did not know (as written; the oracle's `unknown_directives`). */
  readonly unknownDirectives = new Set<string>();
  root: Machine | null = null;
  private titleStyles: string[] = [];
  private sectionLevel = 0;
  private sectionBubbleUpKludge = false;
  private readonly nameIds = new Map<string, number | null>();
  private readonly nameTypes = new Map<string, boolean>();
  private readonly idNodes = new Map<number, DNode>();
  private nextId = 1;

  constructor(
    readonly lines: SourceLines,
    readonly path: string,
  ) {}

  // ---------------------------------------------------------- messages
  private finalLine(spec: LineSpec): number {
    const n = this.lines.lines.length;
    let line: number;
    if ('real' in spec) return spec.real;
    if ('abs' in spec) line = spec.abs;
    else line = (this.root?.lineOffset ?? -1) + 1;
    const offset = line - 1;
    if (offset >= 0 && offset < n) return line;
    if (offset === n) return n + 1;
    if (offset < 0 && offset >= -n) return n + offset + 1;
    return line;
  }

  private columnOf(line: number): number {
    const text = this.lines.lines[line - 1];
    if (text === undefined) return 1;
    let i = 0;
    while (i < text.length && text.charCodeAt(i) === 32) i++;
    return i < text.length ? i + 1 : 1;
  }

  /** reporter.system_message: records the message (document order) and returns its node. */
  report(level: SystemMessageLevel, text: string, spec: LineSpec, extra?: DNode[]): DNode {
    const line = this.finalLine(spec);
    const message: SystemMessage = {
      level,
      type: LEVEL_TYPES[level],
      line,
      column: this.columnOf(line),
      message: text,
      ruleId: ruleIdFor(text),
    };
    this.messages.push(message);
    return { tag: 'system_message', children: extra ?? [], message };
  }

  /** Adopts a message produced elsewhere (inline parser, table scanner). */
  adopt(message: SystemMessage, spec?: LineSpec): DNode {
    const line = spec ? this.finalLine(spec) : message.line;
    const m: SystemMessage = { ...message, line, column: spec ? this.columnOf(line) : message.column };
    this.messages.push(m);
    return { tag: 'system_message', children: [], message: m };
  }

  // ----------------------------------------------------------- inline
  /** RSTState.inline_text: inline-reduced text + message nodes. */
  inline(
    text: string,
    absLine: number,
    real?: { line: number; column: number; lineColumns?: readonly number[] },
  ): { text: string; messages: DNode[] } {
    const r = inlineText(text, {
      line: real?.line ?? absLine,
      column: real?.column ?? 1,
      messageLine: this.finalLine({ abs: absLine }),
      currentLine: this.finalLine({ none: true }),
      ...(real?.lineColumns ? { lineColumns: real.lineColumns } : {}),
    });
    const messages = r.messages.map((msg) => this.adopt(msg));
    for (const role of r.unknownRoles) this.unknownRoles.add(role);
    return { text: r.text, messages };
  }

  // ------------------------------------------------------------ names
  private setId(node: DNode): number {
    const id = this.nextId++;
    this.idNodes.set(id, node);
    return id;
  }

  private setNameIdMap(node: DNode, id: number, msgnode: DNode | null, explicit: boolean, line: LineSpec): void {
    const names = (node.attrs?.names as string[] | undefined) ?? [];
    for (const name of [...names]) {
      if (!this.nameIds.has(name)) {
        this.nameIds.set(name, id);
        this.nameTypes.set(name, explicit);
        continue;
      }
      const oldId = this.nameIds.get(name) ?? null;
      const oldExplicit = this.nameTypes.get(name) ?? false;
      this.nameTypes.set(name, oldExplicit || explicit);
      if (explicit) {
        if (oldExplicit) {
          let level: SystemMessageLevel = 2;
          if (oldId !== null) {
            const oldNode = this.idNodes.get(oldId);
            const refuri = node.attrs?.refuri;
            if (refuri !== undefined && oldNode?.attrs?.refuri === refuri && ((oldNode.attrs?.names as string[]) ?? []).length) level = 1;
            if (level > 1) this.nameIds.set(name, null);
          }
          const msg = this.report(level, `Duplicate explicit target name: "${name}".`, line);
          if (msgnode) msgnode.children.push(msg);
        } else {
          this.nameIds.set(name, id);
        }
      } else if (oldId !== null && !oldExplicit) {
        this.nameIds.set(name, null);
      }
      if (!explicit || (!oldExplicit && oldId !== null)) {
        const msg = this.report(1, `Duplicate implicit target name: "${name}".`, line);
        if (msgnode) msgnode.children.push(msg);
      }
    }
  }

  noteImplicitTarget(node: DNode, msgnode: DNode | null, line: LineSpec): void {
    this.setNameIdMap(node, this.setId(node), msgnode, false, line);
  }

  noteExplicitTarget(node: DNode, msgnode: DNode | null, line: LineSpec): void {
    this.setNameIdMap(node, this.setId(node), msgnode, true, line);
  }

  // ------------------------------------------------------------- runs
  /** Parses a whole document (RSTStateMachine.run). */
  parseDocument(): DNode {
    const doc = el('document');
    const m = new Machine(this.lines, 0, 0, true, doc);
    this.root = m;
    this.run(m, 'Body');
    return doc;
  }

  /** RSTState.nested_parse: parses `block` into `node`; returns the machine's final abs offset. */
  nestedParse(block: SourceLines, inputOffset: number, node: DNode, matchTitles = false, base = 0): number {
    const m = new Machine(block, base, inputOffset, matchTitles, node);
    this.run(m, 'Body');
    return m.absLineOffset();
  }

  /** RSTState.nested_list_parse over `parent`'s input from line `offset` on. */
  private nestedListParse(
    parent: Machine,
    node: DNode,
    initial: StateName,
    blankFinish: boolean,
    extra?: Partial<RunState>,
    matchTitles = false,
  ): { offset: number; blankFinish: boolean } {
    const offset = parent.lineOffset + 1;
    const m = new Machine(parent.src, parent.base + offset, parent.absLineOffset() + 1, matchTitles, node);
    const st = this.run(m, initial, { blankFinish, ...extra });
    return { offset: m.absLineOffset(), blankFinish: st.blankFinish };
  }

  /** Nested list parse over a separate block (ExtensionOptions, substitution definitions). */
  listParseBlock(block: SourceLines, inputOffset: number, node: DNode, initial: 'ExtensionOptions'): { offset: number; blankFinish: boolean } {
    const m = new Machine(block, 0, inputOffset, false, node);
    const st = this.run(m, initial, { blankFinish: true });
    return { offset: m.absLineOffset(), blankFinish: st.blankFinish };
  }

  /** StateMachine.run with docutils' exception protocol. */
  private run(m: Machine, initial: StateName, preset?: Partial<RunState>): RunState {
    const st: RunState = {
      blankFinish: true,
      lastOrdinal: 0,
      format: '',
      auto: false,
      eofcheck: true,
      qlbMessages: [],
      qlbInitialLine: null,
      qlbQuote: null,
      ...preset,
    };
    let state: StateName = initial;
    let context: string[] = [];
    let transitions: BodyTransition[] | null = null;
    // safety net: a correct port visits each line a few times at most
    let budget = (m.length + 1) * 16 + 64;
    for (;;) {
      if (--budget < 0) {
        m.node.children.push(this.report(4, 'Internal error: the block parser stopped making progress.', { abs: m.absLineNumber() }));
        break;
      }
      try {
        let next: StateName;
        if (m.lineOffset + 1 >= m.length) {
          // end of input: what next_line's EOFError leads to, without the throw
          m.lineOffset += 1;
          m.line = null;
          this.eof(m, state, st, context);
          break;
        }
        try {
          m.nextLine();
          [context, next] = this.checkLine(m, state, st, context, transitions);
        } catch (e) {
          if (e !== EOF) throw e;
          this.eof(m, state, st, context);
          break;
        }
        transitions = null;
        state = next;
      } catch (e) {
        if (e instanceof TransitionCorrection) {
          m.previousLine();
          transitions = [e.transition as BodyTransition];
          continue;
        }
        if (e instanceof StateCorrection) {
          m.previousLine();
          state = e.state as StateName;
          transitions = e.transition ? [e.transition as BodyTransition] : null;
          continue;
        }
        throw e;
      }
    }
    return st;
  }

  private eof(m: Machine, state: StateName, st: RunState, context: string[]): void {
    switch (state) {
      case 'Text':
        if (context.length) this.textBlank(m, context);
        return;
      case 'Definition':
        m.previousLine(2);
        return;
      case 'Line':
        this.lineEof(m, st, context);
        return;
      case 'QuotedLiteralBlock':
        this.qlbEof(m, st, context);
        return;
      default:
        return;
    }
  }

  private checkLine(
    m: Machine,
    state: StateName,
    st: RunState,
    context: string[],
    transitions: BodyTransition[] | null,
  ): [string[], StateName] {
    const line = m.line ?? '';
    if (state === 'Text' || state === 'Definition' || state === 'Line') {
      return this.checkTextLine(m, state, st, context, line, transitions);
    }
    if (state === 'QuotedLiteralBlock') return this.checkQuoted(m, st, context, line);
    // Body and specialized body states: ws transitions first
    if (transitions === null) {
      if (line.length === 0) {
        if (state === 'Explicit' || state === 'LineBlock') this.invalidInput(m);
        return [context, state];
      }
      if (line.charCodeAt(0) === 32) {
        if (state !== 'Body') this.invalidInput(m);
        this.bodyIndent(m);
        return [context, state];
      }
    }
    const { name, m: match } = matchBody(line, transitions);
    const special = SPECIALIZED[state];
    if (special !== undefined && name !== special) this.invalidInput(m);
    return this.bodyTransition(m, state, st, name, match, line);
  }

  private invalidInput(m: Machine): never {
    m.previousLine();
    throw EOF;
  }

  private bodyTransition(
    m: Machine,
    state: StateName,
    st: RunState,
    name: BodyTransition,
    match: RegExpExecArray | null,
    line: string,
  ): [string[], StateName] {
    switch (name) {
      case 'bullet':
        if (state === 'BulletList') {
          if (line[0] !== m.node.attrs?.bullet) this.invalidInput(m);
          const r = this.listItem(m, match?.[0].length ?? 1);
          m.node.children.push(r.item);
          st.blankFinish = r.blankFinish;
        } else this.bullet(m, match as RegExpExecArray);
        return [[], state];
      case 'enumerator':
        if (state === 'EnumeratedList') this.enumeratedListItem(m, st, match as RegExpExecArray);
        else this.enumerator(m, match as RegExpExecArray);
        return [[], state];
      case 'field_marker':
        if (state === 'FieldList' || state === 'ExtensionOptions') {
          const r = this.field(m, match as RegExpExecArray, state === 'ExtensionOptions');
          m.node.children.push(r.node);
          st.blankFinish = r.blankFinish;
        } else this.fieldMarker(m, match as RegExpExecArray);
        return [[], state];
      case 'option_marker':
        if (state === 'OptionList') {
          const r = this.optionListItem(m, match as RegExpExecArray);
          if (r === null) this.invalidInput(m);
          m.node.children.push(r.node);
          st.blankFinish = r.blankFinish;
        } else this.optionMarker(m, match as RegExpExecArray);
        return [[], state];
      case 'doctest': {
        const block = m.getTextBlock();
        const data = block.lines.join('\n');
        m.node.children.push(el('doctest_block', [], data));
        return [[], state];
      }
      case 'line_block':
        if (state === 'LineBlock') {
          const lineno = m.absLineNumber();
          const r = this.lineBlockLine(m, match as RegExpExecArray, lineno);
          m.node.children.push(r.line);
          const grand = (m.node.attrs?.parentNode as DNode | undefined) ?? m.node;
          pushAll(grand.children, r.messages);
          st.blankFinish = r.blankFinish;
        } else this.lineBlock(m, match as RegExpExecArray);
        return [[], state];
      case 'grid_table_top':
      case 'simple_table_top':
        this.tableTop(m, name === 'grid_table_top' ? 'grid' : 'simple');
        return [[], state];
      case 'explicit_markup': {
        const r = explicitConstruct(this, m, line);
        pushAll(m.node.children, r.nodes);
        if (state === 'Explicit') st.blankFinish = r.blankFinish;
        else this.explicitList(m, r.blankFinish);
        return [[], state];
      }
      case 'anonymous': {
        const r = this.anonymousTarget(m, match as RegExpExecArray);
        pushAll(m.node.children, r.nodes);
        if (state === 'Explicit') st.blankFinish = r.blankFinish;
        else this.explicitList(m, r.blankFinish);
        return [[], state];
      }
      case 'line':
        return this.bodyLine(m, line);
      case 'text':
        if (state === 'DefinitionList') return [[line], 'Definition'];
        return [[line], 'Text'];
    }
  }

  // ------------------------------------------------------- body pieces
  private unindentWarning(m: Machine, what: string): DNode {
    return this.report(2, `${what} ends without a blank line; unexpected unindent.`, { abs: m.absLineNumber() + 1 });
  }

  /** Body.indent: a block quote. */
  private bodyIndent(m: Machine): void {
    const r = m.getIndented();
    pushAll(m.node.children, this.blockQuote(r.indented, r.offset));
    if (!r.blankFinish) m.node.children.push(this.unindentWarning(m, 'Block quote'));
  }

  blockQuote(indented: SourceLines, lineOffset: number): DNode[] {
    const elements: DNode[] = [];
    let block = indented;
    while (block.lines.length) {
      const bq = el('block_quote');
      const split = splitAttribution(block);
      const content = split ? sliceSL(block, 0, split.start) : block;
      this.nestedParse(content, lineOffset, bq);
      elements.push(bq);
      if (!split) break;
      const attrLines = split.lines;
      const text = pyRstrip(attrLines.join('\n'));
      const r = this.inline(text, lineOffset + split.start + 1);
      bq.children.push(el('attribution', [], r.text));
      pushAll(elements, r.messages);
      lineOffset += split.end;
      block = sliceSL(block, split.end, block.lines.length);
      while (block.lines.length && !block.lines[0]) {
        block = sliceSL(block, 1, block.lines.length);
        lineOffset += 1;
      }
    }
    return elements;
  }

  private bullet(m: Machine, match: RegExpExecArray): void {
    const list = el('bullet_list');
    list.attrs = { bullet: (m.line ?? '')[0] };
    m.node.children.push(list);
    const r = this.listItem(m, match[0].length);
    list.children.push(r.item);
    const lp = this.nestedListParse(m, list, 'BulletList', r.blankFinish);
    m.gotoLineSafe(lp.offset);
    if (!lp.blankFinish) m.node.children.push(this.unindentWarning(m, 'Bullet list'));
  }

  private listItem(m: Machine, indent: number): { item: DNode; blankFinish: boolean } {
    const line = m.line ?? '';
    let indented: SourceLines;
    let offset: number;
    let blankFinish: boolean;
    if (line.length > indent) {
      ({ indented, offset, blankFinish } = m.getKnownIndented(indent));
    } else {
      ({ indented, offset, blankFinish } = m.getFirstKnownIndented(indent));
    }
    const item = el('list_item');
    item.line = indented.lineNumbers[0] ?? m.realLine(m.lineOffset);
    if (indented.lines.length) this.nestedParse(indented, offset, item);
    return { item, blankFinish };
  }

  private isEnumeratedListItem(m: Machine, ordinal: number | null, sequence: string, format: string): boolean {
    if (ordinal === null) return false;
    const i = m.lineOffset + 1;
    if (i >= m.length) return true;
    const next = m.at(i);
    if (!next.slice(0, 1).trim() || isBlank(next.slice(0, 1))) return true;
    const r = makeEnumerator(ordinal + 1, sequence, format);
    if (r && (next.startsWith(r[0]) || next.startsWith(r[1]))) return true;
    return false;
  }

  private enumerator(m: Machine, match: RegExpExecArray): void {
    const e = parseEnumerator(match, null);
    if (!this.isEnumeratedListItem(m, e.ordinal, e.sequence, e.format)) throw new TransitionCorrection('text');
    const list = el('enumerated_list');
    list.attrs = { enumtype: e.sequence === '#' ? 'arabic' : e.sequence };
    m.node.children.push(list);
    const ordinal = e.ordinal ?? 1;
    if (ordinal !== 1) {
      m.node.children.push(
        this.report(1, `Enumerated list start value not ordinal-1: "${e.text}" (ordinal ${ordinal})`, { none: true }),
      );
    }
    const r = this.listItem(m, match[0].length);
    list.children.push(r.item);
    const lp = this.nestedListParse(m, list, 'EnumeratedList', r.blankFinish, {
      lastOrdinal: ordinal,
      format: e.format,
      auto: e.sequence === '#',
    });
    m.gotoLineSafe(lp.offset);
    if (!lp.blankFinish) m.node.children.push(this.unindentWarning(m, 'Enumerated list'));
  }

  private enumeratedListItem(m: Machine, st: RunState, match: RegExpExecArray): void {
    const enumtype = (m.node.attrs?.enumtype as string | undefined) ?? 'arabic';
    const e = parseEnumerator(match, enumtype);
    if (
      e.format !== st.format ||
      (e.sequence !== '#' && (e.sequence !== enumtype || st.auto || e.ordinal !== st.lastOrdinal + 1)) ||
      !this.isEnumeratedListItem(m, e.ordinal, e.sequence, e.format)
    ) {
      this.invalidInput(m);
    }
    if (e.sequence === '#') st.auto = true;
    const r = this.listItem(m, match[0].length);
    m.node.children.push(r.item);
    st.blankFinish = r.blankFinish;
    st.lastOrdinal = e.ordinal ?? 0;
  }

  private fieldMarker(m: Machine, match: RegExpExecArray): void {
    const list = el('field_list');
    m.node.children.push(list);
    const r = this.field(m, match, false);
    list.children.push(r.node);
    const lp = this.nestedListParse(m, list, 'FieldList', r.blankFinish);
    m.gotoLineSafe(lp.offset);
    if (!lp.blankFinish) m.node.children.push(this.unindentWarning(m, 'Field list'));
  }

  private field(m: Machine, match: RegExpExecArray, extension: boolean): { node: DNode; blankFinish: boolean } {
    const marker = match[0].slice(1);
    const name = marker.slice(0, marker.lastIndexOf(':'));
    const lineno = m.absLineNumber();
    const realLine = m.realLine(m.lineOffset);
    const r = m.getFirstKnownIndented(match[0].length);
    const nameInline = this.inline(name, lineno);
    const fieldNode = el('field');
    fieldNode.line = realLine;
    const body = el('field_body', [...nameInline.messages]);
    fieldNode.children.push(el('field_name', [], nameInline.text), body);
    if (r.indented.lines.length) {
      if (extension) {
        let lines: string[] = [];
        for (const line of [...r.indented.lines, '']) {
          if (!isBlank(line)) lines.push(line);
          else if (lines.length) {
            body.children.push(el('paragraph', [], lines.join('\n')));
            lines = [];
          }
        }
      } else this.nestedParse(r.indented, r.offset, body);
    }
    return { node: fieldNode, blankFinish: r.blankFinish };
  }

  private optionMarker(m: Machine, match: RegExpExecArray): void {
    const r = this.optionListItem(m, match);
    if (r === null) throw new TransitionCorrection('text');
    const list = el('option_list');
    m.node.children.push(list);
    list.children.push(r.node);
    const lp = this.nestedListParse(m, list, 'OptionList', r.blankFinish);
    m.gotoLineSafe(lp.offset);
    if (!lp.blankFinish) m.node.children.push(this.unindentWarning(m, 'Option list'));
  }

  private optionListItem(m: Machine, match: RegExpExecArray): { node: DNode; blankFinish: boolean } | null {
    const offset = m.absLineOffset();
    const optionText = pyRstrip(match[0]);
    const r = m.getFirstKnownIndented(match[0].length);
    if (!r.indented.lines.length) {
      m.gotoLineSafe(offset);
      return null;
    }
    const options = optionText.split(', ').map((o) => el('option', [], o.trim()));
    const group = el('option_group', options);
    group.text = options.map((o) => o.text ?? '').join(', ');
    const description = el('description');
    this.nestedParse(r.indented, r.offset, description);
    return { node: el('option_list_item', [group, description]), blankFinish: r.blankFinish };
  }

  private lineBlock(m: Machine, match: RegExpExecArray): void {
    const block = el('line_block');
    block.attrs = { parentNode: m.node };
    m.node.children.push(block);
    const lineno = m.absLineNumber();
    const r = this.lineBlockLine(m, match, lineno);
    block.children.push(r.line);
    pushAll(m.node.children, r.messages);
    let blankFinish = r.blankFinish;
    if (!blankFinish) {
      const lp = this.nestedListParse(m, block, 'LineBlock', false);
      m.gotoLineSafe(lp.offset);
      blankFinish = lp.blankFinish;
    }
    if (!blankFinish) m.node.children.push(this.report(2, 'Line block ends without a blank line.', { abs: lineno + 1 }));
    if (block.children.length) nestLineBlock(block);
  }

  private lineBlockLine(m: Machine, match: RegExpExecArray, lineno: number): { line: DNode; messages: DNode[]; blankFinish: boolean } {
    const full = m.line ?? '';
    const r = m.getFirstKnownIndented(match[0].length, true);
    const text = r.indented.lines.join('\n');
    const inl = this.inline(text, lineno);
    const line = el('line', [], inl.text);
    if (pyRstrip(full) !== '|') line.attrs = { indent: (match[1] ?? '').length - 1 };
    return { line, messages: inl.messages, blankFinish: r.blankFinish };
  }

  private explicitList(m: Machine, blankFinish: boolean): void {
    const lp = this.nestedListParse(m, m.node, 'Explicit', blankFinish, undefined, m.matchTitles);
    m.gotoLineSafe(lp.offset);
    if (!lp.blankFinish) m.node.children.push(this.unindentWarning(m, 'Explicit markup'));
  }

  private anonymousTarget(m: Machine, match: RegExpExecArray): { nodes: DNode[]; blankFinish: boolean } {
    const r = m.getFirstKnownIndented(match[0].length, true);
    const target = el('target');
    target.attrs = { anonymous: true };
    void r;
    return { nodes: [target], blankFinish: r.blankFinish };
  }

  private bodyLine(m: Machine, line: string): [string[], StateName] {
    if (m.matchTitles) return [[line], 'Line'];
    const stripped = pyStrip(line);
    if (stripped === '::') throw new TransitionCorrection('text');
    if (stripped.length < 4) {
      m.node.children.push(
        this.report(
          1,
          "Unexpected possible title overline or transition.\nTreating it as ordinary text because it's so short.",
          { abs: m.absLineNumber() },
        ),
      );
      throw new TransitionCorrection('text');
    }
    m.node.children.push(this.report(4, 'Unexpected section title or transition.', { abs: m.absLineNumber() }));
    return [[], 'Body'];
  }

  // ------------------------------------------------------------ tables
  private tableTop(m: Machine, kind: 'grid' | 'simple'): void {
    const r = this.table(m, kind);
    pushAll(m.node.children, r.nodes);
    if (!r.blankFinish && r.blankMessage) m.node.children.push(r.blankMessage);
  }

  /**
   * Body.table: isolate the table (grid-table.ts / simple-table.ts), parse
   * every cell as a nested document, build the table node.
   */
  table(m: Machine, kind: 'grid' | 'simple'): { nodes: DNode[]; blankFinish: boolean; blankMessage: DNode | null } {
    const start = m.base + m.lineOffset;
    const firstAbs = m.absLineNumber();
    const firstReal = m.realLine(m.lineOffset);
    const delta = firstAbs - firstReal;
    let scan: TableScan;
    try {
      scan = kind === 'grid' ? scanGridTable(m.src, start) : scanSimpleTable(m.src, start);
    } catch {
      // a structure parser bug must not take the document down
      const node = this.report(3, 'Malformed table.', { abs: firstAbs });
      m.lineOffset = m.lineOffset + Math.max(0, trimEndBlank(sliceSL(m.src, start, m.src.lines.length)).lines.length - 1);
      return { nodes: [node], blankFinish: true, blankMessage: null };
    }
    // move the machine to the table's last line (the scanner says where to continue)
    const nextLocal = scan.next - m.base;
    m.lineOffset = nextLocal - 1;
    m.line = m.lineOffset >= 0 && m.lineOffset < m.length ? m.at(m.lineOffset) : null;
    const before: DNode[] = [];
    let blankMessage: DNode | null = null;
    for (const msg of scan.messages) {
      if (msg.ruleId === 'blank-line-after-table' || msg.message.startsWith('Blank line required after table.')) continue;
      const realLined = msg.message.startsWith('Unexpected indentation.');
      before.push(this.adopt(msg, realLined ? { real: msg.line } : { abs: msg.line + delta }));
    }
    const nodes: DNode[] = [];
    if (scan.table) {
      const t = scan.table;
      const tableNode = el('table');
      const tgroup = el('tgroup');
      tableNode.children.push(tgroup);
      const cells: CellData[] = [];
      const tableLineAbs = firstAbs;
      const tableFirstReal = m.src.lineNumbers[t.firstLine] ?? firstReal;
      for (const cell of t.cells) {
        const entry = el('entry');
        const content = cell.content;
        if (content.lines.some((l) => l.length > 0)) {
          const offset = (content.lineNumbers[0] ?? tableFirstReal) - tableFirstReal;
          this.nestedParse(content, tableLineAbs + offset, entry);
        }
        cells.push({
          row: cell.row,
          col: cell.col,
          rowspan: cell.rowspan,
          colspan: cell.colspan,
          entry,
          position: contentPosition(content),
        });
        tgroup.children.push(entry);
      }
      const data: TableData = {
        kind: t.kind,
        line: firstReal,
        directiveLine: null,
        title: null,
        headerRows: t.headerRows,
        columns: t.columns,
        rows: t.rows,
        colwidths: [...t.colwidths],
        stubColumns: 0,
        cells,
        position: {
          start: { line: m.src.lineNumbers[t.firstLine] ?? firstReal, column: m.src.columns[t.firstLine] ?? 1 },
          end: {
            line: m.src.lineNumbers[t.lastLine] ?? firstReal,
            column: (m.src.columns[t.lastLine] ?? 1) + (m.src.lines[t.lastLine] ?? '').length,
          },
        },
      };
      tableNode.table = data;
      nodes.push(tableNode);
    }
    pushAll(nodes, before);
    for (const msg of scan.messages) {
      if (msg.ruleId === 'blank-line-after-table' || msg.message.startsWith('Blank line required after table.')) {
        blankMessage = this.adopt(msg, { abs: msg.line + delta });
      }
    }
    return { nodes, blankFinish: scan.blankFinish, blankMessage };
  }

  // ------------------------------------------------------------- text
  private checkTextLine(
    m: Machine,
    state: 'Text' | 'Definition' | 'Line',
    st: RunState,
    context: string[],
    line: string,
    transitions: BodyTransition[] | null,
  ): [string[], StateName] {
    const isBlankLine = transitions === null && line.length === 0;
    const isIndent = transitions === null && !isBlankLine && line.charCodeAt(0) === 32;
    const isUnderline = transitions === null && !isIndent && line.length > 0 && PATTERNS.line.test(line);
    if (state === 'Definition') {
      if (isIndent) {
        const r = this.definitionListItem(m, context);
        m.node.children.push(r.item);
        st.blankFinish = r.blankFinish;
        return [[], 'DefinitionList'];
      }
      throw EOF;
    }
    if (state === 'Line') {
      if (isBlankLine) return this.lineBlank(m, context);
      if (isUnderline) return this.lineUnderline(m, context);
      return this.lineText(m, st, context, line);
    }
    // Text
    if (isBlankLine) {
      this.textBlank(m, context);
      return [[], 'Body'];
    }
    if (isIndent) {
      this.textIndent(m, context);
      return [[], 'Body'];
    }
    if (isUnderline) return this.textUnderline(m, context, line);
    this.textText(m, context);
    return [[], 'Body'];
  }

  /** RSTState.paragraph: paragraph + messages, and whether a literal block follows. */
  private paragraph(lines: string[], lineno: number, realLine: number, column: number): { nodes: DNode[]; literalNext: boolean } {
    const data = pyRstrip(lines.join('\n'));
    let text: string;
    let literalNext = false;
    if (data.endsWith('::') && ENDS_WITH_LITERAL_MARKER.test(data)) {
      if (data.length === 2) return { nodes: [], literalNext: true };
      const c = data[data.length - 3];
      text = c === ' ' || c === '\n' ? pyRstrip(data.slice(0, -3)) : data.slice(0, -1);
      literalNext = true;
    } else text = data;
    const r = this.inline(text, lineno, { line: realLine, column });
    const p = el('paragraph', [], r.text);
    p.line = realLine;
    return { nodes: [p, ...r.messages], literalNext };
  }

  private textBlank(m: Machine, context: string[]): void {
    const lineno = m.absLineNumber() - 1;
    const p = this.paragraph(context, lineno, m.realLine(m.lineOffset - 1), m.column(m.lineOffset - 1));
    pushAll(m.node.children, p.nodes);
    if (p.literalNext) pushAll(m.node.children, this.literalBlock(m));
  }

  private textText(m: Machine, context: string[]): void {
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
      msg = this.report(3, 'Unexpected indentation.', { real: e.line });
    }
    const p = this.paragraph([...context, ...block.lines], startline, realStart, column);
    pushAll(m.node.children, p.nodes);
    if (msg) m.node.children.push(msg);
    if (p.literalNext) {
      try {
        m.nextLine();
      } catch (e) {
        if (e !== EOF) throw e;
      }
      pushAll(m.node.children, this.literalBlock(m));
    }
  }

  /** Text.literal_block. */
  private literalBlock(m: Machine): DNode[] {
    const r = m.getIndented();
    const indented = trimEndBlank(r.indented);
    if (!indented.lines.length) return this.quotedLiteralBlock(m);
    const data = indented.lines.join('\n');
    const lb = el('literal_block', [], data);
    lb.line = indented.lineNumbers[0] ?? 0;
    const out = [lb];
    if (!r.blankFinish) out.push(this.unindentWarning(m, 'Literal block'));
    return out;
  }

  private quotedLiteralBlock(m: Machine): DNode[] {
    const absLineOffset = m.absLineOffset();
    const parent = el('element');
    const nm = new Machine(m.src, m.base + Math.max(m.lineOffset, 0), absLineOffset, false, parent);
    this.run(nm, 'QuotedLiteralBlock');
    m.gotoLineSafe(nm.absLineOffset());
    return parent.children;
  }

  private checkQuoted(m: Machine, st: RunState, context: string[], line: string): [string[], StateName] {
    if (line.length === 0) {
      if (context.length) throw EOF;
      return [context, 'QuotedLiteralBlock'];
    }
    if (line.charCodeAt(0) === 32) {
      st.qlbMessages.push(this.report(3, 'Unexpected indentation.', { abs: m.absLineNumber() }));
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
      st.qlbMessages.push(this.report(3, 'Inconsistent literal block quoting.', { abs: m.absLineNumber() }));
      m.previousLine();
    }
    throw EOF;
  }

  private qlbEof(m: Machine, st: RunState, context: string[]): void {
    if (context.length) {
      const lb = el('literal_block', [], context.join('\n'));
      lb.line = st.qlbInitialLine ?? 0;
      m.node.children.push(lb);
    } else {
      m.node.children.push(this.report(2, 'Literal block expected; none found.', { abs: m.absLineNumber() }));
      m.previousLine();
    }
    pushAll(m.node.children, st.qlbMessages);
  }

  /** Text.indent: a definition list. */
  private textIndent(m: Machine, context: string[]): void {
    const list = el('definition_list');
    const r = this.definitionListItem(m, context);
    list.children.push(r.item);
    m.node.children.push(list);
    const lp = this.nestedListParse(m, list, 'DefinitionList', r.blankFinish);
    m.gotoLineSafe(lp.offset);
    if (!lp.blankFinish) m.node.children.push(this.unindentWarning(m, 'Definition list'));
  }

  private definitionListItem(m: Machine, termline: string[]): { item: DNode; blankFinish: boolean } {
    const r = m.getIndented();
    const item = el('definition_list_item');
    const lineno = m.absLineNumber() - 1;
    const term = termline[0] ?? '';
    const inl = this.inline(term, lineno);
    const parts = inl.text.split(/ +: +/);
    item.children.push(el('term', [], (parts.length > 1 ? pyRstrip(parts[0] ?? '') : parts[0]) ?? ''));
    for (const part of parts.slice(1)) item.children.push(el('classifier', [], part));
    const definition = el('definition', [...inl.messages]);
    item.children.push(definition);
    if (term.endsWith('::')) {
      definition.children.push(
        this.report(
          1,
          'Blank line missing before literal block (after the "::")? Interpreted as a definition list item.',
          { abs: lineno + 1 },
        ),
      );
    }
    this.nestedParse(r.indented, r.offset, definition);
    return { item, blankFinish: r.blankFinish };
  }

  /** Text.underline: a section title (or an error where titles are not allowed). */
  private textUnderline(m: Machine, context: string[], line: string): [string[], StateName] {
    const lineno = m.absLineNumber();
    const title = pyRstrip(context[0] ?? '');
    const underline = pyRstrip(line);
    const source = title + '\n' + underline;
    const messages: DNode[] = [];
    if (columnWidth(title) > underline.length) {
      if (underline.length < 4) {
        if (m.matchTitles) {
          m.node.children.push(
            this.report(
              1,
              "Possible title underline, too short for the title.\nTreating it as ordinary text because it's so short.",
              { abs: lineno },
            ),
          );
        }
        throw new TransitionCorrection('text');
      }
      messages.push(this.report(2, 'Title underline too short.', { abs: lineno }));
    }
    if (!m.matchTitles) {
      const msg = this.report(4, 'Unexpected section title.', { real: m.realLine(m.lineOffset) });
      pushAll(m.node.children, messages);
      m.node.children.push(msg);
      return [[], 'Body'];
    }
    const style = underline[0] ?? '=';
    context.length = 0;
    this.section(m, title, source, style, lineno - 1, messages);
    return [[], 'Body'];
  }

  // ---------------------------------------------------------- sections
  private section(m: Machine, title: string, source: string, style: string, lineno: number, messages: DNode[]): void {
    if (this.checkSubsection(m, source, style, lineno)) this.newSubsection(m, title, lineno, messages);
  }

  private checkSubsection(m: Machine, source: string, style: string, lineno: number): boolean {
    const level = this.titleStyles.indexOf(style) + 1;
    const mylevel = this.sectionLevel;
    if (level === 0) {
      if (this.titleStyles.length === this.sectionLevel) {
        this.titleStyles.push(style);
        return true;
      }
      m.node.children.push(this.report(4, 'Title level inconsistent:', { abs: lineno }));
      void source;
      return false;
    }
    if (level <= mylevel) {
      this.sectionLevel = level;
      if (style.length === 2) this.sectionBubbleUpKludge = true;
      m.previousLine(style.length + 1);
      throw EOF;
    }
    if (level === mylevel + 1) return true;
    m.node.children.push(this.report(4, 'Title level inconsistent:', { abs: lineno }));
    return false;
  }

  private newSubsection(m: Machine, title: string, lineno: number, messages: DNode[]): void {
    const mylevel = this.sectionLevel;
    this.sectionLevel += 1;
    const section = el('section');
    section.line = m.realLine(m.lineOffset);
    m.node.children.push(section);
    const inl = this.inline(title, lineno);
    const name = pyCollapse(inl.text).toLowerCase();
    section.attrs = { names: [name], title: inl.text, titleLine: lineno };
    section.children.push(el('title', [], inl.text), ...messages, ...inl.messages);
    this.noteImplicitTarget(section, section, { real: section.line });
    const offset = m.lineOffset + 1;
    const absoffset = m.absLineOffset() + 1;
    const nm = new Machine(m.src, m.base + offset, absoffset, true, section);
    this.run(nm, 'Body');
    m.gotoLineSafe(nm.absLineOffset());
    section.attrs.endLine = m.realLine(Math.min(m.lineOffset, m.length - 1));
    if (this.sectionLevel <= mylevel) throw EOF;
    this.sectionLevel = mylevel;
  }

  // -------------------------------------------------------------- Line
  private stateCorrection(m: Machine, context: string[], lines = 1): never {
    m.previousLine(lines);
    context.length = 0;
    throw new StateCorrection('Body', 'text');
  }

  private lineEof(m: Machine, st: RunState, context: string[]): void {
    const marker = pyStrip(context[0] ?? '');
    if (this.sectionBubbleUpKludge) this.sectionBubbleUpKludge = false;
    else if (marker.length < 4) this.stateCorrection(m, context);
    if (st.eofcheck) m.node.children.push(el('transition'));
    st.eofcheck = true;
  }

  private lineBlank(m: Machine, context: string[]): [string[], StateName] {
    const marker = pyStrip(context[0] ?? '');
    if (marker.length < 4) this.stateCorrection(m, context);
    m.node.children.push(el('transition'));
    return [[], 'Body'];
  }

  private shortOverline(m: Machine, context: string[], lineno: number, lines = 1): never {
    m.node.children.push(
      this.report(
        1,
        "Possible incomplete section title.\nTreating the overline as ordinary text because it's so short.",
        { abs: lineno },
      ),
    );
    this.stateCorrection(m, context, lines);
  }

  private lineText(m: Machine, st: RunState, context: string[], titleLine: string): [string[], StateName] {
    const lineno = m.absLineNumber() - 1;
    let overline = context[0] ?? '';
    let underline = '';
    try {
      underline = m.nextLine();
    } catch (e) {
      if (e !== EOF) throw e;
      if (pyRstrip(overline).length < 4) this.shortOverline(m, context, lineno, 2);
      m.node.children.push(this.report(4, 'Incomplete section title.', { abs: lineno }));
      return [[], 'Body'];
    }
    const source = `${overline}\n${titleLine}\n${underline}`;
    overline = pyRstrip(overline);
    underline = pyRstrip(underline);
    if (!PATTERNS.line.test(underline)) {
      if (overline.length < 4) this.shortOverline(m, context, lineno, 2);
      m.node.children.push(this.report(4, 'Missing matching underline for section title overline.', { abs: lineno }));
      return [[], 'Body'];
    } else if (overline !== underline) {
      if (overline.length < 4) this.shortOverline(m, context, lineno, 2);
      m.node.children.push(this.report(4, 'Title overline & underline mismatch.', { abs: lineno }));
      return [[], 'Body'];
    }
    const title = pyRstrip(titleLine);
    const messages: DNode[] = [];
    if (columnWidth(title) > overline.length) {
      if (overline.length < 4) this.shortOverline(m, context, lineno, 2);
      messages.push(this.report(2, 'Title overline too short.', { abs: lineno }));
    }
    const style = (overline[0] ?? '') + (underline[0] ?? '');
    st.eofcheck = false;
    this.section(m, title.replace(/^\s+/, ''), source, style, lineno + 1, messages);
    st.eofcheck = true;
    return [[], 'Body'];
  }

  private lineUnderline(m: Machine, context: string[]): [string[], StateName] {
    const overline = context[0] ?? '';
    const lineno = m.absLineNumber() - 1;
    if (pyRstrip(overline).length < 4) this.shortOverline(m, context, lineno, 1);
    m.node.children.push(this.report(3, 'Invalid section title or transition marker.', { abs: lineno }));
    return [[], 'Body'];
  }
}

// ------------------------------------------------------------------ helpers
function sliceSL(src: SourceLines, from: number, to: number): SourceLines {
  return {
    lines: src.lines.slice(from, to),
    lineNumbers: src.lineNumbers.slice(from, to),
    columns: src.columns.slice(from, to),
  };
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
    const ind = line.length - line.replace(/^\s+/, '').length;
    if (indent === null) indent = ind;
    else if (ind !== indent) return null;
  }
  if (!broke) i = lines.length;
  return { end: i, indent: indent ?? 0 };
}

/** Body.nest_line_block_lines / nest_line_block_segment. */
function nestLineBlock(block: DNode): void {
  let prev = 0;
  for (let i = 0; i < block.children.length; i++) {
    const child = block.children[i];
    if (!child) continue;
    const indent = child.attrs?.indent as number | undefined;
    if (indent === undefined) child.attrs = { ...child.attrs, indent: i === 0 ? 0 : prev };
    prev = child.attrs?.indent as number;
  }
  nestSegment(block);
}

function nestSegment(block: DNode): void {
  let least = Infinity;
  for (const c of block.children) least = Math.min(least, (c.attrs?.indent as number) ?? 0);
  const items: DNode[] = [];
  let nb = el('line_block');
  for (const item of block.children) {
    if (((item.attrs?.indent as number) ?? 0) > least) nb.children.push(item);
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

/** A cell's position: first content character to the end of its last content line. */
function contentPosition(content: SourceLines): Position {
  let first = -1;
  let last = -1;
  for (let i = 0; i < content.lines.length; i++) {
    if ((content.lines[i] ?? '').length) {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (first < 0) {
    const line = content.lineNumbers[0] ?? 1;
    const col = content.columns[0] ?? 1;
    const endLine = content.lineNumbers[content.lines.length - 1] ?? line;
    return { start: { line, column: col }, end: { line: endLine, column: col } };
  }
  const fl = content.lines[first] ?? '';
  const lead = fl.length - fl.replace(/^ +/, '').length;
  return {
    start: { line: content.lineNumbers[first] ?? 1, column: (content.columns[first] ?? 1) + lead },
    end: {
      line: content.lineNumbers[last] ?? 1,
      column: (content.columns[last] ?? 1) + (content.lines[last] ?? '').length,
    },
  };
}

/**
 * Appends `items` to `target` one by one: `target.push(...items)` passes every
 * item as an argument and overflows the call stack past ~100,000 items (a
 * page of 140,000 line-block lines did).
 */
function pushAll<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}
