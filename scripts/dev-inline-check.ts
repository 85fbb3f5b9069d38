/**
 * DEV ONLY: checks src/parse/inline.ts against docutils (the oracle).
 *
 *   tsx scripts/dev-inline-check.ts corpus [--limit N] [--show N]
 *     Collects the markup-bearing lines of ../shared/corpus (grid-table rows
 *     split into cell fragments), puts each in a one-cell grid table, runs the
 *     oracle over the batch, and compares cell text and messages with
 *     inlineText(). Prints the mismatches and a summary line.
 *
 *   tsx scripts/dev-inline-check.ts fixture NAME < snippets.json
 *     Writes test/fixtures/inline/NAME.rst (one one-cell grid table per
 *     snippet) and NAME.expected.json (the oracle's output for it).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inlineText } from '../src/parse/inline.js';
import { pyCollapse } from '../src/parse/block-text.js';
import { corpusDir, repoRoot, rstFiles, sharedDir } from '../test/helpers/corpus.js';

const oracle = path.join(sharedDir, 'tools', 'rst-oracle.py');

interface OracleMessage {
  level: number;
  type: string;
  line: number;
  message: string;
}
interface OracleOutput {
  tables: { line: number; cells: { text: string; blocks: string[] }[]; messages: OracleMessage[] }[];
  messages: OracleMessage[];
}

/** Display width as docutils measures table text (East Asian wide/fullwidth characters count 2). */
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;
const width = (s: string): number => Array.from(s).reduce((w, c) => w + (/\p{M}/u.test(c) ? 0 : WIDE.test(c) ? 2 : 1), 0);

/** One one-cell grid table per snippet, separated by blank lines; returns the text and each table's first line. */
export function tablesRst(snippets: readonly string[]): { text: string; lines: number[] } {
  const out: string[] = [];
  const lines: number[] = [];
  for (const snippet of snippets) {
    const rows = snippet.split('\n');
    const w = Math.max(...rows.map(width)) + 2;
    lines.push(out.length + 1);
    out.push(`+${'-'.repeat(w)}+`);
    for (const row of rows) out.push(`| ${row}${' '.repeat(w - 2 - width(row))} |`);
    out.push(`+${'-'.repeat(w)}+`, '');
  }
  return { text: out.join('\n'), lines };
}

