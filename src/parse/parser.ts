/**
 * The block parser: a port of docutils' reStructuredText body parser
 * (parsers/rst/states.py and the indentation logic of statemachine.py),
 * reduced to what rst-codegen needs: find every table where docutils finds
 * one, read every cell as docutils' `nested_parse` does, and report every
 * system message docutils reports, with the same level, line and text.
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
 * This file is docutils' `StateMachine.run` and the dispatch of each line
 * to its state's transition; the transitions live in one module per state
 * family (states/*.ts), the directives in directives/*.ts, and both reach
 * the parse only through `ParserContext` (context.ts), which `BlockParser`
 * implements. The output is an internal tree of `DNode`s (docutils' tag
 * names), which `index.ts` turns into the public `RstRoot`. Everything here
 * is pure: text in, tree and messages out; bad input yields system
 * messages, never throws.
 */
import { EOF, Machine, StateCorrection, TransitionCorrection, el, type DNode } from './block-machine.js';
import type { LineSpec, NextState, ParserContext, RunState, SectionMemo, StateName } from './context.js';
import { pyRstrip } from './block-text.js';
import { inlineText, mayHoldMarkup } from './inline.js';
import type { SourceLines } from './lines.js';
import { Reporter } from './reporter.js';
import { bodyIndent, bodyLine, doctest, invalidInput, lineBlock, lineBlockItem } from './states/body.js';
import { anonymous, explicitMarkup } from './states/explicit.js';
import { bullet, bulletListItem, enumeratedListItem, enumerator, fieldListItem, fieldMarker, optionListNext, optionMarker } from './states/lists.js';
import { matchBody, SPECIALIZED, type BodyTransition } from './states/patterns.js';
import { lineEof } from './states/sections.js';
import { tableTop } from './states/tables.js';
import { quotedEof, quotedState, textBlank, textState } from './states/text.js';
import { NameTable } from './targets.js';
import type { ParseRuleArgs, ParseRuleId } from './rules.js';
import type { SystemMessage } from './types.js';

/**
 * The deepest nesting of state machine runs read (docutils itself fails at
 * 108 to 163 levels, by construct; see `BlockParser.tooDeep`).
 */
export const MAX_NESTING = 200;

/** One parse of one document: docutils' `memo`, reporter and name tables, and the state machine runs. */
export class BlockParser implements ParserContext {
  /** Roles docutils looked up and did not know (as written; the oracle's `unknown_roles`). */
  readonly unknownRoles = new Set<string>();
  readonly unknownDirectives = new Set<string>();
  readonly memo: SectionMemo = { titleStyles: [], sectionLevel: 0, sectionBubbleUpKludge: false };
  /** Document mode (`fromRst(text, { document: true })`): see `ParserContext.doc`. */
  doc = false;
  /** In document mode, whether grid and simple table cells keep their spans too (not when no cell is converted: `cellBlocks: false`). */
  cellSpans = true;
  /** Called by `tableDone` (see `ParserContext.tableDone`). */
  onTable: ((node: DNode) => void) | null = null;
  private readonly reporter: Reporter;
  private readonly names: NameTable;

  constructor(
    private readonly lines: SourceLines,
    readonly path: string,
  ) {
    this.reporter = new Reporter(lines);
    this.names = new NameTable(this.reporter);
  }

  /** Every system message, in document order. */
  get messages(): SystemMessage[] {
    return this.reporter.messages;
  }

  report<Id extends ParseRuleId>(id: Id, args: ParseRuleArgs[Id], spec: LineSpec, extra?: DNode[]): DNode {
    return this.reporter.report(id, args, spec, extra);
  }

  adopt(message: SystemMessage, spec?: LineSpec): DNode {
    return this.reporter.adopt(message, spec);
  }

  /** The reporter's per-page message limit, asked by the inline parser before it builds a message. */
  private readonly admit = (id: string, line: number, column: number): boolean => this.reporter.admit(id, line, column);

  inline(text: string, absLine: number, real?: { line: number; column: number; lineColumns?: readonly number[] }): { text: string; messages: DNode[] } {
    // most text blocks (table cells: "String", "Yes") hold no markup: as they are, without building the options
    if (!mayHoldMarkup(text)) return { text, messages: [] };
    const r = inlineText(text, {
      line: real?.line ?? absLine,
      column: real?.column ?? 1,
      messageLine: this.reporter.finalLine({ abs: absLine }),
      currentLine: this.reporter.finalLine({ none: true }),
      ...(real?.lineColumns ? { lineColumns: real.lineColumns } : {}),
      admit: this.admit,
    });
    const messages = r.messages.map((msg) => this.reporter.adoptAdmitted(msg));
    for (const role of r.unknownRoles) this.unknownRoles.add(role);
    return { text: r.text, messages };
  }

