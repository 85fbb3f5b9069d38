/**
 * Benchmark worker: parses the files named on stdin-free argv (`--list FILE`
 * holds one path per line) to tables and cells, N times, and prints
 * {seconds (best run), maxrssMb, files, tables, cells} as JSON. Reading the
 * files is not timed (nor is it on the docutils side).
 */
import { readFileSync } from 'node:fs';
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
