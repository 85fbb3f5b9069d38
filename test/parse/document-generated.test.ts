/**
 * The document tree against docutils on generated pages: fast-check (the
 * suite's fixed seed) composes pages from the forms API pages use — labels
 * (also chained, before comments, at the end), sections of several
 * adornments, paragraphs with every inline form and reference, `**VALUE**:
 * meaning` bullets, enumerated lists, literal and code blocks, notes, grid /
 * simple / csv / list tables whose cells hold references and lists, field
 * and definition lists, unknown directives — nested in list items, notes and
 * cells. docutils (`scripts/docutils-doctree.py --json`, one process for all
 * pages) and `doctreeSummary` must agree on every page. Skipped, saying so,
 * without python3-docutils.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromRst } from '../../src/parse/index.js';
import { doctreeSummary, type DoctreeSummary } from './doctree-summary.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const script = path.join(repoRoot, 'scripts', 'docutils-doctree.py');
const python = '/usr/bin/python3';
const hasDocutils = existsSync(python) && spawnSync(python, ['-c', 'import docutils'], { encoding: 'utf8' }).status === 0;
if (!hasDocutils) console.log('generated document tree test skipped: /usr/bin/python3 with python3-docutils not found');

// ------------------------------------------------------------------ pieces
const word = fc.constantFrom('status', 'Tag', 'value', 'x', 'API', 'id_1', 'project-id', 'name', 'tab', 'ЖЖ', '参数');
const label = fc.tuple(fc.constantFrom('tab', 'Label', 'en-us_topic', 'a b', 'x.y', 'li'), fc.integer({ min: 1, max: 4 })).map(([a, n]) => `${a}_${n}`);

const inlinePiece = fc.oneof(
  word,
  word.map((w) => `**${w}**`),
  word.map((w) => `*${w}*`),
  word.map((w) => `\`\`${w}\`\``),
  fc.tuple(word, label).map(([w, l]) => `:ref:\`${w} <${l}>\``),
  label.map((l) => `:ref:\`${l}\``),
  fc.tuple(word, label).map(([w, l]) => `:ref:\`${w} text\n<${l.toUpperCase()}>\``),
  word.map((w) => `\`${w} <https://example.com/${w}>\`_`),
  word.map((w) => `\`${w}\`_`),
  fc.constant('name_'),
  fc.constant('`anon`__'),
  word.map((w) => `:doc:\`${w}\``),
  word.map((w) => `:code:\`${w}\``),
  word.map((w) => `\`${w}\``),
  fc.constant('a\\*b'),
  fc.constant('*unclosed'),
  fc.constant('[1]_'),
  fc.constant('|sub|'),
  fc.constant('https://example.com/plain'),
  fc.constant(':ref:`a \\<b\\> <x_1>`'),
  fc.constant('Array of :ref:`tag <tab_1>` objects'),
);
const sentence = fc.array(inlinePiece, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(' '));
const valueBullet = fc.tuple(word, sentence).map(([v, s]) => `**${v.toUpperCase()}**: ${s}`);

type Block = string[];

function indent(lines: Block, by: string): Block {
  return lines.map((l, i) => (l === '' ? '' : i === 0 ? l : by + l));
}

function join(blocks: Block[]): Block {
  const out: Block = [];
  for (const b of blocks) {
    if (out.length) out.push('');
    out.push(...b);
  }
  return out;
}

function bulletList(items: Block[], bullet = '-'): Block {
  return join(items.map((b) => indent([`${bullet}  ${b[0] ?? ''}`, ...b.slice(1)], '   ')));
}

function gridTable(rows: string[][]): Block {
  // every cell one line (a paragraph or a one-line bullet)
  const cols = rows[0]?.length ?? 1;
  const widths = Array.from({ length: cols }, (_, c) => Math.max(3, ...rows.map((r) => (r[c] ?? '').length)) + 2);
  const border = (ch: string) => `+${widths.map((w) => ch.repeat(w)).join('+')}+`;
  const line = (r: string[]) => `|${widths.map((w, c) => ` ${(r[c] ?? '').padEnd(w - 1)}`).join('|')}|`;
  const out = [border('-')];
  rows.forEach((r, i) => {
    out.push(line(r));
    out.push(border(i === 0 ? '=' : '-'));
  });
  return out;
}

const leaf: fc.Arbitrary<Block> = fc.oneof<fc.Arbitrary<Block>[]>(
  sentence.map((s) => [s]),
  fc.tuple(sentence, sentence).map(([a, b]) => [a, b]),
  fc.array(valueBullet, { minLength: 1, maxLength: 3 }).map((vs) => bulletList(vs.map((v) => [v]))),
  fc.array(sentence, { minLength: 1, maxLength: 3 }).map((vs) => join(vs.map((v, i) => [`${i + 1}. ${v}`]))),
  fc.constantFrom('json', 'xml', 'text', '').map((lang) => [`.. code-block::${lang ? ` ${lang}` : ''}`, '', '   {"a": [1, 2]}']),
  fc.constant<Block>(['Example::', '', '   GET /v1/things', '', '   {"b": 2}']),
  fc.constant<Block>(['.. code:: json', '   :name: code_named', '', '   {}']),
  fc.constant<Block>(['.. a comment']),
  fc.constant<Block>(['.. _external_1: https://example.com/e']),
  fc.constant<Block>(['term', '   definition', '', 'term 2 : classifier', '   another']),
  fc.constant<Block>([':field: body', ':other: text']),
  fc.constant<Block>(['.. toctree::', '   :hidden:', '', '   page']),
  fc.constant<Block>(['.. unknown:: arg', '', '   Content **inside**.']),
  fc.tuple(sentence, sentence).map(([a, b]) => [`.. note::`, '', `   ${a}`, '', `   - ${b}`]),
  fc
    .array(
      fc.tuple(
        word,
        fc.oneof(word, inlinePiece),
        fc.oneof(
          sentence,
          valueBullet.map((v) => `- ${v}`),
        ),
      ),
      { minLength: 1, maxLength: 3 },
    )
    .map((rows) => gridTable([['Name', 'Type', 'Description'], ...rows.map(([a, b, c]) => [a, b.replace(/\n/g, ' '), c.replace(/\n/g, ' ')])])),
  fc
    .tuple(word, fc.constantFrom('**Table 1** Params', 'Table 2 x', ''))
    .map(([w, title]) => [
      `.. table::${title ? ` ${title}` : ''}`,
      '',
      '   ===== ==========',
      '   a     b',
      '   ===== ==========',
      `   ${w.padEnd(5)} :ref:\`l <tab_1>\``,
      '   ===== ==========',
    ]),
  fc.constant<Block>(['.. csv-table:: **Table 3** csv', '   :header: "A", "B"', '', '   "x", ":ref:`y <tab_2>`"']),
  fc.constant<Block>([
    '.. list-table:: Lists',
    '   :header-rows: 1',
    '   :name: list_table_named',
    '',
    '   * - A',
    '     - B',
    '   * - 1',
    '     - :ref:`tab_3`',
  ]),
);

const labelled: fc.Arbitrary<Block> = fc.tuple(fc.array(label, { maxLength: 2 }), leaf).map(([labels, b]) => join([...labels.map((l) => [`.. _${l}:`]), b]));

const nested: fc.Arbitrary<Block> = fc.oneof(
  { weight: 4, arbitrary: labelled },
  {
    weight: 1,
    arbitrary: fc.array(labelled, { minLength: 1, maxLength: 2 }).map((bs) => bulletList([join(bs), ['last item']])),
  },
  {
    weight: 1,
    arbitrary: fc.array(labelled, { minLength: 1, maxLength: 2 }).map((bs) => ['.. warning::', '', ...join(bs).map((l) => (l ? `   ${l}` : ''))]),
  },
);

const ADORNMENTS = ['=', '-', '~', '^'];
const page = fc
  .array(
    fc.tuple(
      fc.option(fc.tuple(fc.array(label, { maxLength: 2 }), word, fc.integer({ min: 0, max: 2 }), fc.boolean())),
      fc.array(nested, { minLength: 1, maxLength: 3 }),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((sections) => {
    const blocks: Block[] = [];
    for (const [title, body] of sections) {
      if (title) {
        const [labels, text, level, overline] = title;
        const t = `${text} title`;
        const rule = (ADORNMENTS[level] ?? '=').repeat(t.length);
        blocks.push(...labels.map((l) => [`.. _${l}:`]));
        blocks.push(overline && level === 0 ? [rule, t, rule] : [t, rule]);
      }
      blocks.push(...body);
    }
    if (sections.length % 2 === 0) blocks.push(['.. _dangling_end:']);
    return `${join(blocks).join('\n')}\n`;
  });

describe.skipIf(!hasDocutils)('document tree on generated pages, against docutils', () => {
  it('agrees with docutils on every page', () => {
    const pages = fc.sample(page, 150);
    const run = spawnSync(python, [script, '--json'], { input: JSON.stringify(pages), encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(run.status, run.stderr).toBe(0);
    const want = run.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as DoctreeSummary & { source: number });
    expect(want).toHaveLength(pages.length);
    const diffs: string[] = [];
    pages.forEach((text, i) => {
      const w = want[i];
      expect(w?.error, `page ${i}: docutils failed`).toBeUndefined();
      const doc = fromRst(text, { skeleton: false, document: true }).document;
      if (!doc || !w) throw new Error('no document');
      const got = { ...doctreeSummary(doc, ''), source: i };
      if (JSON.stringify(got) !== JSON.stringify(w)) {
        for (const k of Object.keys(w) as (keyof DoctreeSummary)[]) {
          if (JSON.stringify(w[k]) !== JSON.stringify(got[k])) {
            diffs.push(`page ${i} ${k}:\n  docutils ${JSON.stringify(w[k])}\n  got      ${JSON.stringify(got[k])}\n--- page ---\n${text}`);
          }
        }
      }
    });
    if (process.env.DOCTREE_DUMP) pages.forEach((t, i) => writeFileSync(path.join(process.env.DOCTREE_DUMP ?? '', `page-${i}.rst`), t));
    for (const d of diffs.slice(0, 5)) console.log(d);
    expect(diffs.length).toBe(0);
  });
});
