/**
 * Benchmark worker: parses the files named on stdin-free argv (`--list FILE`
 * holds one path per line) to tables and cells, N times, and prints
 * {seconds (best run), maxrssMb, files, tables, cells} as JSON. Reading the
 * files is not timed (nor is it on the docutils side).
 */
import { readFileSync } from 'node:fs';
import { VFile } from 'vfile';
import { fromRst } from '../src/parse/index.js';
import { toOracleJson } from '../src/parse/oracle-json.js';

const args = process.argv.slice(2);
const listIndex = args.indexOf('--list');
const runs = Number(args[args.indexOf('--runs') + 1] ?? 1) || 1;
const skeleton = args.includes('--skeleton');
const paths = readFileSync(args[listIndex + 1]!, 'utf8')
  .split('\n')
  .filter(Boolean);
const texts = paths.map((p) => readFileSync(p, 'utf8').replace(/^\uFEFF/, ''));

/**
 * `--specs`: the pages to whole OpenAPI specs instead (one service per folder
 * below `api-ref/`; status/error-code pages to the codes model, the others to
 * operations), through `generate`; `tables` then counts operations.
 */
if (args.includes('--specs')) {
  // Loaded only here: the emitters bring ts-morph and TypeScript (~80 MB), which the parse cases never use.
  const { generate } = await import('../src/generate.js');
  let bestSpecs = Infinity;
  let operations = 0;
  for (let run = 0; run < runs; run++) {
    const byService = new Map<string, { pages: VFile[]; apiPages: VFile[] }>();
    paths.forEach((p, i) => {
      const parts = p.split('/');
      const at = parts.indexOf('api-ref');
      const service = parts[at + 1] ?? 'service';
      const entry = byService.get(service) ?? { pages: [], apiPages: [] };
      byService.set(service, entry);
      const file = new VFile({ path: p, value: texts[i]! });
      (/(status|error)_?codes?/i.test(parts.slice(at + 2).join('/')) ? entry.pages : entry.apiPages).push(file);
    });
    const start = process.hrtime.bigint();
    const result = generate(
      [...byService].map(([service, s]) => ({ service, title: service, ...s })),
      { style: 'enum' },
      new VFile({ path: 'run' }),
    );
    bestSpecs = Math.min(bestSpecs, Number(process.hrtime.bigint() - start) / 1e9);
    operations = result.summary.reduce((n, s) => n + s.operations, 0);
  }
  process.stdout.write(
    `${JSON.stringify({ seconds: bestSpecs, maxrssMb: process.resourceUsage().maxRSS / 1024, files: texts.length, tables: operations, cells: 0 })}\n`,
  );
  process.exit(0);
}

let best = Infinity;
let tables = 0;
let cells = 0;
for (let run = 0; run < runs; run++) {
  tables = 0;
  cells = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < texts.length; i++) {
    const json = toOracleJson(fromRst(texts[i]!, { path: paths[i]!, skeleton }), paths[i]!);
    tables += json.tables.length;
    for (const t of json.tables) cells += t.cells.length;
  }
  best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
}
const maxrssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ seconds: best, maxrssMb, files: texts.length, tables, cells })}\n`);
