/**
 * Generators of RST documents for the differential fuzzer, one per table
 * form: grid tables, simple tables, `.. table::`, `.. csv-table::`,
 * `.. list-table::`, and mutations of the corpus' tables (read from
 * ../shared at run time, never copied). Each well-formed table is then
 * mutated sometimes (characters and lines inserted, deleted, replaced,
 * indented), and put between paragraphs, so that both the happy path and
 * the error paths (messages) of docutils are reached.
 */
import fc from 'fast-check';

/** Cell words: plain, wide, combining, inline markup, table syntax, escapes, control characters. */
const WORDS = [
  'a',
  'bb',
  'OK',
  '200',
  'Error Code',
  'x y',
  '漢字',
  't̆',
  'é',
  '**b**',
  '*e*',
  '``l``',
  '`t`',
  ':ref:`x <y>`',
  '`a`_',
  '|s|',
  '[1]_',
  '\\',
  '\\|',
  '|',
  '+',
  '-',
  '=',
  '--',
  '==',
  '+-+',
  '"',
  "'",
  ',',
  ';',
  '\t',
  '\0',
  '\u00a0',
  '\u200b',
  '\u3000',
  '- item',
  '1. one',
  '::',
  '..',
  '.. note::',
  '',
];
const word = fc.constantFrom(...WORDS);
const text = fc.array(word, { minLength: 0, maxLength: 4 }).map((ws) => ws.join(' '));
const LINE_ENDS = ['\n', '\n', '\n', '\n', '\r\n', '\r'];

/** Characters the mutator inserts: table syntax, whitespace, markup, wide and zero-width characters. */
const MUTATION_CHARS = [
  '+',
  '-',
  '|',
  '=',
  ' ',
  '  ',
  '\n',
  '\n\n',
  '\t',
  '*',
  '`',
  '\\',
  ':',
  '.',
  ',',
  '"',
  'x',
  '漢',
  '\u0301',
  '\0',
  '\r',
  '\v',
  '\f',
  '\u2028',
];

type Edit = { op: number; at: number; at2: number; ch: string };
const edit = fc.record({ op: fc.nat({ max: 9 }), at: fc.nat(), at2: fc.nat(), ch: fc.constantFrom(...MUTATION_CHARS) });

/** Applies one edit: character insert/delete/replace, line delete/duplicate/swap/indent/dedent, truncation. */
function applyEdit(s: string, e: Edit): string {
  const at = s.length === 0 ? 0 : e.at % s.length;
  const lines = s.split('\n');
  const li = e.at % lines.length;
  const lj = e.at2 % lines.length;
  switch (e.op) {
    case 0:
    case 1:
      return s.slice(0, at) + e.ch + s.slice(at);
    case 2:
      return s.slice(0, at) + s.slice(at + 1);
    case 3:
      return s.slice(0, at) + e.ch + s.slice(at + 1);
    case 4:
      lines.splice(li, 1);
      return lines.join('\n');
    case 5:
      lines.splice(li, 0, lines[li]!);
      return lines.join('\n');
    case 6:
      [lines[li], lines[lj]] = [lines[lj]!, lines[li]!];
      return lines.join('\n');
    case 7:
      lines[li] = ` ${lines[li]!}`;
      return lines.join('\n');
    case 8:
      lines[li] = lines[li]!.replace(/^ {1,3}/, '');
      return lines.join('\n');
    default:
      return s.slice(0, s.length - (e.at % 4));
  }
}

/** `base` with 0 to `max` edits (none half of the time, so well-formed input stays common). */
function mutate(base: fc.Arbitrary<string>, max = 4): fc.Arbitrary<string> {
  return fc.tuple(base, fc.oneof(fc.constant([] as Edit[]), fc.array(edit, { minLength: 1, maxLength: max }))).map(([s, edits]) => edits.reduce(applyEdit, s));
}