  tableDone(node: DNode): void {
    this.onTable?.(node);
  }

  noteImplicitTarget(node: DNode, msgnode: DNode | null, line: LineSpec): void {
    this.names.noteImplicitTarget(node, msgnode, line);
  }

  noteExplicitTarget(node: DNode, msgnode: DNode | null, line: LineSpec): void {
    this.names.noteExplicitTarget(node, msgnode, line);
  }

  // ------------------------------------------------------------- runs
  /** Parses the whole document (RSTStateMachine.run) into `doc`, which a caller may watch grow (see `onTable`). */
  parseDocument(doc: DNode = el('document')): DNode {
    const m = new Machine(this.lines, 0, 0, true, doc);
    this.reporter.root = m;
    this.run(m, 'Body');
    this.reporter.finish();
    return doc;
  }

  nestedParseCell(block: SourceLines, inputOffset: number, node: DNode): void {
    const doc = this.doc;
    if (!this.cellSpans) this.doc = false;
    try {
      if (!this.oneLineCell(block, inputOffset, node)) this.nestedParse(block, inputOffset, node);
    } finally {
      this.doc = doc;
    }
  }

  /**
   * Most cells: one line of text (not indented, no literal block announced),
   * then only empty lines. The state machine would take Body's text
   * transition, then Text's blank line or end of input: one paragraph
   * (`textBlank` with the machine on the line after the text). That is done
   * here without running the machine; false (nothing done) for any other cell.
   */
  private oneLineCell(block: SourceLines, inputOffset: number, node: DNode): boolean {
    const lines = block.lines;
    const first = lines[0];
    if (first === undefined || first.length === 0 || first.charCodeAt(0) === 32 || this.depth >= MAX_NESTING) return false;
    for (let i = 1; i < lines.length; i++) if ((lines[i] as string).length !== 0) return false;
    if (pyRstrip(first).endsWith('::') || matchBody(first, null).name !== 'text') return false;
    const m = new Machine(block, 0, inputOffset, false, node);
    m.lineOffset = 1;
    m.line = lines.length > 1 ? '' : null;
    textBlank(this, m, [first]);
    exactChildren(node);
    return true;
  }

  nestedParse(block: SourceLines, inputOffset: number, node: DNode): void {
    this.run(new Machine(block, 0, inputOffset, false, node), 'Body');
    exactChildren(node);
  }

