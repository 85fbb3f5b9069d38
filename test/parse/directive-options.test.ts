/**
 * Directive option converters against docutils, live: every option of the
 * table and image directives is given a generated list of values (integers
 * of every size and sign, Unicode digits, character codes past the Unicode
 * range, lengths, class names, encodings, choices...), each in its own small
 * document; docutils (through ../shared/tools/rst-oracle.py, one python3
 * process for all documents) and fromRst must give the same messages and
 * the same tables. Skipped, saying so, without python3-docutils or ../shared.
 */
import { describe, expect, it } from 'vitest';
import { fromRst, toOracleJson } from '../../src/parse/index.js';
import { docutils, runOracle } from './oracle-run.js';

const INTEGERS = [
  '0',
  '1',
  '2',
  '3',
  '-1',
  '+2',
  ' 2 ',
  '1_0',
  '1__0',
  '_1',
  '1_',
  '٣',
  '²',
  '1.5',
  '',
  'x',
  '0x10',
  '00',
  '2147483647',
  '2147483648',
  '9007199254740993',
  '99999999999999999999999',
  '1'.repeat(4300),
  '1'.repeat(4301),
];
const CODES = [
  'tab',
  'space',
  ';',
  ';;',
  '0x3b',
  'x3b',
  '\\x3b',
  'U+003B',
  'U003b',
  'u+3b',
  '\\u003b',
  '&#x3b;',
  '&#X3B;',
  '59',
  '٥٩',
  '²',
  '½',
  'U+10FFFF',
  'U+110000',
  '1114111',
  '1114112',
  '0xFFFFFFFF',
  'U+7FFFFFFF',
  '0x80000000',
  '2147483647',
  '2147483648',
  '99999999999999999999',
  '0x',
  'U+',
  '😀',
  '0x1F600',
  '\\',
  "'",
  '"',
  'ab',
  'a\\b',
  '\u00a0',
  '\u200b',
];
const LENGTHS = ['10', '10px', '10 px', '10  em', '1.5in', '.5cm', '5.', '1.2.3', '.', '50%', '50 %', '-5px', '10PX', '10furlongs', 'auto', ''];
const CLASSES = ['a', 'a b', 'A_B.c', '1abc', '---', '123', 'ßtraße', 'ø', '日本', 'é', '_'];
const CHOICES = ['left', 'LEFT', ' center ', 'middle', 'top', 'justify', ''];
const ENCODINGS = ['utf-8', 'UTF8', 'utf 8', 'latin-1', 'utf.8', 'x-mac-japanese', 'ansi_x3.4_1968', 'nope', 'utf8\u00a0', 'ＵＴＦ8', ''];
const WIDTHS = ['auto', 'grid', '1 2', '1,2', '1, 2', '0 1', '1 -2', '1 2 3', 'x', '1\u00a02', ''];

const CSV = (option: string, value: string) => `.. csv-table:: T\n   :${option}: ${value}\n\n   a;b,"c;d"\n   1,2\n`;
const LIST = (option: string, value: string) => `.. list-table:: T\n   :${option}: ${value}\n\n   * - a\n     - b\n   * - 1\n     - 2\n   * - 3\n     - 4\n`;
const GRID = (option: string, value: string) => `.. table:: T\n   :${option}: ${value}\n\n   +---+---+\n   | a | b |\n   +---+---+\n`;
const IMAGE = (option: string, value: string) => `.. image:: x.png\n   :${option}: ${value}\n`;
const INCLUDE = (option: string, value: string) => `.. include:: x.rst\n   :${option}: ${value}\n`;
const FIGURE = (option: string, value: string) => `.. figure:: x.png\n   :${option}: ${value}\n\n   Caption.\n`;

function cases(): string[] {
  const out: string[] = [];
  const each = (make: (o: string, v: string) => string, option: string, values: readonly string[]) => {
    for (const v of values) out.push(make(option, v));
  };
  for (const option of ['delim', 'quote', 'escape']) each(CSV, option, CODES);
  for (const make of [CSV, LIST]) {
    each(make, 'header-rows', INTEGERS);
    each(make, 'stub-columns', INTEGERS);
    each(make, 'widths', WIDTHS);
    each(make, 'width', LENGTHS);
    each(make, 'class', CLASSES);
    each(make, 'align', CHOICES);
  }
  each(CSV, 'encoding', ENCODINGS);
  each(CSV, 'keepspace', ['', 'x', ' ']);
  each(CSV, 'file', ['', 'x.csv']);
  each(GRID, 'widths', WIDTHS);
  each(GRID, 'width', LENGTHS);
  each(GRID, 'align', CHOICES);
  each(IMAGE, 'align', CHOICES);
  each(IMAGE, 'scale', [...INTEGERS.slice(0, 12), '50%', '50 %%', '%']);
  each(IMAGE, 'height', LENGTHS);
  each(IMAGE, 'width', LENGTHS);
  each(IMAGE, 'nope', ['1']);
  each(FIGURE, 'figwidth', ['image', 'IMAGE', ...LENGTHS]);
  each(FIGURE, 'align', CHOICES);
  each(INCLUDE, 'parser', ['rst', 'RST', 'null', 'markdown', 'xyz', 'a.b', '']);
  each(INCLUDE, 'tab-width', INTEGERS.slice(0, 12));
  each(INCLUDE, 'encoding', ENCODINGS);
  each(INCLUDE, 'literal', ['', 'x']);
  return out;
}

describe.skipIf(!docutils)('directive option converters against docutils', () => {
  it("give docutils' messages and tables for every generated option value", () => {
    const texts = cases();
    const expected = runOracle(texts);
    const diffs: string[] = [];
    let compared = 0;
    texts.forEach((text, i) => {
      const want = expected[i];
      if (!want) return; // docutils itself raised on this input: nothing to compare
      compared++;
      const got = toOracleJson(fromRst(text, { path: 'case.rst', skeleton: false }), 'case.rst');
      const a = JSON.stringify({ tables: want.tables, messages: want.messages });
      const b = JSON.stringify({ tables: got.tables, messages: got.messages });
      if (a !== b) diffs.push(`${JSON.stringify(text)}\n  docutils: ${a.slice(0, 600)}\n  fromRst:  ${b.slice(0, 600)}`);
    });
    for (const d of diffs.slice(0, 20)) console.log(d);
    expect(compared).toBeGreaterThan(texts.length * 0.9);
    expect(diffs).toEqual([]);
  });
});