/** Containers a table may sit in: none (most often), list items, a note, a definition, a field, a nested table directive. */
const WRAPS: ((t: string) => string)[] = [
  (t) => t,
  (t) => t,
  (t) => t,
  (t) => `- ${t.replace(/\n(?=.)/g, '\n  ')}`,
  (t) => `#. ${t.replace(/\n(?=.)/g, '\n   ')}`,
  (t) => `.. note::\n\n${t.replace(/^(?=.)/gm, '   ')}`,
  (t) => `.. note:: ${t.replace(/\n(?=.)/g, '\n   ')}`,
  (t) => `term\n${t.replace(/^(?=.)/gm, '    ')}`,
  (t) => `:field: ${t.replace(/\n(?=.)/g, '\n   ')}`,
  (t) => `.. unknown-directive::\n\n${t.replace(/^(?=.)/gm, '   ')}`,
  (t) => `| line\n${t}`,
  (t) => `::\n\n${t.replace(/^(?=.)/gm, '  ')}`,
];

/** Puts a table in a document: indentation, surrounding paragraphs (with or without blank lines), line ends. */
function document(table: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .record({
      table,
      indent: fc.constantFrom('', '', '', '  ', '\t'),
      before: fc.constantFrom('', '', 'Para.\n\n', 'Para.\n', 'Title\n=====\n\n', '- item\n\n', 'term\n  def\n\n'),
      after: fc.constantFrom('', '', '\n\nAfter.', '\nAfter.', '\n  Indented.', '\n\n.. note:: n'),
      end: fc.constantFrom('\n', '\n', '\n', '', '\n\n'),
      eol: fc.constantFrom(...LINE_ENDS),
      wrap: fc.constantFrom(...WRAPS),
    })
    .map(({ table: t, indent, before, after, end, eol, wrap }) => {
      const body = indent ? t.replace(/^(?=.)/gm, indent) : t;
      return `${before}${wrap(body)}${after}${end}`.replace(/\n/g, eol);
    });
}

/** A grid table: a random grid, some cells merged across rows and columns, an optional header separator. */
const gridTable = fc
  .record({
    widths: fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 4 }),
    rows: fc.integer({ min: 1, max: 4 }),
    cells: fc.array(fc.array(text, { minLength: 4, maxLength: 4 }), { minLength: 4, maxLength: 4 }),
    lines: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 4, maxLength: 4 }),
    hmerge: fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
    vmerge: fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
    header: fc.integer({ min: -1, max: 3 }),
  })
  .map(({ widths: w0, rows, cells, lines, hmerge, vmerge, header }) => {
    const widths = w0.map((w, c) => Math.max(w, ...cells.slice(0, rows).map((r) => r[c]!.length + 2)));
    const cols = widths.length;
    // merge[r][c]: no vertical bar right of cell (r, c); under[r][c]: no border below cell (r, c)
    const right = (r: number, c: number) => c < cols - 1 && hmerge[(r * 4 + c) % 16]! && (r + c) % 3 !== 0;
    const below = (r: number, c: number) => r < rows - 1 && vmerge[(r * 4 + c) % 16]! && (r + 2 * c) % 3 !== 0;
    const out: string[] = [];
    const border = (r: number) => {
      // the border above row r (r = rows: the bottom)
      const ch = r === header + 1 && r > 0 && r < rows ? '=' : '-';
      let s = '+';
      for (let c = 0; c < cols; c++) {
        const open = r > 0 && r < rows && below(r - 1, c);
        s += (open ? ' ' : ch).repeat(widths[c]!);
        s += '+';
      }
      return s;
    };
    for (let r = 0; r < rows; r++) {
      out.push(border(r));
      for (let k = 0; k < lines[r]!; k++) {
        let s = '|';
        for (let c = 0; c < cols; c++) {
          const t = k === 0 ? ` ${cells[r]![c]!}` : '';
          s += t.padEnd(widths[c]!).slice(0, widths[c]);
          s += right(r, c) ? ' ' : '|';
        }
        out.push(s);
      }
    }
    out.push(border(rows));
    return out.join('\n');
  });

