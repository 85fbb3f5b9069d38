/**
 * The body directives rst-codegen reads (docutils' directives/body.py,
 * admonitions.py, images.py, parts.py, misc.py): their content is parsed
 * where docutils parses it, so a table inside a note is found; code and
 * math stay verbatim; raw and include are refused, as the oracle runs
 * docutils (raw_enabled and file_insertion_enabled off).
 */
import { el, type DNode } from '../block-machine.js';
import type { ParserContext } from '../context.js';
import { pyInt } from '../block-text.js';
import { blockQuote } from '../states/body.js';
import { addName, assertHasContent, DirectiveError, fail, spec, type DirectiveRun, type DirectiveSpec } from './common.js';
import {
  BASIC_OPTIONS,
  choice,
  classOption,
  encoding,
  flag,
  integer,
  lengthOrPercentageOrUnitless,
  lengthOrUnitless,
  parserName,
  path,
  percentage,
  unchanged,
  unchangedRequired,
  uri,
  type OptionSpec,
} from './options.js';

/**
 * The text of a `code` block with `:number-lines: [start]`: docutils'
 * NumberLines filter puts `'%<w>d ' % n` (w: the width of the last number)
 * before every line; a start that is not an integer is an error.
 */
function numberLines(code: string, option: unknown, lineCount: number): string {
  if (option === undefined) return code;
  // int(self.options['number-lines'] or 1)
  const start = typeof option === 'string' && option !== '' ? pyInt(option) : 1n;
  if (typeof start === 'string') throw new DirectiveError({ rule: 'code-number-lines', args: {} });
  const width = String(start + BigInt(lineCount)).length;
  let n = start;
  const label = (k: bigint) => `${String(k).padStart(width, ' ')} `;
  return label(n) + code.replace(/\n/g, () => `\n${label(++n)}`);
}

const ADMONITIONS = ['attention', 'caution', 'danger', 'error', 'hint', 'important', 'note', 'tip', 'warning'] as const;

const ALIGN_H = ['left', 'center', 'right'];
const IMAGE_OPTIONS: OptionSpec = {
  alt: unchanged,
  height: lengthOrUnitless,
  width: (v: string | null) => lengthOrPercentageOrUnitless(v),
  scale: percentage,
  align: choice(['top', 'middle', 'bottom', ...ALIGN_H]),
  target: unchangedRequired,
  class: classOption,
  name: unchanged,
};
const FIGURE_OPTIONS: OptionSpec = {
  ...IMAGE_OPTIONS,
  figwidth: (v: string | null) => (v !== null && v.toLowerCase() === 'image' ? 'image' : lengthOrPercentageOrUnitless(v, 'px')),
  figclass: classOption,
  align: choice(ALIGN_H),
};
const INCLUDE_OPTIONS: OptionSpec = {
  literal: flag,
  code: unchanged,
  encoding,
  parser: parserName,
  'tab-width': integer,
  'start-line': integer,
  'end-line': integer,
  'start-after': unchangedRequired,
  'end-before': unchangedRequired,
  'number-lines': unchanged,
  class: classOption,
  name: unchanged,
};

/** Image.run's node (rst-codegen keeps no image data), named by `:name:`. */
function image(ctx: ParserContext, d: DirectiveRun): DNode {
  const node = el('image', [], '');
  addName(ctx, d, node);
  return node;
}

