/**
 * docutils' `Reporter` for one document: records every system message in
 * document order, with docutils' level, line and text, and makes the
 * `system_message` node that goes into the tree where docutils puts it.
 *
 * Lines follow docutils: a message is reported at an absolute line offset of
 * the root state machine (`{ abs }`), at a real source line (`{ real }`), or
 * at the root machine's current line (`{ none }`), and docutils' own clamping
 * of offsets past either end is reproduced (`finalLine`).
 *
 * Unlike docutils, it keeps at most `MAX_MESSAGES_PER_RULE` messages of one
 * rule per page: a 4 MB page of `` *`_| `` holds 1.7 million unclosed
 * start-strings, and keeping a message (and its node) for each costs
 * gigabytes. The others are counted, not built (`admit`), and `finish` adds
 * one `too-many-messages` warning per rule that had more, at the line of the
 * first one left out. In the tree, a message left out is `DROPPED`, a node
 * without a message, so tables and cells read as they do with it.
 */
import type { DNode, Machine } from './block-machine.js';
import type { LineSpec } from './context.js';
import type { SourceLines } from './lines.js';
import { systemMessage, type ParseRuleArgs, type ParseRuleId } from './rules.js';
import type { SystemMessage } from './types.js';

/** The most messages of one rule kept per page (no page of the corpus comes near: its most is 9). */
export const MAX_MESSAGES_PER_RULE = 1000;

/**
 * The stand-in for a message left out: one shared node, with no message and
 * no children, so `astext()` and the table's messages skip it. Nothing
 * changes a message node after it is made, so it can be shared.
 */
const DROPPED: DNode = { tag: 'system_message', children: [] };

/**
 * The per-page limit: counts messages by rule and says which are kept, the
 * first `MAX_MESSAGES_PER_RULE` of each; the others are counted by rule, with
 * the place of the first. (document.ts keeps one too, so that the inline
 * nodes it reads again have a `problematic` node for the kept messages only.)
 */
export class MessageLimit {
  private readonly kept = new Map<string, number>();
  /** Messages left out, by rule: how many, and where the first was. */
  readonly dropped = new Map<string, { count: number; line: number; column: number }>();

  /** Whether one more message of rule `id`, at `line` and `column`, is kept (it is counted either way). */
  admit(id: string, line: number, column: number): boolean {
    const n = this.kept.get(id) ?? 0;
    if (n < MAX_MESSAGES_PER_RULE) {
      this.kept.set(id, n + 1);
      return true;
    }
    const d = this.dropped.get(id);
    if (d) d.count++;
    else this.dropped.set(id, { count: 1, line, column });
    return false;
  }
}

export class Reporter {
  readonly messages: SystemMessage[] = [];
  /** The root state machine (its current line is docutils' "current line"). */
  root: Machine | null = null;
  private readonly limit = new MessageLimit();

  constructor(private readonly lines: SourceLines) {}

  /** The 1-based source line docutils prints for `spec`. */
  finalLine(spec: LineSpec): number {
    const n = this.lines.length;
    if ('real' in spec) return spec.real;
    const line = 'abs' in spec ? spec.abs : (this.root?.lineOffset ?? -1) + 1;
    const offset = line - 1;
    if (offset >= 0 && offset < n) return line;
    if (offset === n) return n + 1;
    if (offset < 0 && offset >= -n) return n + offset + 1;
    return line;
  }

  /** The column of a line's first non-space character (1 for a blank or missing line). */
  private columnOf(line: number): number {
    const text = this.lines.lines[line - 1];
    if (text === undefined) return 1;
    let i = 0;
    while (i < text.length && text.charCodeAt(i) === 32) i++;
    return i < text.length ? i + 1 : 1;
  }

  /**
   * Whether a message of rule `id` (at `line`) is kept: true for the first
   * `MAX_MESSAGES_PER_RULE` of each rule; the others are counted. A message
   * admitted here must then be recorded (`report`, `adopt`, `adoptAdmitted`).
   */
  admit(id: string, line: number, column: number): boolean {
    return this.limit.admit(id, line, column);
  }

  /** reporter.system_message: records rule `id`'s message and returns its node (`DROPPED` past the rule's limit). */
  report<Id extends ParseRuleId>(id: Id, args: ParseRuleArgs[Id], spec: LineSpec, extra?: DNode[]): DNode {
    const line = this.finalLine(spec);
    const column = this.columnOf(line);
    if (!this.admit(id, line, column)) return DROPPED;
    const message = systemMessage(id, args, line, column);
    this.messages.push(message);
    return { tag: 'system_message', children: extra ?? [], message };
  }

  /** Adopts a message produced elsewhere (table scanner), re-lined by `spec` when given. */
  adopt(message: SystemMessage, spec?: LineSpec): DNode {
    const line = spec ? this.finalLine(spec) : message.line;
    const column = spec ? this.columnOf(line) : message.column;
    if (!this.admit(message.ruleId, line, column)) return DROPPED;
    return this.adoptAdmitted(line === message.line && column === message.column ? message : { ...message, line, column });
  }

  /** Records a message made elsewhere that `admit` let through (the inline parser asks before it builds one). */
  adoptAdmitted(message: SystemMessage): DNode {
    this.messages.push(message);
    return { tag: 'system_message', children: [], message };
  }

  /** Adds, for each rule with messages left out, one `too-many-messages` warning saying how many (call once, at the end). */
  finish(): void {
    for (const [rule, d] of this.limit.dropped) {
      this.messages.push(systemMessage('too-many-messages', { rule, count: d.count, max: MAX_MESSAGES_PER_RULE }, d.line, d.column));
    }
    this.limit.dropped.clear();
  }
}
