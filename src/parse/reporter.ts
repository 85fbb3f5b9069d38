/**
 * docutils' `Reporter` for one document: records every system message in
 * document order, with docutils' level, line and text, and makes the
 * `system_message` node that goes into the tree where docutils puts it.
 *
 * Lines follow docutils: a message is reported at an absolute line offset of
 * the root state machine (`{ abs }`), at a real source line (`{ real }`), or
 * at the root machine's current line (`{ none }`), and docutils' own clamping
 * of offsets past either end is reproduced (`finalLine`).
 */
import type { DNode, Machine } from './block-machine.js';
import type { LineSpec } from './context.js';
import type { SourceLines } from './lines.js';
import { systemMessage, type ParseRuleArgs, type ParseRuleId } from './rules.js';
import type { SystemMessage } from './types.js';

export class Reporter {
  readonly messages: SystemMessage[] = [];
  /** The root state machine (its current line is docutils' "current line"). */
  root: Machine | null = null;

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

  /** reporter.system_message: records rule `id`'s message and returns its node. */
  report<Id extends ParseRuleId>(id: Id, args: ParseRuleArgs[Id], spec: LineSpec, extra?: DNode[]): DNode {
    const line = this.finalLine(spec);
    const message = systemMessage(id, args, line, this.columnOf(line));
    this.messages.push(message);
    return { tag: 'system_message', children: extra ?? [], message };
  }

  /** Adopts a message produced elsewhere (inline parser, table scanner), re-lined by `spec` when given. */
  adopt(message: SystemMessage, spec?: LineSpec): DNode {
    const line = spec ? this.finalLine(spec) : message.line;
    const m: SystemMessage = { ...message, line, column: spec ? this.columnOf(line) : message.column };
    this.messages.push(m);
    return { tag: 'system_message', children: [], message: m };
  }
}
