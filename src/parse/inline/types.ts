/** The options and the result of the inline parse (`inlineText`, `inlineNodes`). */
import type { ParseRuleId } from '../rules.js';
import type { Position, RstInline, SystemMessage } from '../types.js';

export interface InlineResult {
  /** `paragraph.astext()`: inline markup reduced, whitespace NOT collapsed. */
  text: string;
  messages: SystemMessage[];
  /** Names (as written) of the roles docutils looked up here and did not know, in order (the oracle's `unknown_roles`). */
  unknownRoles: string[];
  /** The inline nodes (only from `inlineNodes`). */
  nodes?: RstInline[];
}

export interface InlineOptions {
  /** Source line of the block's first line (1-based). */
  line: number;
  /** Source column (1-based, UTF-16 units) of the block's first character; default 1. */
  column?: number;
  /**
   * The line docutils gives the Inliner's messages; default `line`. docutils
   * reports the paragraphs of grid- and simple-table cells one line lower
   * than their first line (pass `line + 1` there).
   */
  messageLine?: number;
  /**
   * The line of messages docutils emits without a line (the disabled `raw`
   * role): its state machine's current line. Default: `messageLine` plus the
   * number of line breaks in `raw` (right for body paragraphs and table cells).
   */
  currentLine?: number;
  /** Source column of each line of `raw` (e.g. `SourceLines.columns`), for message columns. */
  lineColumns?: readonly number[];
  /**
   * Source line of each line of `raw`, for the positions of inline nodes;
   * default `line + i` (a paragraph's lines are consecutive source lines).
   */
  lineNumbers?: readonly number[];
  /** The block's own position: a text node spanning exactly the same takes this object (positions are never changed). */
  span?: Position;
  /**
   * Asked before each message is built, with its rule, line and column:
   * false leaves it out (the block parser's per-page limit, `Reporter.admit`).
   * Default: every message is kept.
   */
  admit?: (ruleId: ParseRuleId, line: number, column: number) => boolean;
}
