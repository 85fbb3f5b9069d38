/**
 * Running a directive (states.py `Body.directive`, `run_directive`,
 * `parse_directive_block`, `parse_extension_options`):
 *
 *   .. csv-table:: Title        arguments  ["Title"]
 *      :header-rows: 1          options    {"header-rows": 1} (options.ts converters)
 *                               content    the lines after the first blank line
 *      a, b
 *
 * A malformed block is "Error in "<name>" directive:\n<detail>." (level 3);
 * a directive's own errors come back as its result (DirectiveError).
 */
import { el, trimEndBlank, type DNode, type Machine } from '../block-machine.js';
import { isBlank, pyRepr, pySplit, pySplitMax } from '../block-text.js';
import type { ParserContext } from '../context.js';
import type { SourceLines } from '../lines.js';
import { DirectiveError, errorNode, MarkupError, type DirectiveRun, type DirectiveSpec } from './common.js';
import { OptionValueError, unchanged, type OptionSpec } from './options.js';
import { lookupDirective } from './registry.js';

const FIELD_MARKER_RE = /^:(?![: ])(?:[^:\\]|\\.|:(?!(?:[ `]|$)))*(?<! ):(?: +|$)/;

interface ParsedBlock {
  arguments: string[];
  options: Record<string, unknown>;
  content: SourceLines;
  contentOffset: number;
}

/** Body.directive + run_directive: the directive named by `match[1]` at the machine's current line. */
export function directive(ctx: ParserContext, m: Machine, match: RegExpExecArray): { nodes: DNode[]; blankFinish: boolean } {
  const typeName = match[1] ?? '';
  const { spec: d, known } = lookupDirective(typeName);
  if (!known) ctx.unknownDirectives.add(typeName);
  const lineno = m.absLineNumber();
  const realLine = m.realLine(m.lineOffset);
  const initial = m.lineOffset;
  const r = m.getFirstKnownIndented(match[0].length, false, true, false);
  const last = m.lineOffset;
  // docutils' block_text, joined only for an error: joining it for every directive costs a copy of the whole
  // block per nesting level (a page of directives nested N deep copied N times)
  let joined: string | undefined;
  const blockText = (): string => {
    if (joined === undefined) {
      const blockLines: string[] = [];
      for (let i = initial; i <= last; i++) blockLines.push(m.at(i));
      joined = blockLines.join('\n');
    }
    return joined;
  };
  let parsed: ParsedBlock;
  try {
    parsed = parseDirectiveBlock(ctx, r.indented, r.offset, d);
  } catch (e) {
    if (!(e instanceof MarkupError)) throw e;
    const error = errorNode(ctx, lineno, blockText(), { rule: 'directive-error', args: { name: typeName, detail: e.message } });
    return { nodes: [error], blankFinish: r.blankFinish };
  }
  const run: DirectiveRun = {
    name: typeName,
    ...parsed,
    lineno,
    realLine,
    get blockText() {
      return blockText();
    },
    matchTitles: m.matchTitles,
    node: m.node,
  };
  let result: DNode[];
  try {
    result = d.run(ctx, run);
  } catch (e) {
    if (!(e instanceof DirectiveError)) throw e;
    result = [errorNode(ctx, lineno, blockText(), e.call)];
  }
  if (ctx.doc && parsed.arguments.length) {
    // document mode: a table directive's raw caption, for its inline nodes
    const column = m.column(initial) + match[0].length;
    for (const node of result) if (node.tag === 'table') node.inlineSrc = { raw: parsed.arguments[0] ?? '', line: realLine, column };
  }
  return { nodes: result, blankFinish: r.blankFinish || m.isNextLineBlank() };
}

/** Body.parse_directive_block: arguments, options and content of the indented block. */
function parseDirectiveBlock(ctx: ParserContext, block: SourceLines, lineOffset: number, d: DirectiveSpec): ParsedBlock {
  let indented = block;
  if (indented.length && isBlank(indented.lines[0] ?? '')) {
    indented = indented.slice(1);
    lineOffset += 1;
  }
  indented = trimEndBlank(indented);
  let argBlock: SourceLines;
  let content: SourceLines;
  let contentOffset: number;
  let i = 0;
  const hasArgs = d.required > 0 || d.optional > 0;
  if (indented.length && (hasArgs || d.options)) {
    i = indented.lines.findIndex((l) => isBlank(l));
    if (i < 0) i = indented.length;
    argBlock = indented.slice(0, i);
    content = indented.slice(i + 1);
    contentOffset = lineOffset + i + 1;
  } else {
    content = indented;
    contentOffset = lineOffset;
    argBlock = indented.slice(0, 0);
  }
  let options: Record<string, unknown> = {};
  if (d.options) {
    const k = argBlock.lines.findIndex((l) => FIELD_MARKER_RE.test(l));
    if (k >= 0) {
      const optBlock = argBlock.slice(k);
      argBlock = argBlock.slice(0, k);
      options = parseExtensionOptions(ctx, d.options, optBlock);
    }
  }
  if (argBlock.length && !hasArgs) {
    content = argBlock.concat(indented.slice(i));
    contentOffset = lineOffset;
    argBlock = argBlock.slice(0, 0);
  }
  while (content.length && isBlank(content.lines[0] ?? '')) {
    content = content.slice(1);
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
  if (content.length && !d.hasContent) throw new MarkupError('no content permitted');
  return { arguments: args, options, content, contentOffset };
}

/** Body.parse_extension_options: the option block as a field list, each value through its converter. */
function parseExtensionOptions(ctx: ParserContext, spec: OptionSpec, block: SourceLines): Record<string, unknown> {
  const node = el('field_list');
  const r = ctx.listParseBlock(block, node, 'ExtensionOptions');
  if (r.offset !== block.length) throw new MarkupError('invalid option block');
  // extract_options: every field's name and value first (their errors come before any unknown option)
  const list: [string, string | null][] = [];
  for (const field of node.children) {
    const nameText = field.children[0]?.text ?? '';
    if (pySplit(nameText).length !== 1) {
      throw new MarkupError('invalid option data: extension option field name may not contain multiple words');
    }
    const name = nameText.toLowerCase();
    // the body holds the messages of the name's inline markup first (docutils' field_body(*messages)):
    // with them it is no longer a single paragraph
    const paras = field.children[1]?.children ?? [];
    if (paras.length > 1 || (paras.length === 1 && paras[0]?.tag !== 'paragraph')) {
      throw new MarkupError(`invalid option data: extension option field body may contain\na single paragraph only (option "${name}")`);
    }
    // Text.astext() unescapes: NULs go
    list.push([name, paras.length ? (paras[0]?.text ?? '').replace(/\0/g, '') : null]);
  }
  // assemble_option_dict: each through its converter
  const options = Object.create(null) as Record<string, unknown>;
  for (const [name, data] of list) {
    const convertor = spec === 'any' ? unchanged : Object.hasOwn(spec, name) ? spec[name] : undefined;
    if (!convertor) throw new MarkupError(`unknown option: "${name}"`);
    if (Object.hasOwn(options, name)) throw new MarkupError(`invalid option data: duplicate option "${name}"`);
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
