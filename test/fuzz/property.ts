/**
 * The fuzz property, shared by the bounded test (test/fuzz/pipeline.test.ts)
 * and the long run (`npm run fuzz`, scripts/fuzz.ts): any text, run through
 * parse -> model -> emit, never throws and every diagnostic it produces points
 * inside the input. The long run also bounds the time per input; the test
 * suite does not (no clock in tests: a hang is caught by vitest's timeout).
 */
import fc from 'fast-check';
import { VFile } from 'vfile';
import { emitService } from '../../src/emit/index.js';
import { modelService, createProcessor } from '../../src/generate.js';

/** Python's str.splitlines() breaks, which docutils' line numbers follow. */
const LINE_BREAK = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/g;

/** The first diagnostic of `file` whose place is not inside `text` (lines as docutils counts them), or null. */
export function positionProblem(file: VFile, text: string): string | null {
  const lines = text.split(LINE_BREAK).length;
  for (const m of file.messages) {
    const place = m.place && 'start' in m.place ? m.place.start : m.place;
    if (!place) continue; // a message about the file as a whole
    if (!(place.line >= 1 && place.line <= lines + 1 && place.column >= 1)) {
      return `diagnostic outside the input (${lines} lines): ${place.line}:${place.column} ${m.reason} [${m.ruleId}]`;
    }
  }
  return null;
}

/** `npm run fuzz`'s bound, generous: real pages take milliseconds; this only catches hangs and blow-ups. */
export const TIME_BOUND_MS = 5_000;

export interface Outcome {
  ok: boolean;
  problem?: string;
  ms: number;
}

const processor = createProcessor();

/** Runs one input through the whole pipeline and checks the property (and `timeBoundMs`, when given). */
export function checkPipeline(text: string, timeBoundMs?: number): Outcome {
  const started = performance.now();
  const file = new VFile({ path: 'fuzz.rst', value: text });
  try {
    const model = modelService(processor, { service: 'fuzz', title: 'Fuzz', pages: [file] }, new VFile());
    emitService(model, { style: 'enum' });
    emitService(model, { style: 'const' });
  } catch (error) {
    return { ok: false, problem: `threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, ms: performance.now() - started };
  }
  const ms = performance.now() - started;
  if (timeBoundMs !== undefined && ms > timeBoundMs) return { ok: false, problem: `took ${Math.round(ms)} ms (bound ${timeBoundMs} ms)`, ms };
  const outside = positionProblem(file, text);
  if (outside) return { ok: false, problem: outside, ms };
  return { ok: true, ms };
}

const word = fc.constantFrom(
  '200',
  '404 Not Found',
  'OK',
  'Error Code',
  'Status Code',
  'Description',
  'APIGW.0101',
  'N/A',
  '4xx',
  '漢字',
  't̆',
  'é',
  '**b**',
  '*e*',
  '``l``',
  ':ref:`x <y>`',
  '`a`_',
  '|s|',
  '[1]_',
  '\\',
  '*/',
  '${x}',
  '\u202e',
  '\u2028',
  '\t',
  '\0',
  'x',
);
const text = fc.array(word, { minLength: 0, maxLength: 6 }).map((ws) => ws.join(' '));

/** A grid table of random shape and words (borders sometimes broken by the mutator). */
const gridTable = fc
  .record({
    cols: fc.integer({ min: 1, max: 4 }),
    rows: fc.array(fc.array(text, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
    header: fc.boolean(),
    indent: fc.constantFrom('', '   ', '\t'),
  })
  .map(({ cols, rows, header, indent }) => {
    const widths = Array.from({ length: cols }, (_, c) => Math.max(3, ...rows.map((r) => r[c]!.length + 2)));
    const border = (ch: string) => `${indent}+${widths.map((w) => ch.repeat(w)).join('+')}+`;
    const line = (r: string[]) => `${indent}|${widths.map((w, c) => ` ${r[c]!}`.padEnd(w)).join('|')}|`;
    const out = [border('-')];
    rows.forEach((r, i) => {
      out.push(line(r));
      out.push(border(header && i === 0 ? '=' : '-'));
    });
    return out.join('\n');
  });

const simpleTable = fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 5 }).map((rows) => {
  const w = Math.max(5, ...rows.map(([a]) => a.length));
  const bar = `${'='.repeat(w)} ${'='.repeat(12)}`;
  return [bar, `${'Status Code'.padEnd(w)} Description`, bar, ...rows.map(([a, b]) => `${a.padEnd(w)} ${b}`), bar].join('\n');
});

const block = fc.oneof(
  text,
  text.map((t) => `${t}\n${'='.repeat(Math.max(1, t.length))}`),
  text.map((t) => `-  ${t}`),
  text.map((t) => `#. ${t}`),
  gridTable,
  simpleTable,
  gridTable.map((t) => `.. table:: **Table 1** ${'Status codes'}\n\n${t.replace(/^/gm, '   ')}`),
  text.map((t) => `.. csv-table::\n   :header: "Status Code", "Description"\n\n   200, "${t}"\n   "404", ${t}`),
  text.map((t) => `.. list-table::\n   :header-rows: 1\n\n   * - Status Code\n     - Description\n   * - 400\n     - ${t}`),
  text.map((t) => `.. note::\n\n   ${t}`),
  text.map((t) => `.. code-block::\n\n   +---+\n   | ${t} |`),
  text.map((t) => `::\n\n   ${t}`),
  fc.constantFrom('', '\r\n', '\r', '----', '..', '.. _x:', '   indented', '\uFEFF'),
);

/** Random documents made of RST-ish blocks. */
export const randomRst = fc.array(block, { minLength: 0, maxLength: 8 }).map((blocks) => blocks.join('\n\n'));

/** Random character-level mutations of a given text (delete, insert, replace). */
export function mutated(base: string) {
  return fc
    .array(
      fc.record({
        at: fc.nat(),
        op: fc.constantFrom('delete', 'insert', 'replace'),
        ch: fc.constantFrom('+', '-', '|', '=', ' ', '\n', '\t', '\r', '*', '`', '\\', ':', '.', 'x', '漢', '\u0301', '\0'),
      }),
      { minLength: 1, maxLength: 12 },
    )
    .map((edits) => {
      let s = base;
      for (const e of edits) {
        const at = s.length === 0 ? 0 : e.at % s.length;
        s =
          e.op === 'delete'
            ? s.slice(0, at) + s.slice(at + 1)
            : e.op === 'insert'
              ? s.slice(0, at) + e.ch + s.slice(at)
              : s.slice(0, at) + e.ch + s.slice(at + 1);
      }
      return s;
    });
}