/** A simple table: columns, an optional header, rows (some spanning columns with a `---` line), an optional empty first column. */
const simpleTable = fc
  .record({
    widths: fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 4 }),
    header: fc.boolean(),
    rows: fc.array(fc.array(text, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 4 }),
    gaps: fc.constantFrom(1, 1, 2),
    spans: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
  })
  .map(({ widths: w0, header, rows, gaps, spans }) => {
    const cols = w0.length;
    const widths = w0.map((w, c) => Math.max(w, ...rows.map((r) => (c < cols - 1 ? r[c]!.length : 1))));
    const gap = ' '.repeat(gaps);
    const bar = widths.map((w) => '='.repeat(w)).join(gap);
    const row = (r: string[]) =>
      r
        .slice(0, cols)
        .map((t, c) => (c < cols - 1 ? t.padEnd(widths[c]!) : t))
        .join(gap);
    const out = [bar];
    rows.forEach((r, i) => {
      out.push(row(r));
      // a column-span underline: the first two columns joined (spanning) on even rows
      if (spans[i]! && cols > 1)
        out.push(widths.map((w) => '-'.repeat(w)).reduce((acc, d, k) => (k === 0 ? d : acc + (k === 1 && i % 2 === 0 ? '-'.repeat(gaps) : gap) + d), ''));
      if (header && i === 0) out.push(bar);
    });
    out.push(bar);
    return out.join('\n');
  });

// values continued on a deeper-indented line (`\n      `) reach docutils' messages with their newlines
const INT_VALUES = ['', '0', '1', '2', '3', '-1', '+1', ' 1', 'x', '1.5', '٣', '99999999999999999999', '1\n      2', 'x\n      y'];
const WIDTHS_VALUES = ['', 'auto', 'grid', '1 2', '1,2', '1 2 3', '10 20 30 40', '0 1', '-1 2', '1, x', 'auto grid', '2\n   1', '1\n      2', 'a\n      b'];
const WIDTH_VALUES = ['', '50%', '10em', '100', '10 px', 'x', '-5px', '1.5in', '10\n      px', 'x\n      y'];
const CHAR_VALUES = ['', ',', ';', 'tab', 'space', '"', "'", '\\', 'ab', 'U+003B', '0x3b', '59', '漢', ' ', '\\x3b', ';\n      x', "'\n      '"];
const ENCODINGS = ['', 'utf-8', 'latin-1', 'nope', 'utf 8', 'UTF-16', 'utf-8\n      x'];
const option = (name: string, values: readonly string[]) => fc.constantFrom(...values).map((v) => `:${name}:${v === '' ? '' : ` ${v}`}`);
const common = [
  option('class', ['', 'a', 'a b', '!!', 'A_b', 'a\n      b']),
  option('name', ['', 't', 'x y', 'x\n      y']),
  option('align', ['', 'left', 'center', 'right', 'middle', 'left\n      x']),
  option('width', WIDTH_VALUES),
  option('widths', WIDTHS_VALUES),
  fc.constantFrom(':bogus: 1', ':widths', ':header-rows 1', ':: x'),
];
const options = (pool: fc.Arbitrary<string>[]) => fc.array(fc.oneof(...pool), { maxLength: 4 });
const title = fc.constantFrom('', '', ' Title', ' **Bold** title', ' `x', ' a\n   continued');

function directive(name: string, opts: fc.Arbitrary<string[]>, content: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .record({ title, opts, content, blank: fc.constantFrom('\n', '\n', ''), indent: fc.constantFrom('   ', '   ', '  ', ' ') })
    .map(({ title: t, opts: o, content: body, blank, indent }) => {
      const head = [`.. ${name}::${t}`, ...o.map((x) => `${indent}${x}`)].join('\n');
      const inner = body.replace(/^(?=.)/gm, indent);
      return body === '' ? head : `${head}\n${blank}${inner}`;
    });
}

/** `.. table::` around a grid or simple table, or around what it must refuse. */
const tableDirective = directive(
  'table',
  options(common),
  fc.oneof(
    gridTable,
    simpleTable,
    fc.constantFrom('', 'Just a paragraph.', '.. csv-table::\n\n   a, b', '.. list-table::\n\n   * - a\n     - b'),
    fc.tuple(gridTable, simpleTable).map(([a, b]) => `${a}\n\n${b}`),
  ),
);

