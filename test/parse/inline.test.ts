import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inlineText } from '../../src/parse/inline.js';
import { parseRules, type ParseRuleId } from '../../src/parse/rules.js';
import { pyCollapse } from '../../src/parse/block-text.js';
import { corpusPages, readOracle, sharedPresent } from '../helpers/corpus.js';
import { expectedOracle, fixturePairs } from '../helpers/fixtures.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.resolve(here, '..', 'fixtures', 'inline');

interface OracleMessage {
  level: number;
  type: string;
  line: number;
  message: string;
}
interface Expected {
  tables: { line: number; cells: { text: string; blocks: string[] }[]; messages: OracleMessage[] }[];
  messages: OracleMessage[];
}

/** The one-cell grid tables of a fixture: first border line (1-based) and the cell's lines as docutils sees them. */
function cellsOf(rst: string): { line: number; raw: string }[] {
  const lines = rst.split('\n');
  const cells: { line: number; raw: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^\+-+\+$/.test(lines[i] ?? '')) continue;
    const rows: string[] = [];
    let j = i + 1;
    while (j < lines.length && (lines[j] ?? '').startsWith('| ')) rows.push((lines[j++] ?? '').slice(2, -2));
    // docutils rstrips source lines
    cells.push({ line: i + 1, raw: rows.map((r) => r.replace(/[\s\x1c-\x1f\x85]+$/u, '')).join('\n') });
    i = j;
  }
  return cells;
}

// paragraphs.rst holds body paragraphs, not tables: tested below
const pairs = fixturePairs(fixtures, { input: '.rst', expected: '.expected.json' });
const fixtureNames = pairs.map((p) => p.name).filter((name) => name !== 'paragraphs');
/** A fixture's expected file (docutils' reading): missing fails, UPDATE_EXPECTED=1 asks docutils. */
const expectedOf = (name: string): Expected => {
  const pair = pairs.find((p) => p.name === name)!;
  return expectedOracle(pair.input, pair.expected) as Expected;
};

describe('inlineText against docutils (fixtures from the oracle)', () => {
  it('has the fixtures', () => {
    expect(fixtureNames).toEqual(expect.arrayContaining(['emphasis-strong', 'literal', 'roles', 'references', 'escapes', 'warnings', 'fuzz']));
  });

  for (const name of fixtureNames) {
    it(`${name}: cell text and messages equal docutils'`, () => {
      const rst = readFileSync(path.join(fixtures, `${name}.rst`), 'utf8');
      const expected = expectedOf(name);
      const cells = cellsOf(rst);
      expect(cells.length).toBe(expected.tables.length);
      const failures: string[] = [];
      cells.forEach((cell, i) => {
        const table = expected.tables[i];
        expect(table?.line).toBe(cell.line);
        expect(table?.cells.map((c) => c.blocks)).toEqual([['paragraph']]);
        // docutils reports the messages of a table cell's paragraph one line below its first line
        const got = inlineText(cell.raw, { line: cell.line + 1, column: 3, messageLine: cell.line + 2 });
        const gotText = pyCollapse(got.text);
        const gotMessages = got.messages.map(({ level, type, line, message }) => ({ level, type, line, message }));
        const wantMessages = (table?.messages ?? []).filter((m) => !/^Duplicate (explicit|implicit) target/.test(m.message));
        if (gotText !== table?.cells[0]?.text || JSON.stringify(gotMessages) !== JSON.stringify(wantMessages)) {
          failures.push(
            `${JSON.stringify(cell.raw)}\n  want ${JSON.stringify(table?.cells[0]?.text)} ${JSON.stringify(wantMessages)}` +
              `\n  got  ${JSON.stringify(gotText)} ${JSON.stringify(gotMessages)}`,
          );
        }
      });
      expect(failures).toEqual([]);
    });
  }
});

