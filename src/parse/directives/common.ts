/**
 * What every directive shares (docutils' `Directive` base class): the parsed
 * directive block it runs on, its spec (arguments, options, content), and
 * the helpers for titles, `:name:` targets and error messages.
 */
import { el, type DNode } from '../block-machine.js';
import { normalizeName } from '../block-text.js';
import type { LineSpec, ParserContext } from '../context.js';
import type { SourceLines } from '../lines.js';
import type { ParseRuleArgs, ParseRuleId, RuleCall } from '../rules.js';
import type { OptionSpec } from './options.js';

/** docutils' DirectiveError (`self.error(...)`, `self.warning(...)`): the directive's result is this message. */
export class DirectiveError {
  constructor(readonly call: RuleCall) {}
}

/** docutils' MarkupError: the directive block itself is malformed. */
export class MarkupError {
  constructor(readonly message: string) {}
}

/** One directive to run: its parsed block and where it stands. */
export interface DirectiveRun {
  name: string;
  arguments: string[];
  options: Record<string, unknown>;
  content: SourceLines;
  contentOffset: number;
  /** docutils' abs line number of the directive. */
  lineno: number;
  /** Real source line of the directive. */
  realLine: number;
  /** The directive's lines as written (for an error's literal block; joined only when asked for). */
  readonly blockText: string;
  matchTitles: boolean;
  /** The node the directive's result goes into (docutils' `state.parent`). */
  node: DNode;
}

export interface DirectiveSpec {
  required: number;
  optional: number;
  finalWhitespace: boolean;
  options: OptionSpec | null;
  hasContent: boolean;
  run(ctx: ParserContext, d: DirectiveRun): DNode[];
}

export function spec(partial: Partial<DirectiveSpec> & Pick<DirectiveSpec, 'run'>): DirectiveSpec {
  return { required: 0, optional: 0, finalWhitespace: false, options: null, hasContent: false, ...partial };
}

/** Directive.assert_has_content. */
export function assertHasContent(d: DirectiveRun): void {
  if (!d.content.length) throw new DirectiveError({ rule: 'directive-content-missing', args: { name: d.name } });
}

/** Directive.add_name: the `:name:` option as an explicit target. */
export function addName(ctx: ParserContext, d: DirectiveRun, node: DNode): void {
  if (typeof d.options.name === 'string') {
    node.names = [normalizeName(d.options.name)];
    ctx.noteExplicitTarget(node, node, { none: true });
  }
}

/** Table.make_title: the first argument, inline-parsed. */
export function makeTitle(ctx: ParserContext, d: DirectiveRun): { title: string | null; messages: DNode[] } {
  if (!d.arguments.length) return { title: null, messages: [] };
  const r = ctx.inline(d.arguments[0] ?? '', d.lineno);
  return { title: r.text, messages: r.messages };
}

/** Reports a rule call (a rule and its arguments decided before the line was known). */
function reportCall(ctx: ParserContext, call: RuleCall, spec: LineSpec, extra?: DNode[]): DNode {
  return ctx.report(call.rule as ParseRuleId, call.args as ParseRuleArgs[ParseRuleId], spec, extra);
}

/** A message at the directive's line, with the directive block as a literal block (docutils' `self.error(...)` result). */
export function errorNode(ctx: ParserContext, lineno: number, blockText: string, call: RuleCall): DNode {
  return reportCall(ctx, call, { abs: lineno }, [el('literal_block', [], blockText)]);
}

/** The directive's result when it fails: the message for `call`. */
export function fail(ctx: ParserContext, d: DirectiveRun, call: RuleCall): DNode[] {
  return [errorNode(ctx, d.lineno, d.blockText, call)];
}