  nestedListParse(
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

  listParseBlock(block: SourceLines, node: DNode, initial: StateName): { offset: number; blankFinish: boolean } {
    const m = new Machine(block, 0, 0, false, node);
    const st = this.run(m, initial, { blankFinish: true });
    return { offset: m.absLineOffset(), blankFinish: st.blankFinish };
  }

  /** How many state machine runs are active (each nested block, list, directive body or table cell adds one). */
  private depth = 0;

  /** StateMachine.run with docutils' exception protocol (EOF, TransitionCorrection, StateCorrection). */
  run(m: Machine, initial: StateName, preset?: Partial<RunState>): RunState {
    if (this.depth >= MAX_NESTING) return this.tooDeep(m, preset);
    this.depth++;
    try {
      return this.runMachine(m, initial, preset);
    } finally {
      this.depth--;
    }
  }

  /**
   * docutils 0.19 has no nesting limit of its own: past about 160 nested list
   * items or block quotes (100 nested directives) Python's recursion limit
   * stops the whole parse with "RecursionError: maximum recursion depth
   * exceeded". Here the machine that would go one level deeper is not run:
   * one severe message at its first line, its lines consumed, the rest of
   * the document read on.
   */
  private tooDeep(m: Machine, preset?: Partial<RunState>): RunState {
    let first = 0;
    while (first < m.length && m.at(first).trim() === '') first++;
    // nothing to read (the rest of a list after its last item): nothing lost, no message
    if (first < m.length) m.node.children.push(this.report('nesting-too-deep', { max: MAX_NESTING }, { real: m.realLine(first) }));
    m.lineOffset = m.length - 1;
    return freshRunState(preset);
  }

  private runMachine(m: Machine, initial: StateName, preset?: Partial<RunState>): RunState {
    const st: RunState = freshRunState(preset);
    let state: StateName = initial;
    let context: string[] = [];
    let transitions: BodyTransition[] | null = null;
    // safety net: a correct port visits each line a few times at most
    let budget = (m.length + 1) * 16 + 64;
    for (;;) {
      if (--budget < 0) {
        m.node.children.push(this.report('parser-stalled', {}, { abs: m.absLineNumber() }));
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

  /** State.eof of each state. */
  private eof(m: Machine, state: StateName, st: RunState, context: string[]): void {
    switch (state) {
      case 'Text':
        if (context.length) textBlank(this, m, context);
        return;
      case 'Definition':
        m.previousLine(2);
        return;
      case 'Line':
        lineEof(this, m, st, context);
        return;
      case 'QuotedLiteralBlock':
        quotedEof(this, m, st, context);
        return;
      default:
        return;
    }
  }

  /** State.check_line: the current line through the current state's transitions. */
  private checkLine(m: Machine, state: StateName, st: RunState, context: string[], transitions: BodyTransition[] | null): NextState {
    const line = m.line ?? '';
    if (state === 'Text' || state === 'Definition' || state === 'Line') {
      return textState(this, m, state, st, context, line, transitions !== null);
    }
    if (state === 'QuotedLiteralBlock') return quotedState(this, m, st, context, line);
    // Body and specialized body states: whitespace transitions first
    if (transitions === null) {
      if (line.length === 0) {
        if (state === 'Explicit' || state === 'LineBlock') invalidInput(m);
        return [context, state];
      }
      if (line.charCodeAt(0) === 32) {
        if (state !== 'Body') invalidInput(m);
        bodyIndent(this, m);
        return [context, state];
      }
    }
    const { name, m: match } = matchBody(line, transitions);
    const special = SPECIALIZED[state];
    if (special !== undefined && name !== special) invalidInput(m);
    return this.bodyTransition(m, state, st, name, match as RegExpExecArray, line);
  }

  /** The body transition `name` in `state` (a specialized state reads the next item of its construct). */
  private bodyTransition(m: Machine, state: StateName, st: RunState, name: BodyTransition, match: RegExpExecArray, line: string): NextState {
    switch (name) {
      case 'bullet':
        if (state === 'BulletList') bulletListItem(this, m, st, match);
        else bullet(this, m, match);
        break;
      case 'enumerator':
        if (state === 'EnumeratedList') enumeratedListItem(this, m, st, match);
        else enumerator(this, m, match);
        break;
      case 'field_marker':
        if (state === 'FieldList' || state === 'ExtensionOptions') fieldListItem(this, m, st, match, state === 'ExtensionOptions');
        else fieldMarker(this, m, match);
        break;
      case 'option_marker':
        if (state === 'OptionList') optionListNext(this, m, st, match);
        else optionMarker(this, m, match);
        break;
      case 'doctest':
        doctest(this, m);
        break;
      case 'line_block':
        if (state === 'LineBlock') lineBlockItem(this, m, st, match);
        else lineBlock(this, m, match);
        break;
      case 'grid_table_top':
      case 'simple_table_top':
        tableTop(this, m, name === 'grid_table_top' ? 'grid' : 'simple');
        break;
      case 'explicit_markup':
        explicitMarkup(this, m, st, line, state === 'Explicit');
        break;
      case 'anonymous':
        anonymous(this, m, st, match, state === 'Explicit');
        break;
      case 'line':
        return bodyLine(this, m, line);
      case 'text':
        return [[line], state === 'DefinitionList' ? 'Definition' : 'Text'];
    }
    return [[], state];
  }
}

/** A state machine run's state before its first line: docutils' defaults, then `preset`. */
function freshRunState(preset?: Partial<RunState>): RunState {
  return {
    blankFinish: true,
    lastOrdinal: 0,
    format: '',
    auto: false,
    eofcheck: true,
    qlbMessages: [],
    qlbInitialLine: null,
    qlbQuote: null,
    messageParent: null,
    ...preset,
  };
}

/**
 * An array grown by push keeps room for 17 elements (152 bytes); most nested
 * blocks (table cells, list items) hold one paragraph: keep them exact.
 */
function exactChildren(node: DNode): void {
  const n = node.children.length;
  if (n > 0 && n < 16) node.children = node.children.slice();
}