function runOracle(file: string): OracleOutput {
  const json = execFileSync('/usr/bin/python3', [oracle, file, '--compact'], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  return JSON.parse(json) as OracleOutput;
}

function corpusSnippets(limit: number): string[] {
  const seen = new Set<string>();
  const files = rstFiles(corpusDir).sort();
  for (const file of files) {
    for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
      const trimmed = line.trim();
      const fragments = trimmed.startsWith('|') && trimmed.endsWith('|') ? trimmed.slice(1, -1).split(' | ') : [trimmed];
      for (const fragment of fragments) {
        const f = fragment.trim().replace(/^(?:[-*+\u2022]|#\.|\d+\.)\s+(?=\S)/, '');
        if (f === '' || !/[*`_|[\]\\<:]/.test(f) || f.endsWith('::') || /^[+=-]{4,}/.test(f)) continue;
        seen.add(f);
        if (seen.size >= limit) return [...seen];
      }
    }
  }
  return [...seen];
}

function compare(snippets: readonly string[], show: number): void {
  const dir = mkdtempSync(path.join(tmpdir(), 'inline-check-'));
  const batch = 4000;
  let compared = 0;
  let skipped = 0;
  let textMismatch = 0;
  let messageMismatch = 0;
  let shown = 0;
  for (let start = 0; start < snippets.length; start += batch) {
    const chunk = snippets.slice(start, start + batch);
    const { text, lines } = tablesRst(chunk);
    const file = path.join(dir, `batch-${start}.rst`);
    writeFileSync(file, text);
    const result = runOracle(file);
    const byLine = new Map(result.tables.map((t) => [t.line, t]));
    chunk.forEach((snippet, i) => {
      const line = lines[i] ?? 0;
      const table = byLine.get(line);
      const cell = table?.cells[0];
      const blockLevel = table?.messages.some((m) => /^Unexpected section title|^Unexpected possible title/.test(m.message));
      if (!table || !cell || table.cells.length !== 1 || cell.blocks.join() !== 'paragraph' || blockLevel) {
        skipped++;
        return;
      }
      compared++;
      // docutils rstrips every source line (statemachine.string2lines)
      const raw = snippet
        .split('\n')
        .map((l) => l.replace(/[\s\x1c-\x1f\x85]+$/u, ''))
        .join('\n');
      const got = inlineText(raw, { line: line + 1, column: 3, messageLine: line + 2 });
      const gotText = pyCollapse(got.text);
      const gotMessages = got.messages.map((m) => `${m.level}:${m.type}:${m.line}:${m.message}`).join('\n');
      const wantMessages = table.messages
        // document-level, not the Inliner: block-level notes, and duplicate targets across the batch
        .filter((m) => !/^Unexpected possible title overline or transition\.|^Duplicate explicit target name/.test(m.message))
        .map((m) => `${m.level}:${m.type}:${m.line}:${m.message}`)
        .join('\n');
      const textOk = gotText === cell.text;
      const messagesOk = gotMessages === wantMessages;
      if (!textOk) textMismatch++;
      if (!messagesOk) messageMismatch++;
      if ((!textOk || !messagesOk) && shown < show) {
        shown++;
        console.log(`--- ${JSON.stringify(snippet)}`);
        if (!textOk) console.log(`  text want ${JSON.stringify(cell.text)}\n       got  ${JSON.stringify(gotText)}`);
        if (!messagesOk) console.log(`  msgs want ${JSON.stringify(wantMessages)}\n       got  ${JSON.stringify(gotMessages)}`);
      }
    });
  }
  console.log(
    `inline check: ${compared} snippets compared (${skipped} skipped: not a one-paragraph cell), ` +
      `${textMismatch} text mismatches, ${messageMismatch} message mismatches`,
  );
}

/** Random strings over the characters that matter to the Inliner (mulberry32 PRNG, seeded). */
function fuzzSnippets(count: number, seed: number, rich: boolean, maxLength = 24): string[] {
  let state = seed >>> 0;
  const random = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const alphabet = [
    '*',
    '*',
    '`',
    '`',
    '_',
    '_',
    '|',
    '[',
    ']',
    '#',
    ':',
    ':',
    '<',
    '>',
    '\\',
    '\\',
    ' ',
    ' ',
    ' ',
    'a',
    'b',
    'x',
    '1',
    '2',
    '(',
    ')',
    '"',
    "'",
    '.',
    '-',
    '~',
    '!',
    '@',
    '/',
    '\u00ab',
    '\u00bb',
    '\u2019',
    '\u201c',
    '\u00a0',
    'http://e.com',
    'ref',
    ':ref:',
    ':pep:',
    ':rfc:',
    ':code:',
    ':sub:',
    ':raw:',
    ':title:',
    ':x:',
    '\n',
    'é',
    '\u{1d400}',
  ];
  if (rich) {
    alphabet.push(
      '<a_>',
      '<A b_>',
      '<http://x.y/_>',
      '<a@b.c>',
      '<x\\_>',
      '`_',
      '`__',
      '``',
      '**',
      ']_',
      '[#',
      '[*]_',
      '\\_',
      '8',
      '0',
      '-1',
      '#s',
      'text ',
      ' <',
      '`text <u>`_',
      ':pep:`8`',
      ':rfc:`22#x`',
      ':ab:`x`',
      '`x`:ref:',
      ' `a` ',
      ' *e* ',
      ' **s** ',
      ' |s|_ ',
      ' _`t` ',
      '\\ ',
      '\\\\',
      '\u3008',
      '\u3009',
      '\u201e',
      '\u201d',
      ':ref:`a <b>`',
      ':doc:`~x`',
      ':math:`a\\b`',
      ':code:`\\x`',
      ':index:`i`',
      ':raw:`r`',
      'a_',
      'b__',
    );
  }
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const length = 1 + Math.floor(random() * maxLength);
    let s = '';
    for (let k = 0; k < length; k++) s += alphabet[Math.floor(random() * alphabet.length)] ?? '';
    s = s.replace(/\n\s*/g, '\n').replace(/^\s+|\s+$/g, '');
    if (s !== '' && !s.endsWith('::') && !s.split('\n').some((l) => l.trim() === '')) out.push(s);
  }
  return out;
}

const [mode, ...rest] = process.argv.slice(2);
const flag = (name: string, fallback: number): number => {
  const i = rest.indexOf(name);
  return i >= 0 ? Number(rest[i + 1]) : fallback;
};
if (mode === 'corpus') {
  compare(corpusSnippets(flag('--limit', 1e9)), flag('--show', 40));
} else if (mode === 'fuzz') {
  compare(fuzzSnippets(flag('--count', 5000), flag('--seed', 1), rest.includes('--rich'), flag('--max', 24)), flag('--show', 40));
} else if (mode === 'snippets') {
  compare(JSON.parse(readFileSync(0, 'utf8')) as string[], flag('--show', 1000));
} else if (mode === 'fuzz-list') {
  console.log(JSON.stringify(fuzzSnippets(flag('--count', 500), flag('--seed', 1), rest.includes('--rich'))));
} else if (mode === 'fixture' && rest[0]) {
  let snippets = JSON.parse(readFileSync(0, 'utf8')) as string[];
  const base = path.join(repoRoot, 'test', 'fixtures', 'inline', rest[0]);
  if (rest.includes('--paragraphs-only')) {
    // keep the snippets docutils reads as one paragraph (no lists, titles, ...)
    writeFileSync(`${base}.rst`, tablesRst(snippets).text);
    const probe = runOracle(`${base}.rst`);
    const { lines } = tablesRst(snippets);
    const byLine = new Map(probe.tables.map((t) => [t.line, t]));
    snippets = snippets.filter((_, i) => {
      const table = byLine.get(lines[i] ?? 0);
      return (
        table !== undefined &&
        table.cells.length === 1 &&
        table.cells[0]?.blocks.join() === 'paragraph' &&
        !table.messages.some((m) => /^Unexpected|^Duplicate/.test(m.message))
      );
    });
  }
  writeFileSync(`${base}.rst`, tablesRst(snippets).text);
  const result = runOracle(`${base}.rst`);
  const tables = result.tables.map((table) => JSON.stringify(table)).join(',\n  ');
  writeFileSync(`${base}.expected.json`, `{"tables": [\n  ${tables}\n],\n"messages": ${JSON.stringify(result.messages)}}\n`);
  if (snippets.length !== result.tables.length) console.log(`note: ${snippets.length} snippets, ${result.tables.length} tables`);
  console.log(`wrote ${base}.rst and .expected.json (${result.tables.length} tables)`);
} else {
  console.error('usage: dev-inline-check.ts corpus [--limit N] [--show N] | snippets < list.json | fixture NAME < list.json');
  process.exitCode = 2;
}