/** A CSV field: plain, quoted (with doubled or escaped quotes), with delimiters, newlines, spaces. */
const csvField = fc.oneof(
  text,
  text.map((t) => `"${t.replace(/"/g, '""')}"`),
  fc.constantFrom('""', '"a,b"', '"a\nb"', '"unterminated', 'a"b', '"a""b"', '"a\\"b"', "'q'", ' spaced ', '', 'x;y', 'a\tb', '\\,'),
);
const csvLine = fc.tuple(fc.array(csvField, { minLength: 1, maxLength: 4 }), fc.constantFrom(',', ',', ', ', ';', '\t', ' ')).map(([fs, d]) => fs.join(d));
const csvTable = directive(
  'csv-table',
  options([
    ...common,
    option('header', ['', '"a", "b"', 'a, b', 'a', '"x', 'a, "b\nc"']),
    option('header-rows', INT_VALUES),
    option('stub-columns', INT_VALUES),
    option('delim', CHAR_VALUES),
    option('quote', CHAR_VALUES),
    option('escape', CHAR_VALUES),
    option('encoding', ENCODINGS),
    option('keepspace', ['', 'x']),
    option('file', ['', 'x.csv']),
    option('url', ['', 'http://x']),
  ]),
  fc.oneof(
    fc.array(csvLine, { minLength: 0, maxLength: 5 }).map((ls) => ls.join('\n')),
    fc.constant(''),
  ),
);

/** A list-table: a two-level bullet list, sometimes ragged or with other blocks in it. */
const listItem = fc.oneof(
  text.map((t) => `- ${t}`),
  fc.array(text, { minLength: 0, maxLength: 4 }).map((cs) => `* ${cs.length ? cs.map((t, i) => `${i ? '  ' : ''}- ${t}`).join('\n') : ''}`),
  fc.constantFrom(
    '* - a\n\n    b',
    '* - a\n  - b\n\n  para',
    '*\n  - a',
    '* Text',
    '* - a\n  * b',
    'para',
    '* - .. note:: n',
    '* - a\n    - nested',
    '* - +---+\n    | x |\n    +---+',
    '* #. a\n  #. b',
    '* - a\n\n  .. comment',
    '* -\n  -',
    '* - ``l``\n  - |s|',
    '..\n\n* - a',
    '* - a\n  - b\n  - c\n  - d',
  ),
);
const listTable = directive(
  'list-table',
  options([...common, option('header-rows', INT_VALUES), option('stub-columns', INT_VALUES)]),
  fc.oneof(
    fc.array(listItem, { minLength: 0, maxLength: 4 }).map((ls) => ls.join('\n')),
    fc.constant(''),
  ),
);

/** The generated table forms, each as whole documents. */
export const FORMS = {
  grid: document(mutate(gridTable)),
  simple: document(mutate(simpleTable)),
  table: document(mutate(tableDirective)),
  'csv-table': document(mutate(csvTable, 3)),
  'list-table': document(mutate(listTable, 3)),
} as const;

/**
 * The tables of real pages, each with a few lines around it (found by the
 * lines docutils gives for them in the oracle JSON), to be mutated.
 */
export function corpusTables(pages: readonly { text: string; lines: number[] }[]): string[] {
  const out: string[] = [];
  for (const { text: page, lines } of pages) {
    const all = page.split('\n');
    const starts = [...new Set(lines)].sort((a, b) => a - b);
    starts.forEach((line, i) => {
      const from = Math.max(0, line - 3);
      let to = Math.min(all.length, i + 1 < starts.length ? starts[i + 1]! - 1 : all.length, from + 60);
      // up to the first blank line followed by a line at column 0 after the table's first lines
      for (let k = line + 1; k < to; k++) if (all[k - 1]!.trim() === '' && /^\S/.test(all[k] ?? '')) to = Math.min(to, k + 2);
      out.push(all.slice(from, to).join('\n'));
    });
  }
  return out;
}

/** Mutations of the given corpus tables. */
export function corpusForm(tables: readonly string[]): fc.Arbitrary<string> {
  return mutate(fc.constantFrom(...tables), 6);
}
