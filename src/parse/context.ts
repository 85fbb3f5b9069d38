/**
 * The parser context: what every state family (`states/*.ts`) and every
 * directive (`directives/*.ts`) may ask of the one parse of one document.
 * docutils hands its states and directives the same things as attributes
 * (`self.state_machine`, `self.memo`, `self.reporter`, `self.document`);
 * here they are one interface, implemented by `BlockParser` (parser.ts), so
 * the states and the directives depend on this file and never on the parser
 * or on each other's callers: no import cycle.
 *
 *   parser.ts ──implements──▶ ParserContext ◀──takes── states/*, directives/*
 *       └──dispatches to──▶ states/* ──▶ directives/* (explicit markup)
 */
import type { DNode, Machine } from './block-machine.js';
import type { SourceLines } from './lines.js';
import type { ParseRuleArgs, ParseRuleId } from './rules.js';
import type { SystemMessage } from './types.js';

/** How docutils determines a message's line: an absolute line offset, a real source line, or "the current line". */
export type LineSpec = { abs: number } | { real: number } | { none: true };

/** docutils' state classes (states.py) this port runs. */
export type StateName =
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

/** Per-machine state attributes (docutils keeps them on the State objects). */
export interface RunState {
  blankFinish: boolean;
  /** EnumeratedList: the last item's ordinal, the list's format, and whether `#` was used. */
  lastOrdinal: number;
  format: string;
  auto: boolean;
  /** Line: whether a transition is added at the end of input. */
  eofcheck: boolean;
  /** QuotedLiteralBlock: messages, first line and quote character. */
  qlbMessages: DNode[];
  qlbInitialLine: number | null;
  qlbQuote: string | null;
  /** LineBlock: where a line's inline messages go (docutils' `self.parent.parent`). */
  messageParent: DNode | null;
}

/** docutils' `memo`: the section title styles seen so far and the current section level. */
export interface SectionMemo {
  titleStyles: string[];
  sectionLevel: number;
  sectionBubbleUpKludge: boolean;
}

interface InlineResult {
  text: string;
  messages: DNode[];
}

export interface ParserContext {
  /** The document's path (for `astext()` of system messages). */
  readonly path: string;
  /** Document mode: keep source spans (`DNode.pos`) and raw inline text (`DNode.inlineSrc`) for document.ts. */
  readonly doc: boolean;
  readonly memo: SectionMemo;
  /** Directives docutils looked up and did not know (as written). */
  readonly unknownDirectives: Set<string>;

  /** reporter.system_message: records rule `id`'s message (document order) and returns its node. */
  report<Id extends ParseRuleId>(id: Id, args: ParseRuleArgs[Id], spec: LineSpec, extra?: DNode[]): DNode;
  /** Adopts a message produced elsewhere (table scanner), optionally re-lined. */
  adopt(message: SystemMessage, spec?: LineSpec): DNode;
  /** RSTState.inline_text: inline-reduced text + message nodes. */
  inline(text: string, absLine: number, real?: { line: number; column: number; lineColumns?: readonly number[] }): InlineResult;

  /** document.note_implicit_target / note_explicit_target. */
  noteImplicitTarget(node: DNode, msgnode: DNode | null, line: LineSpec): void;
  noteExplicitTarget(node: DNode, msgnode: DNode | null, line: LineSpec): void;

  /**
   * A grid or simple table's node is complete (its cells parsed; a `table` directive around it may still
   * title it). `fromRst` turns it into its compact result there, unless a document tree is built.
   */
  tableDone(node: DNode): void;

  /** StateMachine.run from `initial` on machine `m`. */
  run(m: Machine, initial: StateName, preset?: Partial<RunState>): RunState;
  /** RSTState.nested_parse: parses `block` (whose first line is at abs offset `inputOffset`) into `node`. */
  nestedParse(block: SourceLines, inputOffset: number, node: DNode): void;
  /** `nestedParse` for a grid or simple table cell: without document-mode spans when no cell is converted (`cellBlocks: false`). */
  nestedParseCell(block: SourceLines, inputOffset: number, node: DNode): void;
  /** RSTState.nested_list_parse over `parent`'s input from its next line on. */
  nestedListParse(
    parent: Machine,
    node: DNode,
    initial: StateName,
    blankFinish: boolean,
    extra?: Partial<RunState>,
    matchTitles?: boolean,
  ): { offset: number; blankFinish: boolean };
  /** A nested list parse over a separate block (directive options). */
  listParseBlock(block: SourceLines, node: DNode, initial: StateName): { offset: number; blankFinish: boolean };
}

/** What a transition method returns: the new context lines and the next state (docutils' `(context, next_state, result)`). */
export type NextState = [context: string[], next: StateName];