export const BODY_DIRECTIVES: Record<string, DirectiveSpec> = {
  code: spec({
    optional: 1,
    options: { ...BASIC_OPTIONS, 'number-lines': unchanged },
    hasContent: true,
    run(ctx, d) {
      assertHasContent(d);
      const code = d.content.lines.join('\n');
      const node = el('literal_block', [], numberLines(code, d.options['number-lines'], d.content.length));
      node.directive = d.name;
      node.language = d.arguments[0] ?? null;
      node.code = code;
      addName(ctx, d, node);
      return [node];
    },
  }),
  'parsed-literal': spec({
    options: BASIC_OPTIONS,
    hasContent: true,
    run(ctx, d) {
      assertHasContent(d);
      const r = ctx.inline(d.content.lines.join('\n'), d.lineno);
      const node = el('literal_block', [], r.text);
      node.directive = d.name;
      node.language = null;
      addName(ctx, d, node);
      return [node, ...r.messages];
    },
  }),
  math: spec({
    options: BASIC_OPTIONS,
    hasContent: true,
    run(_ctx, d) {
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
    run(ctx, d) {
      assertHasContent(d);
      const node = el('admonition');
      addName(ctx, d, node);
      const r = ctx.inline(d.arguments[0] ?? '', d.lineno);
      node.children.push(el('title', [], r.text), ...r.messages);
      ctx.nestedParse(d.content, d.contentOffset, node);
      return [node];
    },
  }),
  container: spec({
    optional: 1,
    finalWhitespace: true,
    options: { name: unchanged },
    hasContent: true,
    run(ctx, d) {
      assertHasContent(d);
      const node = el('container');
      addName(ctx, d, node);
      ctx.nestedParse(d.content, d.contentOffset, node);
      return [node];
    },
  }),
  compound: spec({
    options: BASIC_OPTIONS,
    hasContent: true,
    run(ctx, d) {
      assertHasContent(d);
      const node = el('compound');
      addName(ctx, d, node);
      ctx.nestedParse(d.content, d.contentOffset, node);
      return [node];
    },
  }),
  topic: spec({ required: 1, finalWhitespace: true, options: BASIC_OPTIONS, hasContent: true, run: pseudoSection('topic') }),
  sidebar: spec({
    optional: 1,
    finalWhitespace: true,
    options: { ...BASIC_OPTIONS, subtitle: unchangedRequired },
    hasContent: true,
    run: pseudoSection('sidebar'),
  }),
  rubric: spec({
    required: 1,
    finalWhitespace: true,
    options: BASIC_OPTIONS,
    run(ctx, d) {
      const r = ctx.inline(d.arguments[0] ?? '', d.lineno);
      const node = el('rubric', [], r.text);
      addName(ctx, d, node);
      return [node, ...r.messages];
    },
  }),
  image: spec({
    required: 1,
    finalWhitespace: true,
    options: IMAGE_OPTIONS,
    run(ctx, d) {
      const align = d.options.align;
      if (typeof align === 'string' && !ALIGN_H.includes(align)) {
        throw new DirectiveError({ rule: 'image-align', args: { name: d.name, align } });
      }
      return [image(ctx, d)];
    },
  }),
  figure: spec({
    required: 1,
    finalWhitespace: true,
    options: FIGURE_OPTIONS,
    hasContent: true,
    run(ctx, d) {
      const figure = el('figure', [image(ctx, d)]);
      if (d.content.lines.length) {
        const node = el('element');
        ctx.nestedParse(d.content, d.contentOffset, node);
        const first = node.children[0];
        if (first && first.tag === 'paragraph') {
          figure.children.push(el('caption', [], first.text ?? ''));
        } else if (!(first && first.tag === 'comment' && !first.children.length && !first.text)) {
          return [figure, ...fail(ctx, d, { rule: 'figure-caption', args: {} })];
        }
        if (node.children.length > 1) figure.children.push(el('legend', node.children.slice(1)));
      }
      return [figure];
    },
  }),
  raw: spec({
    required: 1,
    finalWhitespace: true,
    options: { file: path, url: uri, encoding, class: classOption },
    hasContent: true,
    run(_ctx, d) {
      throw new DirectiveError({ rule: 'directive-disabled', args: { name: d.name } });
    },
  }),
  include: spec({
    required: 1,
    finalWhitespace: true,
    options: INCLUDE_OPTIONS,
    run(_ctx, d) {
      throw new DirectiveError({ rule: 'directive-disabled', args: { name: d.name } });
    },
  }),
};
for (const name of ADMONITIONS) {
  BODY_DIRECTIVES[name] = spec({
    finalWhitespace: true,
    options: BASIC_OPTIONS,
    hasContent: true,
    run(ctx, d) {
      assertHasContent(d);
      const node = el(name);
      addName(ctx, d, node);
      ctx.nestedParse(d.content, d.contentOffset, node);
      return [node];
    },
  });
}
for (const name of ['epigraph', 'highlights', 'pull-quote']) {
  BODY_DIRECTIVES[name] = spec({
    hasContent: true,
    run(ctx, d) {
      return blockQuote(ctx, d.content, d.contentOffset);
    },
  });
}

function pseudoSection(tag: 'topic' | 'sidebar'): DirectiveSpec['run'] {
  return (ctx, d) => {
    if (!(d.matchTitles || (tag === 'sidebar' && d.node.tag === 'sidebar'))) {
      throw new DirectiveError({ rule: 'directive-misplaced', args: { name: d.name } });
    }
    assertHasContent(d);
    const node = el(tag);
    if (d.arguments.length) {
      const r = ctx.inline(d.arguments[0] ?? '', d.lineno);
      node.children.push(el('title', [], r.text), ...r.messages);
    }
    addName(ctx, d, node);
    ctx.nestedParse(d.content, d.contentOffset, node);
    return [node];
  };
}

/** GenericDirective of the oracle's tolerant mode: a container whose content is parsed. */
export const GENERIC: DirectiveSpec = spec({
  optional: 100,
  finalWhitespace: true,
  options: 'any',
  hasContent: true,
  run(ctx, d) {
    const node = el('container');
    node.directive = d.name;
    node.argument = d.arguments.join(' ');
    if (d.content.length) ctx.nestedParse(d.content, d.contentOffset, node);
    return [node];
  },
});

/** Known directives whose output rst-codegen does not need (contents, sectnum, meta...): nothing. */
export const SILENT: DirectiveSpec = spec({ optional: 100, finalWhitespace: true, options: 'any', hasContent: true, run: () => [] });