describe('inlineText: examples', () => {
  const text = (raw: string): string => pyCollapse(inlineText(raw, { line: 1 }).text);

  it('reduces each construct to its text', () => {
    expect(text('*em* **strong** ``lit`` `title`')).toBe('em strong lit title');
    expect(text(':ref:`Status codes <codes>` :doc:`~a.b` :ref:`!x`')).toBe('Status codes a.b x');
    expect(text(':pep:`8` :rfc:`0022#x`')).toBe('PEP 8 RFC 22');
    expect(text('`Docs <http://x.y>`_ `<a@b.c>`_ `<Some Alias_>`_')).toBe('Docs mailto:a@b.c some alias');
    expect(text('word_ anon__ [1]_ [#]_ [*]_ [CIT]_ |sub|_ _`target`')).toBe('word anon 1 CIT sub target');
  });

  it('applies the context rules', () => {
    expect(text('2*3*4 a*b * "*" (*x*) (*)')).toBe('2*3*4 a*b * "*" (x) (*)');
    expect(text('«*» ’*’ «*x*»')).toBe('«*» ’*’ «x»');
  });

  it('handles backslash escapes like docutils', () => {
    expect(inlineText('a\\ b \\*c\\* \\\\ d\\', { line: 1 }).text).toBe('ab *c* \\ d');
    expect(inlineText('``a\\*b``', { line: 1 }).text).toBe('a\\*b');
  });

  it('reports unbalanced markup at the block line, with the markup column and rule id', () => {
    const result = inlineText('Text\nmore *open', { line: 7, column: 5 });
    expect(result.text).toBe('Text\nmore *open');
    expect(result.messages).toEqual([
      {
        level: 2,
        type: 'WARNING',
        line: 7,
        column: 5,
        message: 'Inline emphasis start-string without end-string.',
        ruleId: 'inline-markup',
      },
    ]);
    const onFirstLine = inlineText('ab ``x', { line: 3, column: 10 });
    expect(onFirstLine.messages[0]?.column).toBe(13);
    expect(onFirstLine.messages[0]?.message).toBe('Inline literal start-string without end-string.');
  });

  it("gives a column on the reported line when the caller passes each line's column", () => {
    // a cell paragraph: docutils reports line + 1; the markup is on that line, at offset 4
    const result = inlineText('ab\ncd  ``x', { line: 20, messageLine: 21, lineColumns: [7, 7] });
    expect(result.messages.map((m) => [m.line, m.column])).toEqual([[21, 11]]);
    // the markup is elsewhere: the start of the reported line
    const other = inlineText('ab ``x\ncd', { line: 20, messageLine: 21, lineColumns: [7, 9] });
    expect(other.messages.map((m) => [m.line, m.column])).toEqual([[21, 9]]);
  });

  it('reads Unicode decimal digits in :pep: and :rfc: as Python int() does', () => {
    expect(inlineText(':pep:`\u0663` :rfc:`\uff11\uff12`', { line: 1 }).text).toBe('PEP \u0663 RFC 12');
  });

  it('gives the disabled raw role the state machine line (default: the last line)', () => {
    const result = inlineText('a\nb :raw:`x`\nc', { line: 10 });
    expect(result.messages.map((m) => [m.line, m.message])).toEqual([[12, 'raw (and derived) roles disabled']]);
    expect(result.text).toBe('a\nb :raw:`x`\nc');
  });
});

describe('inlineText: body paragraphs (messages from the oracle)', () => {
  it('reports at the paragraph line', () => {
    const rst = readFileSync(path.join(fixtures, 'paragraphs.rst'), 'utf8');
    const expected = expectedOf('paragraphs');
    const got: OracleMessage[] = [];
    const lines = rst.split('\n');
    for (let i = 0; i < lines.length;) {
      if ((lines[i] ?? '') === '') {
        i++;
        continue;
      }
      const start = i;
      while (i < lines.length && (lines[i] ?? '') !== '') i++;
      const result = inlineText(lines.slice(start, i).join('\n'), { line: start + 1 });
      got.push(...result.messages.map(({ level, type, line, message }) => ({ level, type, line, message })));
    }
    expect(got.length).toBeGreaterThan(3);
    expect(got).toEqual(expected.messages);
  });
});

describe('pyCollapse', () => {
  it('splits on what Python str.split() splits on', () => {
    expect(pyCollapse('  a \t\n b\u00a0c\u3000d\x1ce\x85f  ')).toBe('a b c d e f');
    expect(pyCollapse('a\ufeffb\u200bc')).toBe('a\ufeffb\u200bc');
    expect(pyCollapse('')).toBe('');
  });
});

describe('inlineText: robustness', () => {
  it('never throws and returns real positions for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.integer({ min: 1, max: 5000 }), (raw, line) => {
        const result = inlineText(raw, { line, column: 4 });
        for (const m of result.messages) {
          expect(m.line).toBeGreaterThanOrEqual(line);
          expect(m.column).toBeGreaterThanOrEqual(1);
          expect(Object.hasOwn(parseRules, m.ruleId) && parseRules[m.ruleId as ParseRuleId].level).toBe(m.level);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('leaves text without markup characters unchanged', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9 ,;()'"!?-]{0,40}$/), (raw) => {
        expect(inlineText(raw, { line: 1 })).toEqual({ text: raw, messages: [], unknownRoles: [] });
      }),
    );
  });

  it('lists the roles it did not know, as written, in order', () => {
    const result = inlineText(':ref:`x` :Ref:`y <z>` :emphasis:`e` `t` :ref:`again`', { line: 1 });
    expect(result.text).toBe('x y e t again');
    expect(result.unknownRoles).toEqual(['ref', 'Ref', 'ref']);
  });

  it('stays linear on 100,000 characters of unmatched start-strings', () => {
    const raw = '*a '.repeat(33_334);
    const result = inlineText(raw, { line: 1 });
    expect(result.text).toBe(raw);
    expect(result.messages.length).toBe(33_334);
    const literals = inlineText('``a '.repeat(25_000), { line: 1 });
    expect(literals.messages.length).toBe(25_000);
    const chain = inlineText('a-'.repeat(50_000), { line: 1 });
    expect(chain.text).toBe('a-'.repeat(50_000));
  });
});

describe.skipIf(!sharedPresent('inline corpus test'))('inlineText on the corpus', () => {
  it('leaves the reduced one-paragraph cell texts of the status-code pages unchanged', () => {
    // The oracle's cell texts are already reduced: reducing them again must change nothing
    // when they hold no markup or escape characters (and no URI: those stay text anyway).
    let checked = 0;
    for (const page of corpusPages()) {
      for (const table of readOracle<Expected>(page).tables) {
        for (const cell of table.cells) {
          if (cell.blocks.join() !== 'paragraph' || /[*`_|[\]\\]/.test(cell.text)) continue;
          expect(pyCollapse(inlineText(cell.text, { line: 1 }).text)).toBe(cell.text);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
